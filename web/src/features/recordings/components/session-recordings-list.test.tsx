import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Recording } from '@/lib/api-types';
import { aRecording, aSession } from '@/testing/mocks/data';
import { server } from '@/testing/mocks/server';
import { serveSession } from '@/testing/serve-session';
import { renderApp, signedInAs } from '@/testing/test-utils';

describe('SessionRecordingsList', () => {
  it('tells the teacher a recording awaits review and publishes it to the students', async () => {
    signedInAs();
    const waiting = aRecording({ publication: 'awaiting_review' });
    const state = serveSession({ session: aSession({ recordingCount: 1 }), recordings: [waiting] });
    let sent: unknown = null;
    server.use(
      http.put('*/api/recordings/recording-1/publication', async ({ request }) => {
        sent = await request.json();
        state.recordings = [{ ...waiting, publication: 'published' } satisfies Recording];
        return HttpResponse.json(state.recordings[0]);
      }),
    );
    renderApp('/sessions/session-1');

    const row = within((await screen.findByRole('table')).querySelector('tbody')!);
    expect(row.getByText('Awaiting your review: students do not see it yet')).toBeVisible();
    await userEvent.click(row.getByRole('button', { name: `Publish “${waiting.displayName}” to students` }));

    expect(await row.findByRole('button', { name: `Hide “${waiting.displayName}” from students` })).toBeVisible();
    expect(sent).toEqual({ publication: 'published' });
    expect(row.queryByText('Awaiting your review: students do not see it yet')).not.toBeInTheDocument();
  });

  it('offers neither renaming nor publishing to a student', async () => {
    signedInAs({ role: 'student' });
    serveSession({
      session: aSession({ recordingCount: 1, permissions: { canControlRecording: false, canAccessRecordings: true } }),
      recordings: [aRecording()],
    });
    renderApp('/sessions/session-1');

    const row = within((await screen.findByRole('table')).querySelector('tbody')!);
    expect(row.getByRole('link', { name: 'Tajweed circle — 10 Mar 2025' })).toBeVisible();
    expect(row.queryByRole('button')).not.toBeInTheDocument();
  });
});
