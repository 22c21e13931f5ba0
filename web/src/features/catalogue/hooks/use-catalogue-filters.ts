import { useUrlFilters } from '@/hooks/use-url-filters';
import type { RecordingStatus, SessionKind } from '@/lib/api-types';
import { sessionKinds } from '@/lib/session-kinds';

export const recordingStatuses: readonly RecordingStatus[] = ['recording', 'processing', 'completed', 'failed', 'deleted'];

/** Catalogue filters as the admin chose them; dates are calendar days (`YYYY-MM-DD`) in local time. */
export interface CatalogueFilters {
  status?: RecordingStatus;
  kind?: SessionKind;
  teacherId?: string;
  from?: string;
  to?: string;
  q?: string;
}

const filterNames = ['status', 'kind', 'teacherId', 'from', 'to', 'q'] as const;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

export function parseFilters(params: URLSearchParams): CatalogueFilters {
  const filters: CatalogueFilters = {};
  const status = pick(params.get('status'), recordingStatuses);
  const kind = pick(params.get('kind'), sessionKinds);
  const teacherId = params.get('teacherId')?.trim();
  const from = params.get('from');
  const to = params.get('to');
  const q = params.get('q')?.trim();
  if (status) filters.status = status;
  if (kind) filters.kind = kind;
  if (teacherId) filters.teacherId = teacherId;
  if (from && isoDay.test(from)) filters.from = from;
  if (to && isoDay.test(to)) filters.to = to;
  if (q) filters.q = q;
  return filters;
}

/** The filters live in the address, so a filtered catalogue can be bookmarked, shared and gone back to. */
export function useCatalogueFilters() {
  return useUrlFilters(filterNames, parseFilters);
}

/**
 * The API's query for these filters. A day range covers whole local days: `from` is the start of its day and,
 * as the API's `to` is exclusive, `to` is the start of the day after; both sent as ISO 8601 instants.
 */
export function toApiQuery(filters: CatalogueFilters): Record<string, string | undefined> {
  return {
    status: filters.status,
    kind: filters.kind,
    teacherId: filters.teacherId,
    from: filters.from ? localDayStart(filters.from).toISOString() : undefined,
    to: filters.to ? nextLocalDayStart(filters.to).toISOString() : undefined,
    q: filters.q,
  };
}

function localDayStart(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, 0, 0, 0, 0);
}

function nextLocalDayStart(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + 1, 0, 0, 0, 0);
}
