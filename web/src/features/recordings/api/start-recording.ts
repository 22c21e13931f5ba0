import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Recording } from '@/lib/api-types';
import { useSettleRecordingAction } from './settle-recording-action';

export function startRecording(sessionId: string): Promise<Recording> {
  return api.post<Recording>(`/api/sessions/${encodeURIComponent(sessionId)}/recordings`);
}

export function useStartRecording(sessionId: string) {
  return useMutation({
    mutationFn: () => startRecording(sessionId),
    // A 401 sends the user to sign in; the screen they come back to says Start was not done.
    meta: { interruptedAction: 'startRecording' },
    onSettled: useSettleRecordingAction(),
  });
}
