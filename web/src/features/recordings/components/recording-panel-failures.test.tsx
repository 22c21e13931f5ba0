import { onlineManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Recording } from '@/lib/api-types';
import { aRunningRecording, aSession, aUser } from '@/testing/mocks/data';
import { problem } from '@/testing/mocks/problem';
import { server } from '@/testing/mocks/server';
import { serveSession } from '@/testing/serve-session';
import { renderApp, signedInAs } from '@/testing/test-utils';

const SESSION = '/sessions/session-1';

const running = aRunningRecording(30);
const actions = [
  {
    name: 'Start',
    button: 'Start recording',
    endpoint: '*/api/sessions/session-1/recordings',
    session: () => aSession(),
    recordings: [] as Recording[],
  },
  {
    name: 'Stop',
    button: 'Stop recording',
    endpoint: '*/api/sessions/session-1/recordings/stop',
    session: () => aSession({ isRecording: true, recordingAvailability: 'recording', activeRecording: running }),
    recordings: [running],
  },
];

describe('RecordingPanel when the network fails', () => {
  it.each(actions)(
    'fails a $name pressed offline at once, gives the button back and sends nothing when the connection returns',
    async ({ button, endpoint, session, recordings }) => {
      signedInAs();
      const state = serveSession({ session: session(), recordings });
      let sent = 0;
      // What the browser does with a request while it has no network.
      server.use(
        http.post(endpoint, () => {
          sent += 1;
          return HttpResponse.error();
        }),
      );
      const { user, queryClient } = renderApp(SESSION);
      const view = within(await screen.findByTestId('recording-panel'));

      act(() => onlineManager.setOnline(false));
      await user.click(view.getByRole('button', { name: button }));

      expect(await view.findByRole('alert')).toHaveTextContent("We can't reach the server. Check your connection and try again.");
      const control = view.getByRole('button', { name: button });
      expect(control).toBeEnabled();
      expect(control).not.toHaveAttribute('aria-disabled');
      expect(queryClient.getMutationCache().getAll().filter((m) => m.state.isPaused)).toEqual([]);
      const sentWhileOffline = sent;

      const readsBefore = state.detailRequests;
      act(() => onlineManager.setOnline(true));
      // The queued re-read of the session runs when the connection is back; the action does not.
      await waitFor(() => expect(state.detailRequests).toBeGreaterThan(readsBefore));
      expect(sent).toBe(sentWhileOffline);
      expect(view.getByRole('button', { name: button })).toBeEnabled();
    },
  );

  it('says it waits for the connection, not "Loading…", while offline, and loads when it is back', async () => {
    signedInAs();
    serveSession({ session: aSession() });
    act(() => onlineManager.setOnline(false));
    renderApp(SESSION);

    expect(await screen.findByRole('status')).toHaveTextContent(
      "You are offline, so we can't reach the server. This page loads as soon as the connection is back.",
    );
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();

    act(() => onlineManager.setOnline(true));
    expect(await screen.findByTestId('recording-panel')).toBeVisible();
  });
});

describe('RecordingPanel keyboard focus', () => {
  it('stays on the recording control after Start and after Stop, and the control keeps it while pending', async () => {
    signedInAs();
    const state = serveSession({ session: aSession() });
    let answerStart = () => {};
    server.use(
      http.post('*/api/sessions/session-1/recordings', async () => {
        await new Promise<void>((resolve) => {
          answerStart = resolve;
        });
        const started = aRunningRecording(0);
        state.session = aSession({ isRecording: true, recordingAvailability: 'recording', activeRecording: started });
        state.recordings = [started];
        return HttpResponse.json(started, { status: 201 });
      }),
      http.post('*/api/sessions/session-1/recordings/stop', () => {
        const processing: Recording = { ...state.recordings[0]!, status: 'processing', endedAt: new Date().toISOString() };
        state.session = aSession({ recordingCount: 1, recordingAvailability: 'processing' });
        state.recordings = [processing];
        return HttpResponse.json(processing);
      }),
    );
    const { user } = renderApp(SESSION);
    const view = within(await screen.findByTestId('recording-panel'));

    view.getByRole('button', { name: 'Start recording' }).focus();
    await user.keyboard('{Enter}');

    // Browsers move the focus off a disabled button, so the pending control must not be one.
    const pending = await view.findByRole('button', { name: 'Starting…' });
    expect(pending).not.toBeDisabled();
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    expect(pending).toHaveFocus();
    // A second press while pending does nothing.
    await user.keyboard('{Enter}');
    answerStart();

    const stop = await view.findByRole('button', { name: 'Stop recording' });
    expect(stop).toHaveFocus();

    await user.keyboard('{Enter}');
    await waitFor(() => expect(view.getByTestId('recording-status')).toHaveAttribute('data-state', 'processing'));
    expect(view.getByRole('button', { name: 'Start recording' })).toHaveFocus();
  });
});

describe('RecordingPanel when the session expired', () => {
  it.each([
    {
      button: 'Start recording',
      endpoint: '*/api/sessions/session-1/recordings',
      session: () => aSession(),
      recordings: [] as Recording[],
      onSignIn: 'You were signed out, so the recording was not started. Sign in to go back to the class.',
      notDone: 'Start recording was not done: you had been signed out.',
    },
    {
      button: 'Stop recording',
      endpoint: '*/api/sessions/session-1/recordings/stop',
      session: () => aSession({ isRecording: true, recordingAvailability: 'recording', activeRecording: running }),
      recordings: [running],
      onSignIn: 'You were signed out, so the recording was not stopped. Sign in to go back to the class.',
      notDone: 'Stop recording was not done: you had been signed out.',
    },
  ])('tells after signing in again that $button was not done', async ({ button, endpoint, session, recordings, onSignIn, notDone }) => {
    let signedIn = true;
    server.use(
      http.get('*/api/auth/me', () => (signedIn ? HttpResponse.json(aUser()) : problem(401, 'Unauthorized'))),
      http.get('*/api/me/notifications', () =>
        signedIn ? HttpResponse.json({ items: [], unreadCount: 0 }) : problem(401, 'Unauthorized'),
      ),
      http.post('*/api/auth/login', () => {
        signedIn = true;
        return HttpResponse.json({ accessToken: 'token', tokenType: 'Bearer', expiresIn: 3600 });
      }),
    );
    serveSession({ session: session(), recordings });
    server.use(
      http.post(endpoint, () => {
        signedIn = false;
        return problem(401, 'Unauthorized');
      }),
    );
    const { user, router } = renderApp(SESSION);
    const view = within(await screen.findByTestId('recording-panel'));

    await user.click(view.getByRole('button', { name: button }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(onSignIn);
    await user.type(screen.getByLabelText('Email'), 'teacher@itqan.test');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/sessions/session-1'));
    expect(await screen.findByRole('alert')).toHaveTextContent(notDone);
    expect(await screen.findByTestId('recording-panel')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
