import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SessionDetail } from '@/lib/api-types';
import { sessionKeys } from '@/lib/query-keys';
import { isInFlight, pollWhile } from '@/lib/recording-activity';

export function getSession(sessionId: string, { signal }: { signal?: AbortSignal } = {}): Promise<SessionDetail> {
  return api.get<SessionDetail>(`/api/sessions/${encodeURIComponent(sessionId)}`, { signal });
}

/** Whether the session's recording panel will still change by itself: a recording runs or is being processed. */
export function hasRecordingInFlight(session: SessionDetail | undefined): boolean {
  return isInFlight(session?.recordingAvailability);
}

export function getSessionQueryOptions(sessionId: string) {
  return queryOptions({
    queryKey: sessionKeys.detail(sessionId),
    queryFn: ({ signal }) => getSession(sessionId, { signal }),
    // Every second while in flight, so a recording stopped elsewhere, or one that finished, shows up without a reload.
    refetchInterval: (query) => pollWhile(hasRecordingInFlight(query.state.data)),
  });
}

export function useSession(sessionId: string) {
  return useQuery(getSessionQueryOptions(sessionId));
}
