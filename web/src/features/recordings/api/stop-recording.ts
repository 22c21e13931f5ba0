import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Recording } from '@/lib/api-types';
import { sessionKeys } from '@/lib/query-keys';

export function stopRecording(sessionId: string): Promise<Recording> {
  return api.post<Recording>(`/api/sessions/${encodeURIComponent(sessionId)}/recordings/stop`);
}

export function useStopRecording(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => stopRecording(sessionId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}
