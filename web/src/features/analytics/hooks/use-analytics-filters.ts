import { useUrlFilters } from '@/hooks/use-url-filters';
import type { AnalyticsBucket } from '@/lib/api-types';

/** The dashboard's days (yyyy-MM-dd, both included; the server's last 12 weeks when left out) and how they are cut. */
export type AnalyticsFilters = { from?: string; to?: string; bucket: AnalyticsBucket };

const names = ['from', 'to', 'bucket'] as const;
const isDay = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

function parse(params: URLSearchParams): AnalyticsFilters {
  return {
    from: isDay(params.get('from')),
    to: isDay(params.get('to')),
    bucket: params.get('bucket') === 'month' ? 'month' : 'week',
  };
}

/** The dashboard's filters, kept in the address so a report can be bookmarked and shared. */
export function useAnalyticsFilters() {
  return useUrlFilters<AnalyticsFilters, (typeof names)[number]>(names, parse);
}
