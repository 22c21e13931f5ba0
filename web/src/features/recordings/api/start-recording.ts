import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Recording } from '@/lib/api-types';
import { sessionKeys } from '@/lib/query-keys';

export function startRecording(sessionId: string): Promise<Recording> {
  return api.post<Recording>(`/api/sessions/${encodeURIComponent(sessionId)}/recordings`);
}

export function useStartRecording(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => startRecording(sessionId),
    // Success or refusal (409: someone else started; 422: the session changed), the session is re-read,
    // and the mutation stays pending until it is, so the button never shows a stale state.
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}
