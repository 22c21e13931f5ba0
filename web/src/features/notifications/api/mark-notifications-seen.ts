import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { notificationKeys } from '@/lib/query-keys';

/** Everything up to the newest notification shown counts as seen (one that arrived meanwhile stays unread). */
export function useMarkNotificationsSeen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upTo: string) => api.post<undefined>('/api/me/notifications/seen', { upTo }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.mine }),
  });
}
