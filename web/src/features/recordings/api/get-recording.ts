import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Recording } from '@/lib/api-types';
import { recordingKeys } from '@/lib/query-keys';
import { isInFlight, pollWhile } from '@/lib/recording-activity';

export function getRecording(recordingId: string, { signal }: { signal?: AbortSignal } = {}): Promise<Recording> {
  return api.get<Recording>(`/api/recordings/${encodeURIComponent(recordingId)}`, { signal });
}

export function getRecordingQueryOptions(recordingId: string) {
  return queryOptions({
    queryKey: recordingKeys.detail(recordingId),
    queryFn: ({ signal }) => getRecording(recordingId, { signal }),
    refetchInterval: (query) => pollWhile(isInFlight(query.state.data?.status)),
  });
}

export function useRecording(recordingId: string) {
  return useQuery(getRecordingQueryOptions(recordingId));
}
