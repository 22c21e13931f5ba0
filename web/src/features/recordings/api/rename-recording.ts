import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Recording } from '@/lib/api-types';
import { recordingKeys, sessionKeys } from '@/lib/query-keys';

/** The session's teacher (or an admin) gives a recording a name that tells it apart. */
export function useRenameRecording(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ recordingId, displayName }: { recordingId: string; displayName: string }) =>
      api.patch<Recording>(`/api/recordings/${encodeURIComponent(recordingId)}`, { displayName }),
    onSuccess: (recording) => {
      void queryClient.invalidateQueries({ queryKey: sessionKeys.recordings(sessionId) });
      void queryClient.invalidateQueries({ queryKey: recordingKeys.detail(recording.id) });
    },
  });
}
