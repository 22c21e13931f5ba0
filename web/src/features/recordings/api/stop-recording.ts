import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Recording } from '@/lib/api-types';
import { useSettleRecordingAction } from './settle-recording-action';

export function stopRecording(sessionId: string): Promise<Recording> {
  return api.post<Recording>(`/api/sessions/${encodeURIComponent(sessionId)}/recordings/stop`);
}

export function useStopRecording(sessionId: string) {
  return useMutation({
    mutationFn: () => stopRecording(sessionId),
    meta: { interruptedAction: 'stopRecording' },
    onSettled: useSettleRecordingAction(),
  });
}
