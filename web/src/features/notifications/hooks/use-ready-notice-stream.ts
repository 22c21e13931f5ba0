import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { notificationKeys, recordingKeys, sessionKeys } from '@/lib/query-keys';

export const READY_NOTICE_STREAM = '/api/me/notifications/events';

/**
 * While the signed-in shell is open, listens to the server's ready notices (Server-Sent Events): a recording of the
 * user's classes became watchable, so the notifications, recordings and sessions shown are fetched again. After the
 * stream was cut (the browser reconnects by itself), everything is fetched again too: notices may have been missed.
 */
export function useReadyNoticeStream() {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(READY_NOTICE_STREAM, { withCredentials: true });
    let cut = false;
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.mine });
      void queryClient.invalidateQueries({ queryKey: recordingKeys.all });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    };
    source.addEventListener('recording_ready', refresh);
    source.addEventListener('error', () => {
      cut = true;
    });
    source.addEventListener('open', () => {
      if (cut) refresh();
      cut = false;
    });
    return () => source.close();
  }, [queryClient]);
}
