import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SessionSummary } from '@/lib/api-types';
import { sessionKeys } from '@/lib/query-keys';

export function getSessions({ signal }: { signal?: AbortSignal } = {}): Promise<SessionSummary[]> {
  return api.get<SessionSummary[]>('/api/sessions', { signal });
}

export function getSessionsQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.list(),
    queryFn: ({ signal }) => getSessions({ signal }),
  });
}

export function useSessions() {
  return useQuery(getSessionsQueryOptions());
}
