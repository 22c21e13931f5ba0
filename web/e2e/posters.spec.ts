import { apiAs, completedRecordingOf, sessionTitled } from './api';
import { demo, expect, screenshot, signIn, test } from './fixtures';
import { expectToPlayAndSeek } from './media';

test('a video recording shows its poster in the session list and in the player', async ({ page, baseURL }) => {
  // A recording no other test deletes (the catalogue test deletes the mathematics one).
  const api = await apiAs(baseURL ?? '', demo.teacher);
  const session = await sessionTitled(api, 'Tajweed Foundations - Session 1');
  // The API makes the demo recordings' posters by itself (its media jobs look every 5 s).
  await expect
    .poll(async () => {
      const made = await completedRecordingOf(api, session.id);
      return `${made.posterState ?? 'none'} ${made.previewsState ?? 'none'}`;
    }, { timeout: 60_000 })
    .toBe('done done');
  const recording = await completedRecordingOf(api, session.id);
  const poster = await api.get(recording.posterUrl ?? '');
  expect(poster.status()).toBe(200);
  expect(poster.headers()['content-type']).toBe('image/jpeg');
  await api.dispose();

  await signIn(page, demo.teacher);
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

  // Over the seek bar, the player shows the still of that moment from the seek previews' sprite.
  const seekBar = page.locator('media-time-range');
  const bar = await seekBar.boundingBox();
  if (!bar) throw new Error('the seek bar is not shown');
  await page.mouse.move(bar.x + bar.width * 0.6, bar.y + bar.height / 2);
  await expect
    .poll(() => page.locator('media-controller').getAttribute('mediapreviewimage'), { message: 'a preview still is shown' })
    .toMatch(new RegExp(`/api/recordings/${recording.id}/previews\\?`));
  await expect(page.locator('media-controller')).toHaveAttribute('mediapreviewcoords', /^\d+ \d+ 160 90$/);
  const previewOpacity = () =>
    seekBar.evaluate((range) => {
      const box = range.shadowRoot?.querySelector<HTMLElement>('[part~="box"], #preview-box, [part~="preview-box"]');
      return box ? Number(getComputedStyle(box).opacity) : 0;
    });
  await expect.poll(previewOpacity, { message: 'the preview box has faded in' }).toBeGreaterThan(0.99);
  await screenshot(page, 'player-seek-preview');
});

test('an audio recording shows its waveform, and its AAC copy plays and seeks', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL ?? '', demo.teacher);
  const session = await sessionTitled(api, 'Hifz with Amina - Surat Al-Mulk');
  await expect
    .poll(async () => {
      const made = await completedRecordingOf(api, session.id);
      return `${made.posterState ?? 'none'} ${made.aacState ?? 'none'}`;
    }, { timeout: 60_000 })
    .toBe('done done');
  const recording = await completedRecordingOf(api, session.id);
  await api.dispose();

  await signIn(page, demo.teacher);
  await page.goto(`/recordings/${recording.id}`);
  const waveform = page.locator('img.player__waveform');
  await expect(waveform).toBeVisible();
  await expect.poll(() => waveform.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(1280);
  await screenshot(page, 'player-audio-waveform');

  // Chromium plays the Ogg original; the copy for other phones must play and seek as well.
  await page.evaluate((src: string) => {
    const copy = document.createElement('audio');
    copy.id = 'aac-copy';
    copy.src = src;
    document.body.append(copy);
  }, recording.aacUrl ?? '');
  const copy = page.locator('#aac-copy');
  expect(await copy.evaluate((element: HTMLAudioElement) => element.canPlayType('audio/mp4; codecs="mp4a.40.2"'))).not.toBe('');
  await expectToPlayAndSeek(copy);
});

test('a video streams its HLS packaging through hls.js, byte ranges of one file, and plays and seeks', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL ?? '', demo.teacher);
  const session = await sessionTitled(api, 'Tajweed Foundations - Session 1');
  await expect
    .poll(async () => (await completedRecordingOf(api, session.id)).hlsState, { timeout: 60_000 })
    .toBe('done');
  const recording = await completedRecordingOf(api, session.id);
  await api.dispose();
  const segmentRanges: string[] = [];
  const variantPlaylists: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.includes(`/api/recordings/${recording.id}/hls_media?`)) segmentRanges.push(request.headers().range ?? 'none');
    const variant = /\/hls\?.*variant=(\w+)/.exec(url);
    if (variant?.[1]) variantPlaylists.push(variant[1]);
  });

  await signIn(page, demo.teacher);
  await page.goto(`/recordings/${recording.id}`);
  const video = page.locator('video');
  await expect(video).toHaveAttribute('data-playback', 'hls.js');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentSrc), { message: 'hls.js feeds the video through Media Source' })
    .toMatch(/^blob:/);
  await expectToPlayAndSeek(video);

  // The demo academy offers the 360p rendition: hls.js read the master playlist and fetched a variant from it.
  expect(variantPlaylists.length, 'a variant playlist named by the master').toBeGreaterThan(0);
  expect(segmentRanges.length).toBeGreaterThan(1);
  expect(segmentRanges.every((range) => /^bytes=\d+-\d+$/.test(range)), segmentRanges.join(', ')).toBe(true);
  await screenshot(page, 'player-hls');
});

test('in Arabic the player\'s controls speak Arabic and run right to left', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL ?? '', demo.teacher);
  const session = await sessionTitled(api, 'Tajweed Foundations - Session 1');
  const recording = await completedRecordingOf(api, session.id);
  await api.dispose();
  await signIn(page, demo.teacher);
  await page.evaluate(() => {
    window.localStorage.setItem('itqan.language', 'ar');
  });
  await page.goto(`/recordings/${recording.id}`);

  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('media-play-button')).toHaveAttribute('aria-label', 'تشغيل');
  await expect(page.locator('media-fullscreen-button')).toHaveAttribute('aria-label', 'ملء الشاشة');
  const play = await page.locator('media-play-button').boundingBox();
  const fullscreen = await page.locator('media-fullscreen-button').boundingBox();
  if (!play || !fullscreen) throw new Error('the control bar is not shown');
  expect(play.x, 'play is the first control, on the right in Arabic').toBeGreaterThan(fullscreen.x);
  await screenshot(page, 'player-arabic');
});

test('the teacher has a class transcribed automatically from the session page, and the player then offers its captions', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL ?? '', demo.teacher);
  const session = await sessionTitled(api, 'Tajweed Foundations - Session 1');
  const recording = await completedRecordingOf(api, session.id);
  await api.dispose();

  await signIn(page, demo.teacher);
  await page.goto(`/sessions/${session.id}`);
  const row = page.getByRole('row').filter({ hasText: recording.displayName });
  await row.getByLabel('Captions language').selectOption('en');
  const ask = row.getByRole('button', { name: `Transcribe automatically in English: “${recording.displayName}”` });
  await ask.click();
  await expect(row.getByText(/^English transcript: (waiting for the transcriber|being made…)/)).toBeVisible();
  await expect(ask).toBeDisabled();
  // The media jobs look every 5 s, the page asks every 5 s: the stand-in transcriber answers at once.
  await expect(row.getByText(/^English transcript made automatically/)).toBeVisible({ timeout: 60_000 });
  await expect(ask).toBeEnabled();
  await screenshot(page, 'teacher-automatic-transcript');

  await page.goto(`/recordings/${recording.id}`);
  await expect(page.locator('video track[kind="captions"][srclang="en"]')).toHaveAttribute('label', 'English');
  const captions = await page.request.get(`/api/recordings/${recording.id}/transcripts/en`);
  expect(await captions.text()).toContain('automatic en transcript of the class');
});
