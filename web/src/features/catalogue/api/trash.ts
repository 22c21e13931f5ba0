import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Recording } from '@/lib/api-types';
import { recordingKeys, sessionKeys } from '@/lib/query-keys';

const refreshAll = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: recordingKeys.all }),
    queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  ]);

/** An admin takes a deleted recording out of the trash: it is what it was again, for everyone who saw it. */
export function useRestoreRecording() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (recordingId: string) => api.post<Recording>(`/api/recordings/${encodeURIComponent(recordingId)}/restore`),
    onSuccess: () => refreshAll(queryClient),
  });
}

/** Removes the files of every recording in the academy's trash now; none of them can be restored after. */
export function useEmptyTrash() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ count: number; totalBytes: number }>('/api/admin/trash/empty'),
    onSuccess: () => refreshAll(queryClient),
  });
}
