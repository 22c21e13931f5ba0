import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Recording, RecordingPart } from '@/lib/api-types';
import { aRecording } from '@/testing/mocks/data';
import { problem } from '@/testing/mocks/problem';
import { server } from '@/testing/mocks/server';
import { renderApp, signedInAs } from '@/testing/test-utils';
import { audioSourceOf } from './recording-player';
import { videoPlaybackOf } from './hls-playback';

/** The two parts of a class LiveKit cut at its three-hour limit, with their own links. */
function twoParts(): RecordingPart[] {
  return [1, 2].map((number) => ({
    number,
    durationSeconds: 10_800,
    sizeBytes: 1_000,
    streamUrl: `/api/recordings/recording-1/stream?sig=s&part=${String(number)}`,
    downloadUrl: `/api/recordings/recording-1/download?sig=d&part=${String(number)}`,
  }));
}

function serveRecording(recording: Recording) {
  server.use(http.get(`*/api/recordings/${recording.id}`, () => HttpResponse.json(recording)));
}

describe('Recording player', () => {
  // The player asks where to resume once the media has loaded, and reports what it plays.
  beforeEach(() => {
    server.use(
      http.get('*/api/recordings/:id/progress', () => HttpResponse.json({ positionSeconds: 0, watchedSeconds: 0, coverage: 0, watched: false })),
      http.post('*/api/recordings/:id/progress', () => new HttpResponse(null, { status: 204 })),
      http.get('*/api/recordings/:id/marks', () => HttpResponse.json([])),
      http.get('*/api/recordings/:id/transcripts', () => HttpResponse.json([])),
    );
  });

  it('offers each transcript as a captions track in its language', async () => {
    signedInAs();
    const recording = aRecording();
    serveRecording(recording);
    server.use(
      http.get('*/api/recordings/:id/transcripts', () =>
        HttpResponse.json([
          { language: 'ar', updatedAt: '2025-03-11T09:00:00Z' },
          { language: 'en', updatedAt: '2025-03-11T09:00:00Z' },
        ]),
      ),
    );
    renderApp(`/recordings/${recording.id}`);

    await waitFor(() => expect(document.querySelectorAll('video track[kind="captions"]')).toHaveLength(2));
    const [arabic, english] = Array.from(document.querySelectorAll('video track[kind="captions"]'));
    expect(arabic).toHaveAttribute('srclang', 'ar');
    expect(arabic).toHaveAttribute('label', 'Arabic');
    expect(arabic).toHaveAttribute('src', `/api/recordings/${recording.id}/transcripts/ar`);
    expect(english).toHaveAttribute('label', 'English');
  });

  it('plays a video from the signed stream URL and offers the signed download', async () => {
    signedInAs();
    const recording = aRecording();
    serveRecording(recording);
    renderApp(`/recordings/${recording.id}`);

    expect(await screen.findByRole('heading', { name: recording.displayName })).toBeVisible();
    const video = document.querySelector('video');
    expect(video).toHaveAttribute('src', recording.streamUrl);
    expect(video?.closest('media-controller')?.querySelector('media-control-bar media-time-range')).not.toBeNull();
    expect(video?.querySelector('track[kind="metadata"][label="thumbnails"]')).toHaveAttribute('src', recording.previewsUrl);
    const download = screen.getByRole('link', { name: 'Download' });
    expect(download).toHaveAttribute('href', recording.downloadUrl);
    expect(download).toHaveAttribute('download', recording.file?.name);
    expect(screen.getByText('01:02:03')).toBeVisible();
    expect(screen.getByText('43.6 MB')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to the session' })).toHaveAttribute('href', '/sessions/session-1');
  });

  it('plays a recording in parts one after the other until they are joined, and offers each part', async () => {
    signedInAs();
    const parts = twoParts();
    const recording = aRecording({ parts, joinState: 'queued', posterState: null, posterUrl: null, previewsUrl: null });
    serveRecording(recording);
    renderApp(`/recordings/${recording.id}`);

    expect(await screen.findByText(/recorded in 2 parts/)).toBeVisible();
    const video = document.querySelector('video');
    expect(video).toHaveAttribute('src', parts[0]?.streamUrl);
    expect(screen.getByRole('button', { name: 'Part 1 of 2' })).toHaveAttribute('aria-current', 'true');
    expect(screen.queryByRole('link', { name: 'Download' }), 'no whole file before the join').toBeNull();
    expect(screen.getByRole('link', { name: 'Download part 2 of 2' })).toHaveAttribute('href', parts[1]?.downloadUrl);

    if (video) fireEvent.ended(video);

    await waitFor(() => expect(document.querySelector('video')).toHaveAttribute('src', parts[1]?.streamUrl));
    expect(screen.getByRole('button', { name: 'Part 2 of 2' })).toHaveAttribute('aria-current', 'true');
  });

  it('plays a recording in parts as one file once they are joined, and offers the whole and the parts', async () => {
    signedInAs();
    const parts = twoParts();
    const recording = aRecording({ parts, joinState: 'done' });
    serveRecording(recording);
    renderApp(`/recordings/${recording.id}`);

    await screen.findByRole('heading', { name: recording.displayName });
    expect(document.querySelector('video')).toHaveAttribute('src', recording.streamUrl);
    expect(screen.queryByRole('button', { name: 'Part 1 of 2' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute('href', recording.downloadUrl);
    expect(screen.getByRole('link', { name: 'Download part 1 of 2' })).toHaveAttribute('href', parts[0]?.downloadUrl);
  });

  it('shows the recording\'s poster before it plays, and none while the poster is not made', async () => {
    signedInAs();
    const withPoster = aRecording();
    serveRecording(withPoster);
    const { unmount } = renderApp(`/recordings/${withPoster.id}`);
    await screen.findByRole('heading', { name: withPoster.displayName });
    expect(document.querySelector('video')).toHaveAttribute('poster', withPoster.posterUrl);
    unmount();

    const waiting = aRecording({ id: 'recording-2', posterState: 'queued', posterUrl: null });
    serveRecording(waiting);
    renderApp(`/recordings/${waiting.id}`);
    await screen.findByRole('heading', { name: waiting.displayName });
    expect(document.querySelector('video')).not.toHaveAttribute('poster');
  });

  it('fetches fresh links when the player fails and resumes where it stopped', async () => {
    signedInAs();
    const first = aRecording({ streamUrl: 'https://api.test/stream?sig=old' });
    const renewed = { ...first, streamUrl: 'https://api.test/stream?sig=new' };
    let asked = 0;
    server.use(
      http.get(`*/api/recordings/${first.id}`, () => {
        asked += 1;
        return HttpResponse.json(asked === 1 ? first : renewed);
      }),
    );
    renderApp(`/recordings/${first.id}`);
    await screen.findByRole('heading', { name: first.displayName });
    const video = document.querySelector('video')!;
    video.currentTime = 1234;

    fireEvent.error(video);

    await waitFor(() => expect(document.querySelector('video')).toHaveAttribute('src', renewed.streamUrl));
    const reloaded = document.querySelector('video')!;
    reloaded.currentTime = 0;
    fireEvent.loadedMetadata(reloaded);
    expect(reloaded.currentTime).toBe(1234);
  });

  it('uses an audio player for audio-only recordings', async () => {
    signedInAs();
    const recording = aRecording({
      id: 'rec-audio',
      file: { name: 'halaqa.ogg', sizeBytes: 5_000_000, format: 'ogg' },
      streamUrl: 'https://storage.test/halaqa.ogg?sig=s',
    });
    serveRecording(recording);
    renderApp('/recordings/rec-audio');

    await screen.findByRole('heading', { name: recording.displayName });
    expect(document.querySelector('audio')).toHaveAttribute('src', recording.streamUrl);
    expect(document.querySelector('video')).toBeNull();
  });

  it('plays at the chosen speed, remembers it for the next recording, and speeds up with >', async () => {
    localStorage.clear();
    signedInAs();
    const first = aRecording();
    serveRecording(first);
    const { user, unmount } = renderApp(`/recordings/${first.id}`);
    await screen.findByRole('heading', { name: first.displayName });

    await user.selectOptions(screen.getByLabelText('Speed'), '0.75');
    const video = document.querySelector('video')!;
    expect(video.playbackRate).toBe(0.75);
    fireEvent.rateChange(video);
    unmount();

    const next = aRecording({ id: 'recording-2' });
    serveRecording(next);
    renderApp(`/recordings/${next.id}`);
    await screen.findByRole('heading', { name: next.displayName });
    const reloaded = document.querySelector('video')!;
    fireEvent.loadedMetadata(reloaded);
    expect(reloaded.playbackRate).toBe(0.75);
    expect(screen.getByLabelText('Speed')).toHaveValue('0.75');

    fireEvent.keyDown(reloaded, { key: '>' });
    expect(reloaded.playbackRate).toBe(1);
  });

  it('shows an audio recording\'s waveform above its player', async () => {
    signedInAs();
    const recording = aRecording({
      id: 'rec-wave',
      file: { name: 'halaqa.ogg', sizeBytes: 5_000_000, format: 'ogg' },
      posterUrl: '/api/recordings/rec-wave/poster?sig=w',
    });
    serveRecording(recording);
    renderApp('/recordings/rec-wave');

    await screen.findByRole('heading', { name: recording.displayName });
    expect(document.querySelector('img.player__waveform')).toHaveAttribute('src', recording.posterUrl);
  });

  it('plays the AAC copy only where the browser cannot play Ogg/Opus', () => {
    const recording = aRecording({
      file: { name: 'halaqa.ogg', sizeBytes: 5_000_000, format: 'ogg' },
      streamUrl: '/stream?sig=s',
      aacState: 'done',
      aacUrl: '/aac?sig=a',
    });
    const safari = (type: string) => (type.startsWith('audio/ogg') ? '' : 'maybe');
    const chromium = () => 'probably';

    expect(audioSourceOf(recording, safari)).toBe('/aac?sig=a');
    expect(audioSourceOf(recording, chromium)).toBe('/stream?sig=s');
    expect(audioSourceOf({ ...recording, aacState: 'queued', aacUrl: null }, safari)).toBe('/stream?sig=s');
  });

  it('streams a video\'s HLS playlist through hls.js with Media Source, natively without, else its file', () => {
    const iPhone = (type: string) => (type === 'application/vnd.apple.mpegurl' ? 'maybe' : '');
    const noHls = () => '';

    expect(videoPlaybackOf('/hls?sig=h', noHls, true)).toBe('hls.js');
    expect(videoPlaybackOf('/hls?sig=h', iPhone, false)).toBe('native-hls');
    expect(videoPlaybackOf('/hls?sig=h', noHls, false)).toBe('file');
    expect(videoPlaybackOf(null, iPhone, true)).toBe('file');
  });

  it('gives a browser that plays HLS itself the playlist as the video\'s source', async () => {
    signedInAs();
    const recording = aRecording({ id: 'rec-hls', hlsState: 'done', hlsUrl: '/api/recordings/rec-hls/hls?sig=h' });
    const canPlayType = vi
      .spyOn(HTMLMediaElement.prototype, 'canPlayType')
      .mockImplementation((type: string) => (type === 'application/vnd.apple.mpegurl' ? 'maybe' : ''));
    try {
      serveRecording(recording);
      renderApp('/recordings/rec-hls');

      await screen.findByRole('heading', { name: recording.displayName });
      const video = document.querySelector('video');
      expect(video).toHaveAttribute('src', recording.hlsUrl);
      expect(video).toHaveAttribute('data-playback', 'native-hls');
    } finally {
      canPlayType.mockRestore();
    }
  });

  it('explains that a recording still processing is not ready', async () => {
    signedInAs();
    serveRecording(aRecording({ id: 'rec-p', status: 'processing', streamUrl: null, downloadUrl: null, linksExpireAt: null, file: null }));
    renderApp('/recordings/rec-p');

    expect(await screen.findByText(/still being prepared/)).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Download' })).not.toBeInTheDocument();
  });

  it('says a refused recording is not the user\'s, without offering to try again', async () => {
    signedInAs({ role: 'student' });
    server.use(http.get('*/api/recordings/rec-other', () => problem(403, 'Forbidden', { code: 'recording.forbidden' })));
    renderApp('/recordings/rec-other');

    expect(await screen.findByRole('alert')).toHaveTextContent("You don't have access to this.");
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(document.querySelector('video, audio')).toBeNull();
  });
});
