import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MyNotifications } from '@/lib/api-types';
import { notificationKeys } from '@/lib/query-keys';

export const myNotificationsQuery = () =>
  queryOptions({
    queryKey: notificationKeys.mine,
    queryFn: ({ signal }) => api.get<MyNotifications>('/api/me/notifications', { signal }),
  });

/** The recordings of the user's classes that became watchable lately, newest first, with the unread count. */
export function useMyNotifications() {
  return useQuery(myNotificationsQuery());
}
