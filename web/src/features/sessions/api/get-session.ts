import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SessionDetail } from '@/lib/api-types';
import { sessionKeys } from '@/lib/query-keys';
import { isInFlight, pollWhile } from '@/lib/recording-activity';

export function getSession(sessionId: string, { signal }: { signal?: AbortSignal } = {}): Promise<SessionDetail> {
  return api.get<SessionDetail>(`/api/sessions/${encodeURIComponent(sessionId)}`, { signal });
}

/**
 * Whether the session is being recorded. Once stopped, `activeRecording` is null and the processing recording
 * is polled through the session's recordings instead (see `get-session-recordings`).
 */
export function hasRecordingInFlight(session: SessionDetail | undefined): boolean {
  if (!session) return false;
  return session.isRecording || isInFlight(session.activeRecording?.status);
}

export function getSessionQueryOptions(sessionId: string) {
  return queryOptions({
    queryKey: sessionKeys.detail(sessionId),
    queryFn: ({ signal }) => getSession(sessionId, { signal }),
    // Every second while recording, so a recording stopped elsewhere shows up without a reload.
    refetchInterval: (query) => pollWhile(hasRecordingInFlight(query.state.data)),
  });
}

export function useSession(sessionId: string) {
  return useQuery(getSessionQueryOptions(sessionId));
}
