import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { RecordingAuditEntry } from '@/lib/api-types';
import { recordingKeys } from '@/lib/query-keys';

export function getRecordingAudit(
  recordingId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<RecordingAuditEntry[]> {
  return api.get<RecordingAuditEntry[]>(`/api/recordings/${encodeURIComponent(recordingId)}/audit`, { signal });
}

export function getRecordingAuditQueryOptions(recordingId: string) {
  return queryOptions({
    queryKey: recordingKeys.audit(recordingId),
    queryFn: ({ signal }) => getRecordingAudit(recordingId, { signal }),
  });
}

export function useRecordingAudit(recordingId: string) {
  return useQuery(getRecordingAuditQueryOptions(recordingId));
}
