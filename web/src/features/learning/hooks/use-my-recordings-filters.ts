import { useUrlFilters } from '@/hooks/use-url-filters';
import type { Recording, SessionKind } from '@/lib/api-types';
import { sessionKinds } from '@/lib/session-kinds';

/** What My recordings is narrowed to; it lives in the address, so a filtered list survives a reload and the back button. */
export interface MyRecordingsFilters {
  q?: string;
  kind?: SessionKind;
  /** `true`: only those the user has watched; `false`: only those not watched yet. */
  watched?: boolean;
  /** A course, circle or lesson. */
  parentId?: string;
}

const filterNames = ['q', 'kind', 'watched', 'parentId'] as const;
export type MyRecordingsFilterName = (typeof filterNames)[number];

export function parseMyRecordingsFilters(params: URLSearchParams): MyRecordingsFilters {
  const filters: MyRecordingsFilters = {};
  const q = params.get('q')?.trim();
  const kind = sessionKinds.find((candidate) => candidate === params.get('kind'));
  const watched = params.get('watched');
  const parentId = params.get('parentId')?.trim();
  if (q) filters.q = q;
  if (kind) filters.kind = kind;
  if (watched === 'true' || watched === 'false') filters.watched = watched === 'true';
  if (parentId) filters.parentId = parentId;
  return filters;
}

export function useMyRecordingsFilters() {
  return useUrlFilters(filterNames, parseMyRecordingsFilters);
}

/**
 * The course, circle or lesson a recording belongs to, as its metadata names it (the session kinds store their
 * parent under their own keys); null when the metadata says nothing.
 */
export function parentOf(recording: Recording): { id: string; title: string } | null {
  const metadata = recording.metadata;
  const pairs: [unknown, unknown][] = [
    [metadata.courseId, metadata.courseTitle],
    [metadata.circleId, metadata.circleName],
    [metadata.lessonId, metadata.subject],
  ];
  for (const [id, title] of pairs) {
    if (typeof id === 'string' && typeof title === 'string' && title) return { id, title };
  }
  return null;
}
