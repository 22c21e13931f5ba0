import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MyRecordingsPage } from '@/lib/api-types';
import { recordingKeys } from '@/lib/query-keys';
import type { MyRecordingsFilters } from '../hooks/use-my-recordings-filters';

export const MY_RECORDINGS_PAGE_SIZE = 24;

/** Keyset pages of My recordings, newest first; each names the cursor of the next, `null` on the last. */
export function useMyRecordings(filters: MyRecordingsFilters) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: recordingKeys.mine(filters),
      queryFn: ({ pageParam, signal }) =>
        api.get<MyRecordingsPage>('/api/me/recordings', {
          query: {
            q: filters.q,
            kind: filters.kind,
            watched: filters.watched === undefined ? undefined : String(filters.watched),
            parentId: filters.parentId,
            limit: MY_RECORDINGS_PAGE_SIZE,
            cursor: pageParam,
          },
          signal,
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
    }),
  );
}
