import { apiAs, getJson, sessionTitled, type RecordingJson } from './api';
import { demo, expect, screenshot, signIn, test } from './fixtures';

test('a class cut at LiveKit\'s limit is one recording in parts that the player plays as one and seeks across', async ({
  page,
  emulator,
  baseURL,
}) => {
  const api = await apiAs(baseURL ?? '', demo.teacher);
  const session = await sessionTitled(api, 'Mathematics - Functions');
  // LiveKit cuts each file this long after it starts recording (Cloud: 3 hours).
  await emulator.setFaults({ fileOutputLimitMs: 3_000 });
  const startResponse = await api.post(`/api/sessions/${session.id}/recordings`);
  expect(startResponse.status()).toBe(201);
  const started = (await startResponse.json()) as RecordingJson;
  let recording: RecordingJson = started;
  try {
    await expect
      .poll(async () => {
        recording = await getJson<RecordingJson>(api, `/api/recordings/${started.id}`);
        return recording.parts?.length ?? 0;
      }, { message: 'the next part begins', timeout: 20_000 })
      .toBe(1);
  } finally {
    await emulator.setFaults({});
  }
  expect(recording.status).toBe('recording');
  await emulator.waitUntilActive(recording.roomName);
  expect((await api.post(`/api/sessions/${session.id}/recordings/stop`)).status()).toBe(200);
  // The API joins the parts and packages the whole (its media jobs look every 5 s).
  await expect
    .poll(async () => {
      recording = await getJson<RecordingJson>(api, `/api/recordings/${started.id}`);
      return `${recording.status} ${recording.joinState ?? 'none'} ${recording.hlsState ?? 'none'}`;
    }, { message: 'completed, joined and packaged', timeout: 90_000 })
    .toBe('completed done done');
  await api.dispose();
  const parts = recording.parts ?? [];
  expect(parts.map((p) => p.number)).toEqual([1, 2]);
  const partsLength = parts.reduce((sum, p) => sum + p.durationSeconds, 0);

  await signIn(page, demo.teacher);
  await page.goto(`/recordings/${recording.id}`);
  const video = page.locator('video');
  await expect(video).toHaveAttribute('data-playback', 'hls.js');
  await expect(page.getByRole('link', { name: 'Download', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download part 2 of 2' })).toBeVisible();

  // One timeline as long as both parts, and a seek into the second part plays on from there.
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { message: 'the whole class is one timeline' })
    .toBeGreaterThan(partsLength - 0.5);
  expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeLessThan(partsLength + 0.5);
  const intoSecondPart = (parts[0]?.durationSeconds ?? 0) + 1.5;
  await video.evaluate(
    (v: HTMLVideoElement, to: number) =>
      new Promise<void>((resolve) => {
        v.muted = true;
        v.addEventListener(
          'seeked',
          () => {
            resolve();
          },
          { once: true },
        );
        v.currentTime = to;
        void v.play();
      }),
    intoSecondPart,
  );
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { message: 'playback goes on in the second part' })
    .toBeGreaterThan(intoSecondPart + 0.5);
  expect(await video.evaluate((v: HTMLVideoElement) => v.error)).toBeNull();
  await screenshot(page, 'player-stitched');
});
