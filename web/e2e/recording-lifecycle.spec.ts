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
  // The teacher marks a moment of the class; it becomes a chapter of the recording.
  await panel.getByLabel('What is this moment?').fill('The rules of noon sakinah');
  await panel.getByRole('button', { name: 'Mark this moment' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Marked' })).toHaveText(/^Marked “The rules of noon sakinah” at \d/);
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
  // The moment is a chapter of the player and in the list under it; the teacher renames it.
  await expect
    .poll(() => page.locator('video').evaluate((video: HTMLVideoElement) => {
      const chapters = Array.from(video.textTracks).find((track) => track.kind === 'chapters');
      if (chapters) chapters.mode = 'hidden';
      return chapters?.cues?.length ? (chapters.cues[0] as VTTCue).text : null;
    }), { message: 'the chapters track is loaded' })
    .toBe('The rules of noon sakinah');
  const marks = page.getByTestId('recording-marks');
  await marks.getByRole('button', { name: 'Edit “The rules of noon sakinah”' }).click();
  await marks.getByLabel('Name').fill('Noon sakinah and tanween');
  await marks.getByRole('button', { name: 'Save' }).click();
  await expect(marks.getByRole('listitem')).toHaveCount(1);
  await expect(marks.getByRole('listitem')).toContainText('Noon sakinah and tanween');
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
