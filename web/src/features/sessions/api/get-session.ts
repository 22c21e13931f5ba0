import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SessionDetail } from '@/lib/api-types';
import { sessionKeys } from '@/lib/query-keys';
import { isInFlight, pollWhile } from '@/lib/recording-activity';

export function getSession(sessionId: string, { signal }: { signal?: AbortSignal } = {}): Promise<SessionDetail> {
  return api.get<SessionDetail>(`/api/sessions/${encodeURIComponent(sessionId)}`, { signal });
}

/** Whether this session has a recording that will still change on its own. */
export function hasRecordingInFlight(session: SessionDetail | undefined): boolean {
  if (!session) return false;
  return session.isRecording || isInFlight(session.activeRecording?.status) || isInFlight(session.latestRecordingStatus);
}

export function getSessionQueryOptions(sessionId: string) {
  return queryOptions({
    queryKey: sessionKeys.detail(sessionId),
    queryFn: ({ signal }) => getSession(sessionId, { signal }),
    // Every second while recording or processing, so a finished recording shows up without a reload.
    refetchInterval: (query) => pollWhile(hasRecordingInFlight(query.state.data)),
  });
}

export function useSession(sessionId: string) {
  return useQuery(getSessionQueryOptions(sessionId));
}
