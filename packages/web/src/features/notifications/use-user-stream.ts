import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getUnreadCount, type NotificationFilter } from '../../api/notifications';
import { queryKeys } from '../../api/query-keys';
import { useStream, useStreamReconnect } from '../../api/streaming';
import { inboxHeard } from '../inbox/inbox-cache';
import { removeCachedStatus, replaceCachedStatus } from '../statuses/status-cache';
import { addStreamedNotification, type NotificationData } from './notification-cache';

export function useUnreadCount() {
  return useQuery({
    queryKey: queryKeys.unreadCount,
    queryFn: getUnreadCount,
    staleTime: 60_000,
  });
}

/**
 * The signed-in person's own stream, for as long as they are signed in: notifications
 * raise the unread count and appear on top of the notifications page; deletes and edits
 * apply to whatever is on screen.
 */
export function useUserStream(): void {
  const queryClient = useQueryClient();
  useStream({ name: 'user' }, (event) => {
    if (event.event === 'notification') {
      queryClient.setQueryData<number>(queryKeys.unreadCount, (count) => (count ?? 0) + 1);
      for (const filter of ['all', 'mentions'] as NotificationFilter[]) {
        queryClient.setQueryData<NotificationData>(queryKeys.notifications(filter), (data) =>
          data ? addStreamedNotification(data, event.notification, filter) : data,
        );
      }
      inboxHeard(queryClient, event.notification);
    } else if (event.event === 'delete') {
      removeCachedStatus(queryClient, event.id);
    } else if (event.event === 'status.update') {
      replaceCachedStatus(queryClient, event.status);
    }
  });
  useStreamReconnect(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.unreadCount });
    void queryClient.invalidateQueries({ queryKey: queryKeys.inboxUnread });
    void queryClient.invalidateQueries({ queryKey: queryKeys.notificationLists });
  });
}
