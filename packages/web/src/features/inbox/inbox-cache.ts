import type { InboxItem, Notification } from '@rapport/schema';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Page } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

export type InboxData = InfiniteData<Page<InboxItem>>;

function mapItems(data: InboxData, change: (item: InboxItem) => InboxItem): InboxData {
  let changed = false;
  const pages = data.pages.map((page) => {
    const items = page.items.map((item) => {
      const next = change(item);
      if (next !== item) changed = true;
      return next;
    });
    return items.some((item, i) => item !== page.items[i]) ? { ...page, items } : page;
  });
  return changed ? { ...data, pages } : data;
}

/** The item read in every cached inbox list (it stays where it is until the next fetch). */
export function withItemRead(data: InboxData, id: string): InboxData {
  return mapItems(data, (item) =>
    item.id === id && item.unread ? { ...item, unread: false } : item,
  );
}

export function withAllRead(data: InboxData): InboxData {
  return mapItems(data, (item) => (item.unread ? { ...item, unread: false } : item));
}

/** Applies a change to every cached inbox list, whatever its filter. */
export function updateInboxLists(
  queryClient: QueryClient,
  change: (data: InboxData) => InboxData,
): void {
  queryClient.setQueriesData<InboxData>({ queryKey: queryKeys.inboxLists }, (data) =>
    data ? change(data) : data,
  );
}

/**
 * A notification arrived on the user stream: a mention is a new inbox item (a mention, a
 * reply or an answer; the server tells which), so the lists and the badge are fetched again.
 */
export function inboxHeard(queryClient: QueryClient, notification: Notification): void {
  if (notification.type !== 'mention') return;
  void queryClient.invalidateQueries({ queryKey: queryKeys.inboxUnread });
  void queryClient.invalidateQueries({ queryKey: queryKeys.inboxLists });
}

/**
 * A conversation changed (a message arrived, or it was read elsewhere): its inbox item and
 * the badge are fetched again. The chats stream handler calls this on `chat.message` and
 * `chat.read`.
 */
export function inboxChatActivity(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.inboxUnread });
  void queryClient.invalidateQueries({ queryKey: queryKeys.inboxLists });
}
