import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Recording } from '@/lib/api-types';
import { sessionKeys } from '@/lib/query-keys';
import { isInFlight, pollWhile } from '@/lib/recording-activity';

export function getSessionRecordings(
  sessionId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Recording[]> {
  return api.get<Recording[]>(`/api/sessions/${encodeURIComponent(sessionId)}/recordings`, { signal });
}

export function getSessionRecordingsQueryOptions(sessionId: string) {
  return queryOptions({
    queryKey: sessionKeys.recordings(sessionId),
    queryFn: ({ signal }) => getSessionRecordings(sessionId, { signal }),
    refetchInterval: (query) => pollWhile(query.state.data?.some((r) => isInFlight(r.status)) ?? false),
  });
}

export function useSessionRecordings(sessionId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getSessionRecordingsQueryOptions(sessionId), enabled });
}
