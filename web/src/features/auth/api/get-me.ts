import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { CurrentUser } from '@/lib/api-types';
import { authKeys } from '@/lib/query-keys';

export function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<CurrentUser> {
  return api.get<CurrentUser>('/api/auth/me', { signal });
}

export function getMeQueryOptions() {
  return queryOptions({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => getMe({ signal }),
    staleTime: 5 * 60_000,
  });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}
