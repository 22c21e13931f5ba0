import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '@/lib/api-client';
import type { AnalyticsDashboard } from '@/lib/api-types';
import { analyticsKeys } from '@/lib/query-keys';
import type { AnalyticsFilters } from '../hooks/use-analytics-filters';

const query = (filters: AnalyticsFilters) => ({ from: filters.from, to: filters.to, bucket: filters.bucket });

export const analyticsQuery = (filters: AnalyticsFilters) =>
  queryOptions({
    queryKey: analyticsKeys.dashboard(filters),
    queryFn: ({ signal }) => api.get<AnalyticsDashboard>('/api/analytics', { query: query(filters), signal }),
    placeholderData: keepPreviousData,
  });

/** The dashboard for the filters: the academy's for an admin, the teacher's own classes for a teacher. */
export function useAnalytics(filters: AnalyticsFilters) {
  return useQuery(analyticsQuery(filters));
}

/** Where one table of the same report downloads as CSV (the browser sends the session cookie). */
export function analyticsExportHref(filters: AnalyticsFilters, table: 'periods' | 'parents' | 'teachers'): string {
  const url = buildUrl('/api/analytics/export', { ...query(filters), table });
  return `${url.pathname}${url.search}`;
}
