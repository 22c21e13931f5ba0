import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { recordingKeys, sessionKeys } from '@/lib/query-keys';

export interface DeleteRecordingInput {
  recordingId: string;
  /** Also delete the stored media file, not only the catalogue entry. */
  removeFile: boolean;
}

export function deleteRecording({ recordingId, removeFile }: DeleteRecordingInput): Promise<undefined> {
  return api.delete(`/api/recordings/${encodeURIComponent(recordingId)}`, { query: { removeFile } });
}

export function useDeleteRecording() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRecording,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: recordingKeys.all }),
        queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
      ]),
  });
}
