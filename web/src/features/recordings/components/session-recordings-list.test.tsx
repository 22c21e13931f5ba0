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
    expect(row.queryByRole('button', { name: /automatically/ })).not.toBeInTheDocument();
  });

  it('lets the teacher ask the automatic transcriber where one is configured, and shows the job waiting', async () => {
    signedInAs();
    const recording = aRecording();
    const state = serveSession({ session: aSession({ recordingCount: 1 }), recordings: [recording] });
    state.automaticTranscripts = { transcriberConfigured: true, transcripts: [] };
    let asked = '';
    server.use(
      http.post('*/api/recordings/recording-1/transcripts/:language/automatic', ({ params }) => {
        asked = String(params.language);
        const job = { language: 'en' as const, state: 'queued' as const, lastError: null };
        state.automaticTranscripts = { transcriberConfigured: true, transcripts: [job] };
        return HttpResponse.json(job, { status: 202 });
      }),
    );
    renderApp('/sessions/session-1');

    const row = within((await screen.findByRole('table')).querySelector('tbody')!);
    await userEvent.selectOptions(row.getByLabelText('Captions language'), 'en');
    const ask = await row.findByRole('button', { name: `Transcribe automatically in English: “${recording.displayName}”` });
    await userEvent.click(ask);

    expect(await row.findByText('English transcript: waiting for the transcriber.')).toBeVisible();
    expect(asked).toBe('en');
    expect(ask).toBeDisabled();
  });

  it('shows why the automatic transcriber gave up', async () => {
    signedInAs();
    const state = serveSession({ session: aSession({ recordingCount: 1 }), recordings: [aRecording()] });
    state.automaticTranscripts = {
      transcriberConfigured: true,
      transcripts: [{ language: 'ar', state: 'failed', lastError: 'The transcriber exited with code 2: model file not found' }],
    };
    renderApp('/sessions/session-1');

    const row = within((await screen.findByRole('table')).querySelector('tbody')!);
    expect(
      await row.findByText(
        'Arabic transcript: the transcriber gave up. Last attempt: The transcriber exited with code 2: model file not found',
      ),
    ).toBeVisible();
    expect(row.getByRole('button', { name: /^Transcribe automatically in Arabic: / })).toBeEnabled();
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
