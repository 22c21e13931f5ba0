import { statSync } from 'node:fs';
import { apiAs, completedRecordingOf, sessionTitled } from './api';
import { demo, expect, openSession, screenshot, signIn, test } from './fixtures';

test('a student sees the recording of their class and downloads it', async ({ page, baseURL }) => {
  await signIn(page, demo.student);
  await openSession(page, 'Tajweed Foundations - Session 1');
  // Students watch; they do not control recording.
  await expect(page.getByTestId('recording-panel').getByRole('button')).toHaveCount(0);
  const recordings = page.getByRole('table');
  const link = recordings.getByRole('link', { name: /Tajweed Foundations - Session 1/ });
  await expect(link).toBeVisible();
  await screenshot(page, 'student-01-session');

  const api = await apiAs(baseURL ?? '', demo.student);
  const recording = await completedRecordingOf(api, (await sessionTitled(api, 'Tajweed Foundations - Session 1')).id);
  await api.dispose();

  await link.click();
  const downloadLink = page.getByRole('link', { name: 'Download' });
  await expect(downloadLink).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
  const file = await download.path();
  expect(download.suggestedFilename()).toMatch(/\.mp4$/);
  expect(statSync(file).size).toBeGreaterThan(0);
  expect(statSync(file).size).toBe(recording.file?.sizeBytes);
  await screenshot(page, 'student-02-player');
});

test('someone outside a class sees neither it nor its recordings', async ({ page, baseURL }) => {
  const teacher = await apiAs(baseURL ?? '', demo.teacher);
  const session = await sessionTitled(teacher, 'Tajweed Foundations - Session 1');
  const recording = await completedRecordingOf(teacher, session.id);
  await teacher.dispose();

  await signIn(page, demo.outsider);
  await expect(page.getByRole('link', { name: /Tajweed Foundations/ })).toHaveCount(0);
  await expect(page.getByText('You have no sessions yet.')).toBeVisible();
  await screenshot(page, 'outsider-01-sessions');

  // Deep links are served by the API's SPA fallback; the API refuses the data behind them.
  await page.goto(`/sessions/${session.id}`);
  await expect(page.getByRole('alert')).toHaveText(/You don't have access to this\.|We couldn't find this\./);
  await expect(page.getByTestId('recording-panel')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await screenshot(page, 'outsider-02-session-refused');

  await page.goto(`/recordings/${recording.id}`);
  await expect(page.getByRole('alert')).toHaveText(/You don't have access to this\.|We couldn't find this\./);
  await expect(page.locator('video, audio')).toHaveCount(0);
});
