import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-client';
import { sessionKeys } from '@/lib/query-keys';

/**
 * `onSettled` of Start and Stop. Success or refusal (409: someone else started; 422: the session changed), the
 * session is re-read, and the action stays pending until it is, so the button never shows a stale state. When
 * the server could not be reached the re-read is only queued: offline it would wait, paused, for the
 * connection, and the button with it; it runs when the connection is back and shows what the server has.
 */
export function useSettleRecordingAction() {
  const queryClient = useQueryClient();
  return (_data: unknown, error: unknown): Promise<void> | undefined => {
    const reRead = queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    return isApiError(error) && error.isNetworkError ? undefined : reRead;
  };
}
