import { apiAs, completedRecordingOf, sessionTitled } from './api';
import { demo, expect, screenshot, signIn, test } from './fixtures';

test('a video recording shows its poster in the session list and in the player', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL ?? '', demo.admin);
  const session = await sessionTitled(api, 'Mathematics - Quadratic equations');
  // The API makes the demo recordings' posters by itself (its media jobs look every 5 s).
  await expect
    .poll(async () => (await completedRecordingOf(api, session.id)).posterState, { timeout: 60_000 })
    .toBe('done');
  const recording = await completedRecordingOf(api, session.id);
  const poster = await api.get(recording.posterUrl ?? '');
  expect(poster.status()).toBe(200);
  expect(poster.headers()['content-type']).toBe('image/jpeg');
  await api.dispose();

  await signIn(page, demo.admin);
  await page.goto(`/sessions/${session.id}`);
  const thumbnail = page.getByRole('table').locator('img.poster-thumb').first();
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  await screenshot(page, 'session-list-poster');

  await page.goto(`/recordings/${recording.id}`);
  const video = page.locator('video');
  await expect(video).toHaveAttribute('poster', /\/api\/recordings\/[0-9a-f-]{36}\/poster\?/);
  // Before playing, the player shows the poster: the still is drawn where the video will be.
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  await screenshot(page, 'player-poster');
});
