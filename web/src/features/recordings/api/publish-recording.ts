import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Recording, RecordingPublication } from '@/lib/api-types';
import { recordingKeys, sessionKeys } from '@/lib/query-keys';

/** The session's teacher (or an admin) publishes a recording to the students, or hides it from them. */
export function usePublishRecording(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ recordingId, publication }: { recordingId: string; publication: Exclude<RecordingPublication, 'awaiting_review'> }) =>
      api.put<Recording>(`/api/recordings/${encodeURIComponent(recordingId)}/publication`, { publication }),
    onSuccess: (recording) => {
      void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(sessionId) });
      void queryClient.invalidateQueries({ queryKey: recordingKeys.detail(recording.id) });
    },
  });
}
