import { http, HttpResponse } from 'msw';
import type { AutomaticTranscripts, Recording, SessionDetail } from '@/lib/api-types';
import { server } from './mocks/server';

/**
 * Serves the session `session-1` and its recordings from values the test can change between requests, and
 * counts the requests.
 */
export function serveSession(initial: { session: SessionDetail; recordings?: Recording[] }) {
  const state = {
    session: initial.session,
    recordings: initial.recordings ?? [],
    automaticTranscripts: { transcriberConfigured: false, transcripts: [] } as AutomaticTranscripts,
    detailRequests: 0,
    recordingsRequests: 0,
  };
  server.use(
    http.get('*/api/sessions/session-1', () => {
      state.detailRequests += 1;
      return HttpResponse.json(state.session);
    }),
    http.get('*/api/sessions/session-1/recordings', () => {
      state.recordingsRequests += 1;
      return HttpResponse.json(state.recordings);
    }),
    // By default the deployment has no automatic transcriber.
    http.get('*/api/recordings/:recordingId/transcripts/automatic', () => HttpResponse.json(state.automaticTranscripts)),
    // Nobody has joined the class yet.
    http.get('*/api/sessions/session-1/attendance', () =>
      HttpResponse.json({ sessionId: 'session-1', classStartedAt: null, classEndedAt: null, classMinutes: 0, students: [], others: [] }),
    ),
  );
  return state;
}
