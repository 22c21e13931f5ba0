import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Recording } from '@/lib/api-types';
import { aRecording, aRunningRecording, aSession } from '@/testing/mocks/data';
import { problem } from '@/testing/mocks/problem';
import { server } from '@/testing/mocks/server';
import { serveSession } from '@/testing/serve-session';
import { renderApp, signedInAs } from '@/testing/test-utils';

const SESSION = '/sessions/session-1';

async function panel() {
  return within(await screen.findByTestId('recording-panel'));
}

describe('RecordingPanel', () => {
  it('lists each recording with its poster, sized and loaded lazily, and none before it is made', async () => {
    signedInAs();
    const withPoster = aRecording();
    const waiting = aRecording({ id: 'recording-2', displayName: 'Second class', posterState: 'queued', posterUrl: null });
    serveSession({ session: aSession({ recordingCount: 2 }), recordings: [withPoster, waiting] });
    renderApp(SESSION);

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    const poster = rows[0]!.querySelector('img')!;
    expect(poster).toHaveAttribute('src', withPoster.posterUrl);
    expect(poster).toHaveAttribute('loading', 'lazy');
    expect(poster).toHaveAttribute('width', '128');
    expect(poster).toHaveAttribute('height', '72');
    expect(poster).toHaveAttribute('alt', '');
    expect(rows[1]!.querySelector('img')).toBeNull();
  });

  it('offers Start when the class can be recorded and nothing is recording', async () => {
    signedInAs();
    serveSession({ session: aSession() });
    renderApp(SESSION);

    const view = await panel();
    expect(view.getByTestId('recording-status')).toHaveTextContent('This class is not being recorded.');
    expect(view.getByRole('button', { name: 'Start recording' })).toBeEnabled();
    expect(view.queryByTestId('live-indicator')).not.toBeInTheDocument();
    expect(view.queryByRole('button', { name: 'Stop recording' })).not.toBeInTheDocument();
  });

  it('disables Start and says why when the class cannot be recorded', async () => {
    signedInAs();
    serveSession({ session: aSession({ canBeRecorded: false, cannotRecordReason: 'no_meeting_room' }) });
    renderApp(SESSION);

    const view = await panel();
    const start = view.getByRole('button', { name: 'Start recording' });
    expect(start).toBeDisabled();
    expect(start).toHaveAccessibleDescription('This class has no meeting room yet, so it cannot be recorded.');
    expect(view.getByText('This class has no meeting room yet, so it cannot be recorded.')).toBeVisible();
  });

  it('explains a disabled recording setting in words', async () => {
    signedInAs();
    serveSession({ session: aSession({ canBeRecorded: false, cannotRecordReason: 'recording_disabled' }) });
    renderApp(SESSION);

    const view = await panel();
    expect(view.getByRole('button', { name: 'Start recording' })).toBeDisabled();
    expect(view.getByText('Recording is turned off for this class.')).toBeVisible();
  });

  it('shows a live indicator whose elapsed time ticks every second while recording', async () => {
    signedInAs();
    const running = aRunningRecording(65);
    serveSession({
      session: aSession({
        isRecording: true, recordingAvailability: 'recording',
        activeRecording: running,
        canBeRecorded: false,
        cannotRecordReason: 'already_recording',
      }),
      recordings: [running],
    });
    renderApp(SESSION);

    const view = await panel();
    expect(view.getByTestId('recording-status')).toHaveTextContent('Recording in progress.');
    const indicator = view.getByTestId('live-indicator');
    const timer = within(indicator).getByRole('timer', { name: 'Elapsed time' });
    const first = timer.textContent;
    expect(first).toMatch(/^00:01:0[5-6]$/);
    await waitFor(() => expect(timer.textContent).not.toBe(first), { timeout: 2500 });
    expect(timer.textContent).toMatch(/^00:01:0[6-8]$/);
    expect(view.getByRole('button', { name: 'Stop recording' })).toBeEnabled();
    expect(view.queryByRole('button', { name: 'Start recording' })).not.toBeInTheDocument();
  });

  it('starts a recording and shows it as live', async () => {
    signedInAs();
    const state = serveSession({ session: aSession() });
    let started = 0;
    server.use(
      http.post('*/api/sessions/session-1/recordings', () => {
        started += 1;
        const running = aRunningRecording(0);
        state.session = aSession({
          isRecording: true, recordingAvailability: 'recording',
          activeRecording: running,
            canBeRecorded: false,
          cannotRecordReason: 'already_recording',
        });
        state.recordings = [running];
        return HttpResponse.json(running, { status: 201 });
      }),
    );
    const { user } = renderApp(SESSION);

    const view = await panel();
    await user.click(view.getByRole('button', { name: 'Start recording' }));

    expect(await view.findByTestId('live-indicator')).toBeVisible();
    expect(view.getByTestId('recording-status')).toHaveTextContent('Recording in progress.');
    expect(view.getByTestId('recording-status')).toHaveAttribute('aria-live', 'polite');
    expect(started).toBe(1);
  });

  it('after Stop shows processing, then the finished recording without a reload within 2 s', async () => {
    signedInAs();
    const running = aRunningRecording(30);
    const state = serveSession({
      session: aSession({ isRecording: true, recordingAvailability: 'recording', activeRecording: running }),
      recordings: [running],
    });
    const processing: Recording = { ...running, status: 'processing', endedAt: new Date().toISOString() };
    server.use(
      http.post('*/api/sessions/session-1/recordings/stop', () => {
        // As the API does: the session no longer has an active recording; the recordings list has it, processing.
        state.session = aSession({ recordingCount: 1, recordingAvailability: 'processing' });
        state.recordings = [processing];
        return HttpResponse.json(processing);
      }),
    );
    const { user } = renderApp(SESSION);

    const view = await panel();
    await user.click(await view.findByRole('button', { name: 'Stop recording' }));

    await waitFor(() =>
      expect(view.getByTestId('recording-status')).toHaveTextContent(
        'Recording stopped. It is being processed and will be available shortly.',
      ),
    );
    expect(view.queryByTestId('live-indicator')).not.toBeInTheDocument();
    expect(view.getByRole('button', { name: 'Start recording' })).toBeEnabled();

    // The egress finishes on the server; the page must notice by itself.
    const completed = aRecording({ id: running.id, startedAt: running.startedAt });
    state.session = aSession({ recordingCount: 1, recordingAvailability: 'available' });
    state.recordings = [completed];

    const watch = await view.findByRole('link', { name: 'Watch the recording' }, { timeout: 2000 });
    expect(watch).toHaveAttribute('href', `/recordings/${running.id}`);
    expect(view.getByTestId('recording-status')).toHaveTextContent('The recording is ready to watch.');
    const table = screen.getByRole('table');
    expect(within(table).getByRole('link', { name: completed.displayName })).toBeVisible();
  });

  it('stops asking the API once nothing is in flight', async () => {
    signedInAs();
    const processing = aRecording({ status: 'processing', completedAt: null, file: null, streamUrl: null, downloadUrl: null, linksExpireAt: null });
    const state = serveSession({
      session: aSession({ recordingCount: 1, recordingAvailability: 'processing' }),
      recordings: [processing],
    });
    renderApp(SESSION);

    await panel();
    await waitFor(() => expect(state.recordingsRequests).toBeGreaterThanOrEqual(2), { timeout: 2500 });
    state.session = aSession({ recordingCount: 1, recordingAvailability: 'available' });
    state.recordings = [aRecording({ id: processing.id })];
    await waitFor(() => expect(screen.getByTestId('recording-status')).toHaveAttribute('data-state', 'available'), {
      timeout: 2500,
    });
    // The session and its recordings are asked for separately; both have seen the finished recording once the
    // link to watch it is there.
    await screen.findByRole('link', { name: 'Watch the recording' }, { timeout: 2500 });
    const settled = { detail: state.detailRequests, recordings: state.recordingsRequests };
    // Absence of polling can only be shown by letting time pass: wait longer than one poll interval.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect({ detail: state.detailRequests, recordings: state.recordingsRequests }).toEqual(settled);
  });

  it.each([
    [409, problem(409, 'Conflict', { code: 'recording.already_active' }), 'This class is already being recorded.'],
    [
      422,
      problem(422, 'Unprocessable', { code: 'recording.session_not_ready', detail: 'Session is not ready' }),
      'This class cannot be recorded until it is ready to start.',
    ],
    [
      422,
      problem(422, 'Unprocessable', { code: 'recording.disabled' }),
      'Recording is turned off for this class.',
    ],
    [
      422,
      problem(422, 'Unprocessable', { code: 'recording.no_meeting_room' }),
      'This class has no meeting room yet, so it cannot be recorded.',
    ],
    [502, problem(502, 'Bad Gateway', { code: 'livekit.rejected' }), 'The recording service is not answering. Try again in a minute.'],
    [503, problem(503, 'Service Unavailable', { code: 'livekit.unavailable' }), 'The recording service is not answering. Try again in a minute.'],
    [504, problem(504, 'Gateway Timeout', { code: 'livekit.timeout' }), 'The recording service is not answering. Try again in a minute.'],
    [403, problem(403, 'Forbidden'), 'You are not allowed to start or stop recording for this class.'],
  ])('explains a %i from Start in words', async (_status, response, message) => {
    signedInAs();
    serveSession({ session: aSession() });
    server.use(http.post('*/api/sessions/session-1/recordings', () => response));
    const { user } = renderApp(SESSION);

    const view = await panel();
    await user.click(view.getByRole('button', { name: 'Start recording' }));

    expect(await view.findByRole('alert')).toHaveTextContent(message);
  });

  it('says so when Stop finds no running recording (409)', async () => {
    signedInAs();
    const running = aRunningRecording(10);
    serveSession({
      session: aSession({ isRecording: true, recordingAvailability: 'recording', activeRecording: running }),
      recordings: [running],
    });
    server.use(
      http.post('*/api/sessions/session-1/recordings/stop', () => problem(409, 'Conflict', { code: 'recording.not_active' })),
    );
    const { user } = renderApp(SESSION);

    const view = await panel();
    await user.click(view.getByRole('button', { name: 'Stop recording' }));

    expect(await view.findByRole('alert')).toHaveTextContent('No recording is running for this class.');
  });

  it('says the last recording failed when the newest one did', async () => {
    signedInAs();
    serveSession({
      session: aSession({ recordingCount: 2, recordingAvailability: 'failed' }),
      recordings: [
        aRecording({ id: 'older', startedAt: '2025-03-09T16:00:00Z' }),
        aRecording({ id: 'newer', status: 'failed', startedAt: '2025-03-10T16:00:00Z', file: null, error: 'LiveKit aborted' }),
      ],
    });
    renderApp(SESSION);

    const view = await panel();
    await waitFor(() => expect(view.getByTestId('recording-status')).toHaveAttribute('data-state', 'failed'));
    expect(view.getByRole('button', { name: 'Start recording' })).toBeEnabled();
  });

  it('shows the state but no controls to those who may not control recording', async () => {
    signedInAs({ role: 'student', id: 'student-1', displayName: 'Yusuf' });
    const running = aRunningRecording(5);
    serveSession({
      session: aSession({
        isRecording: true, recordingAvailability: 'recording',
        activeRecording: running,
        permissions: { canControlRecording: false, canAccessRecordings: false },
      }),
    });
    renderApp(SESSION);

    const view = await panel();
    expect(view.getByTestId('live-indicator')).toBeVisible();
    expect(view.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Recordings' })).not.toBeInTheDocument();
  });
});
