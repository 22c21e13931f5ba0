import { apiAs, completedRecordingOf, getJson, sessionTitled, type RecordingJson } from './api';
import { demo, expect, openSession, screenshot, signIn, test } from './fixtures';
import { expectToPlayAndSeek } from './media';

test('a teacher records a class and the recording becomes available without a reload', async ({ page, emulator, baseURL }) => {
  await signIn(page, demo.teacher);
  await screenshot(page, 'teacher-01-sessions');
  await openSession(page, 'Tajweed Foundations - Session 2');

  const panel = page.getByTestId('recording-panel');
  const status = page.getByTestId('recording-status');
  await expect(status).toHaveAttribute('data-state', 'idle');
  // Marks this document: a reload or a full navigation would lose it.
  await page.evaluate(() => Object.assign(window, { e2eSameDocument: true }));

  await panel.getByRole('button', { name: 'Start recording' }).click();
  await expect(status).toHaveAttribute('data-state', 'recording');
  const live = page.getByTestId('live-indicator');
  await expect(live).toBeVisible();
  // The elapsed time ticks.
  await expect(live.getByRole('timer')).not.toHaveText('00:00:00', { timeout: 5_000 });

  const sessionId = page.url().split('/').at(-1) ?? '';
  const api = await apiAs(baseURL ?? '', demo.teacher);
  const session = await getJson<{ activeRecording: RecordingJson | null }>(api, `/api/sessions/${sessionId}`);
  expect(session.activeRecording, 'the session has an active recording').not.toBeNull();
  await emulator.waitUntilActive(session.activeRecording?.roomName ?? '');
  await screenshot(page, 'teacher-02-recording');

  await panel.getByRole('button', { name: 'Stop recording' }).click();
  await expect(status).toHaveAttribute('data-state', 'processing');
  await expect(status).toHaveText('Recording stopped. It is being processed and will be available shortly.');
  await expect(live).toBeHidden();
  await screenshot(page, 'teacher-03-processing');

  // The emulator writes the file and reports egress_ended; the page notices by polling.
  await expect(status).toHaveAttribute('data-state', 'available', { timeout: 30_000 });
  await expect(status).toHaveText('The recording is ready to watch.');
  expect(await page.evaluate(() => 'e2eSameDocument' in window), 'the page was not reloaded').toBe(true);
  const row = page.getByRole('table').getByRole('row').filter({ hasText: 'Ready' });
  await expect(row.first()).toBeVisible();
  await screenshot(page, 'teacher-04-available');

  await panel.getByRole('link', { name: 'Watch the recording' }).click();
  await expect(page).toHaveURL(/\/recordings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /Tajweed Foundations - Session 2/ })).toBeVisible();
  await expect(page.getByText('00:00:06')).toBeVisible();
  await expectToPlayAndSeek(page.locator('video'));
  await screenshot(page, 'teacher-05-player');
  await api.dispose();
});

test('the player plays an audio-only Quran recording and seeks in it', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL ?? '', demo.teacher);
  const recording = await completedRecordingOf(api, (await sessionTitled(api, 'Hifz with Amina - Surat Al-Mulk')).id);
  await api.dispose();
  expect(recording.file?.format).toBe('ogg');

  await signIn(page, demo.teacher);
  await page.goto(`/recordings/${recording.id}`);
  await expect(page.locator('video')).toHaveCount(0);
  await expectToPlayAndSeek(page.locator('audio'));
  await screenshot(page, 'player-audio');
});
