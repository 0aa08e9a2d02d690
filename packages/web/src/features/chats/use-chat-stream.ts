import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useStream, useStreamReconnect } from '../../api/streaming';
import { useCurrentAccount } from '../auth/session';
import { inboxChatActivity } from '../inbox/inbox-cache';
import {
  isReading,
  receiveMessage,
  receiveRead,
  receiveUpdate,
  recoverAfterDrop,
} from './chat-cache';
import { chatKeys, getChatUnreadCount } from './chats-api';

/** Unread messages across my conversations, for the badge on "Messages". */
export function useChatUnreadCount() {
  return useQuery({
    queryKey: chatKeys.unreadCount,
    queryFn: getChatUnreadCount,
    staleTime: 60_000,
    retry: false,
  });
}

/**
 * Conversations kept live for as long as the person is signed in, on the same user stream
 * as notifications: messages land in their conversation and the list, read states move,
 * titles and people change, and after a drop whatever was missed is fetched.
 */
export function useChatStream(): void {
  const queryClient = useQueryClient();
  const me = useCurrentAccount();
  useStream({ name: 'user' }, (event) => {
    if (event.event === 'chat.message' || event.event === 'chat.read') {
      inboxChatActivity(queryClient);
    }
    if (event.event === 'chat.message') {
      receiveMessage(queryClient, event.message, {
        myId: me.id,
        reading: isReading(event.message.chat_id),
      });
    } else if (event.event === 'chat.read') {
      receiveRead(queryClient, event.read, me.id);
    } else if (event.event === 'chat.update') {
      receiveUpdate(queryClient, event.update, me.id);
    }
  });
  useStreamReconnect(() => recoverAfterDrop(queryClient, me.id));
}
