import { http, HttpResponse } from 'msw';
import type { Recording, SessionDetail } from '@/lib/api-types';
import { server } from './mocks/server';

/**
 * Serves the session `session-1` and its recordings from values the test can change between requests, and
 * counts the requests.
 */
export function serveSession(initial: { session: SessionDetail; recordings?: Recording[] }) {
  const state = { session: initial.session, recordings: initial.recordings ?? [], detailRequests: 0, recordingsRequests: 0 };
  server.use(
    http.get('*/api/sessions/session-1', () => {
      state.detailRequests += 1;
      return HttpResponse.json(state.session);
    }),
    http.get('*/api/sessions/session-1/recordings', () => {
      state.recordingsRequests += 1;
      return HttpResponse.json(state.recordings);
    }),
    // Nobody has joined the class yet.
    http.get('*/api/sessions/session-1/attendance', () =>
      HttpResponse.json({ sessionId: 'session-1', classStartedAt: null, classEndedAt: null, classMinutes: 0, students: [], others: [] }),
    ),
  );
  return state;
}
