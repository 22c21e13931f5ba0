import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { RecordingPage } from '@/lib/api-types';
import { recordingKeys } from '@/lib/query-keys';
import { toApiQuery, type CatalogueFilters } from '../hooks/use-catalogue-filters';

export const CATALOGUE_PAGE_SIZE = 50;

export function getCatalogueRecordings(
  filters: CatalogueFilters,
  cursor: string | null,
  { signal }: { signal?: AbortSignal } = {},
): Promise<RecordingPage> {
  return api.get<RecordingPage>('/api/recordings', {
    query: { ...toApiQuery(filters), limit: CATALOGUE_PAGE_SIZE, cursor },
    signal,
  });
}

/** Keyset pagination: each page names the cursor of the next one, `null` on the last page. */
export function getCatalogueRecordingsQueryOptions(filters: CatalogueFilters) {
  return infiniteQueryOptions({
    queryKey: recordingKeys.catalogue(filters),
    queryFn: ({ pageParam, signal }) => getCatalogueRecordings(filters, pageParam, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useCatalogueRecordings(filters: CatalogueFilters) {
  return useInfiniteQuery(getCatalogueRecordingsQueryOptions(filters));
}
