import { expect, type Locator } from '@playwright/test';

/**
 * The media element really plays: it starts, `currentTime` advances, a seek lands where asked and playback
 * goes on from there. (Debian's Chromium decodes H.264/AAC and Opus.)
 */
export async function expectToPlayAndSeek(media: Locator): Promise<void> {
  const playable = await media.evaluate((element: HTMLMediaElement) =>
    element.canPlayType(element instanceof HTMLVideoElement ? 'video/mp4; codecs="avc1.42E01E"' : 'audio/ogg; codecs="opus"'),
  );
  expect(playable, 'the browser can decode the recording').not.toBe('');

  await media.evaluate(async (element: HTMLMediaElement) => {
    element.muted = true;
    await element.play();
  });
  const time = () => media.evaluate((element: HTMLMediaElement) => element.currentTime);
  await expect.poll(time, { message: 'playback advances' }).toBeGreaterThan(0.5);
  expect(await media.evaluate((element: HTMLMediaElement) => element.error)).toBeNull();

  const duration = await media.evaluate((element: HTMLMediaElement) => element.duration);
  expect(duration).toBeGreaterThan(3);
  const target = Math.min(duration - 1.5, 4);
  await media.evaluate(
    (element: HTMLMediaElement, to: number) =>
      new Promise<void>((resolve) => {
        element.addEventListener(
          'seeked',
          () => {
            resolve();
          },
          { once: true },
        );
        element.currentTime = to;
      }),
    target,
  );
  const afterSeek = await time();
  expect(afterSeek).toBeGreaterThanOrEqual(target - 0.25);
  await expect.poll(time, { message: 'playback goes on after the seek' }).toBeGreaterThan(afterSeek + 0.3);
}
