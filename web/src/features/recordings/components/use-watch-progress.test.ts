import { renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@/testing/mocks/server';
import { resumePositionOf, useWatchProgress } from './use-watch-progress';

/** A media element whose clock and play state the test sets, as jsdom plays nothing. */
function fakeMedia() {
  const media = document.createElement('video');
  const state = { time: 0, paused: true, seeking: false };
  Object.defineProperty(media, 'currentTime', { get: () => state.time, set: (value: number) => (state.time = value) });
  Object.defineProperty(media, 'paused', { get: () => state.paused });
  Object.defineProperty(media, 'seeking', { get: () => state.seeking });
  Object.defineProperty(media, 'duration', { get: () => 600 });
  const at = (time: number, event: string) => {
    state.time = time;
    media.dispatchEvent(new Event(event));
  };
  return { media, state, at };
}

function recordHeartbeats() {
  const beats: { fromSeconds: number; toSeconds: number }[] = [];
  server.use(
    http.post('*/api/recordings/recording-1/progress', async ({ request }) => {
      beats.push((await request.json()) as { fromSeconds: number; toSeconds: number });
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('*/api/recordings/recording-1/progress', () => HttpResponse.json({ positionSeconds: 0, watchedSeconds: 0, coverage: 0, watched: false })),
  );
  return beats;
}

describe('Watch progress', () => {
  it('resumes where the user stopped unless that was at the very start or end', () => {
    expect(resumePositionOf(120, 600)).toBe(120);
    expect(resumePositionOf(3, 600)).toBeNull();
    expect(resumePositionOf(6, 12)).toBe(6);
    expect(resumePositionOf(597, 600)).toBeNull();
  });

  it('reports what was played, and a seek starts a new stretch so skipping ahead counts nothing', async () => {
    const beats = recordHeartbeats();
    const { media, state, at } = fakeMedia();
    renderHook(() => useWatchProgress('recording-1', null, media, true));

    state.paused = false;
    at(0, 'playing');
    at(8, 'timeupdate');
    state.seeking = true;
    at(300, 'seeking');
    state.seeking = false;
    at(300, 'seeked');
    at(306, 'timeupdate');
    state.paused = true;
    at(306, 'pause');

    await waitFor(() => expect(beats).toEqual([{ fromSeconds: 0, toSeconds: 8 }, { fromSeconds: 300, toSeconds: 306 }]));
  });

  it('sends heartbeats to the progress link without the cookie, and only signed in once the link is refused', async () => {
    const sent: { signedIn: boolean; link: boolean; span: unknown }[] = [];
    let linkRefused = false;
    server.use(
      http.post('*/api/recordings/recording-1/progress', async ({ request }) => {
        const link = new URL(request.url).searchParams.get('sig') === 'progress';
        sent.push({ signedIn: request.credentials !== 'omit', link, span: await request.json() });
        return link && linkRefused
          ? HttpResponse.json({ status: 401, code: 'recording.link_expired' }, { status: 401 })
          : new HttpResponse(null, { status: 204 });
      }),
      http.get('*/api/recordings/recording-1/progress', () => HttpResponse.json({ positionSeconds: 0, watchedSeconds: 0, coverage: 0, watched: false })),
    );
    const { media, state, at } = fakeMedia();
    renderHook(() => useWatchProgress('recording-1', '/api/recordings/recording-1/progress?u=student-1&sig=progress', media, true));

    state.paused = false;
    at(0, 'playing');
    at(5, 'timeupdate');
    state.paused = true;
    at(5, 'pause');
    await waitFor(() => expect(sent).toEqual([{ signedIn: false, link: true, span: { fromSeconds: 0, toSeconds: 5 } }]));

    linkRefused = true;
    state.paused = false;
    at(5, 'playing');
    at(9, 'timeupdate');
    state.paused = true;
    at(9, 'pause');
    await waitFor(() =>
      expect(sent.slice(1)).toEqual([
        { signedIn: false, link: true, span: { fromSeconds: 5, toSeconds: 9 } },
        { signedIn: true, link: false, span: { fromSeconds: 5, toSeconds: 9 } },
      ]),
    );

    state.paused = false;
    at(9, 'playing');
    at(14, 'timeupdate');
    state.paused = true;
    at(14, 'pause');
    await waitFor(() => expect(sent.slice(3)).toEqual([{ signedIn: true, link: false, span: { fromSeconds: 9, toSeconds: 14 } }]));
  });

  it('goes back to the progress link once the page has a new one', async () => {
    const sent: string[] = [];
    server.use(
      http.post('*/api/recordings/recording-1/progress', ({ request }) => {
        const sig = new URL(request.url).searchParams.get('sig');
        sent.push(sig ?? 'signed-in');
        return sig === 'old'
          ? HttpResponse.json({ status: 401, code: 'recording.link_expired' }, { status: 401 })
          : new HttpResponse(null, { status: 204 });
      }),
      http.get('*/api/recordings/recording-1/progress', () => HttpResponse.json({ positionSeconds: 0, watchedSeconds: 0, coverage: 0, watched: false })),
    );
    const { media, state, at } = fakeMedia();
    const { rerender } = renderHook(({ link }) => useWatchProgress('recording-1', link, media, true), {
      initialProps: { link: '/api/recordings/recording-1/progress?u=student-1&sig=old' },
    });
    const play = (from: number, to: number) => {
      state.paused = false;
      at(from, 'playing');
      at(to, 'timeupdate');
      state.paused = true;
      at(to, 'pause');
    };

    play(0, 5);
    await waitFor(() => expect(sent).toEqual(['old', 'signed-in']));
    rerender({ link: '/api/recordings/recording-1/progress?u=student-1&sig=new' });
    play(5, 10);

    await waitFor(() => expect(sent).toEqual(['old', 'signed-in', 'new']));
  });

  it('moves to where the user stopped once the media has loaded', async () => {
    server.use(
      http.get('*/api/recordings/recording-1/progress', () => HttpResponse.json({ positionSeconds: 125, watchedSeconds: 125, coverage: 0.2, watched: false })),
    );
    const { media, at } = fakeMedia();
    renderHook(() => useWatchProgress('recording-1', null, media, true));

    at(0, 'loadedmetadata');

    await waitFor(() => expect(media.currentTime).toBe(125));
  });
});
