import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { RecordingCatalogueStats } from '@/lib/api-types';
import { recordingKeys } from '@/lib/query-keys';
import { toApiQuery, type CatalogueFilters } from '../hooks/use-catalogue-filters';

export function getCatalogueStats(
  filters: CatalogueFilters,
  { signal }: { signal?: AbortSignal } = {},
): Promise<RecordingCatalogueStats> {
  return api.get<RecordingCatalogueStats>('/api/recordings/stats', { query: toApiQuery(filters), signal });
}

export function getCatalogueStatsQueryOptions(filters: CatalogueFilters) {
  return queryOptions({
    queryKey: recordingKeys.catalogueStats(filters),
    queryFn: ({ signal }) => getCatalogueStats(filters, { signal }),
  });
}

export function useCatalogueStats(filters: CatalogueFilters) {
  return useQuery(getCatalogueStatsQueryOptions(filters));
}
