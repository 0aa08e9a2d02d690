import { useQuery } from '@tanstack/react-query';
import { getInboxUnreadCount } from '../../api/inbox';
import { queryKeys } from '../../api/query-keys';

/** The inbox's unread count, for the navigation badge (live through the user stream). */
export function useInboxUnreadCount() {
  return useQuery({
    queryKey: queryKeys.inboxUnread,
    queryFn: getInboxUnreadCount,
    staleTime: 60_000,
  });
}
