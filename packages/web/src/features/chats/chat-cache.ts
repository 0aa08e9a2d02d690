import type { Chat, ChatMessage } from '@rapport/schema';
import type { QueryClient } from '@tanstack/react-query';
import type { ChatRead, ChatUpdate } from '../../api/streaming';
import { compareIds } from '../statuses/status-cache';
import {
  type ArrivalContext,
  type ChatListData,
  findChat,
  listWithArrival,
  mapChatInList,
  withArrival,
  withRead,
} from './chat-list';
import {
  type ChatTimeline,
  claimEcho,
  mergeMessages,
  newestMessageId,
  type PendingMessage,
} from './chat-timeline';
import {
  chatKeys,
  listMessages,
  listMessagesAfter,
  MESSAGE_PAGE_SIZE,
  markChatRead,
} from './chats-api';

/** The newest page of a conversation, as the cache holds it. */
export async function fetchTimeline(chatId: string): Promise<ChatTimeline> {
  const page = await listMessages(chatId);
  return { messages: mergeMessages([], page.items), older: page.next };
}

/** Adds messages to a conversation held in the cache (nothing when it is not held). */
export function addMessages(
  queryClient: QueryClient,
  chatId: string,
  messages: readonly ChatMessage[],
  myId: string,
): void {
  if (messages.length === 0) return;
  queryClient.setQueryData<ChatTimeline>(chatKeys.messages(chatId), (held) => {
    if (!held) return held;
    const merged = mergeMessages(held.messages, messages);
    return merged === held.messages ? held : { ...held, messages: merged };
  });
  queryClient.setQueryData<PendingMessage[]>(chatKeys.pending(chatId), (pending) => {
    let next = pending ?? [];
    for (const message of messages) next = claimEcho(next, message, myId);
    return next;
  });
}

/** Whether the person is looking at this conversation right now (its page, in front). */
export function isReading(chatId: string): boolean {
  return (
    document.visibilityState === 'visible' &&
    window.location.pathname === `/messages/${encodeURIComponent(chatId)}`
  );
}

/**
 * A message delivered by the stream or by a send: into the conversation, its last message
 * and unread count, the list (it moves to the top) and the unread badge.
 */
export function receiveMessage(
  queryClient: QueryClient,
  message: ChatMessage,
  context: ArrivalContext,
): void {
  addMessages(queryClient, message.chat_id, [message], context.myId);
  queryClient.setQueryData<Chat>(chatKeys.chat(message.chat_id), (chat) =>
    chat ? withArrival(chat, message, context) : chat,
  );
  const list = queryClient.getQueryData<ChatListData>(chatKeys.list);
  if (list) {
    const next = listWithArrival(list, message, context);
    if (next) queryClient.setQueryData(chatKeys.list, next);
    else void queryClient.invalidateQueries({ queryKey: chatKeys.lists });
  }
  if (message.account.id !== context.myId && !context.reading) {
    void queryClient.invalidateQueries({ queryKey: chatKeys.unreadCount });
  }
}

/** Someone (me elsewhere included) read up to a message. */
export function receiveRead(queryClient: QueryClient, read: ChatRead, myId: string): void {
  updateChat(queryClient, read.chat_id, (chat) => withRead(chat, read, myId));
  if (read.account_id === myId) {
    void queryClient.invalidateQueries({ queryKey: chatKeys.unreadCount });
  }
}

/**
 * A conversation started (with me in it), renamed, or left by someone: the title changes
 * at once; a change of people is fetched; one I left (here or elsewhere) is forgotten.
 */
export function receiveUpdate(queryClient: QueryClient, update: ChatUpdate, myId: string): void {
  const id = update.chat_id;
  if (!update.account_ids.includes(myId)) {
    forgetChat(queryClient, id);
    return;
  }
  const held =
    queryClient.getQueryData<Chat>(chatKeys.chat(id)) ??
    findChat(queryClient.getQueryData<ChatListData>(chatKeys.list), id);
  if (!held) {
    void queryClient.invalidateQueries({ queryKey: chatKeys.lists });
    return;
  }
  updateChat(queryClient, id, (chat) =>
    chat.title === update.title ? chat : { ...chat, title: update.title },
  );
  const others = update.account_ids.filter((accountId) => accountId !== myId);
  const samePeople =
    others.length === held.accounts.length &&
    held.accounts.every((account) => others.includes(account.id));
  if (!samePeople) {
    void queryClient.invalidateQueries({ queryKey: chatKeys.chat(id) });
    void queryClient.invalidateQueries({ queryKey: chatKeys.lists });
  }
}

/** Changes a conversation wherever it is held: its own query and the list. */
export function updateChat(
  queryClient: QueryClient,
  chatId: string,
  map: (chat: Chat) => Chat | null,
): void {
  queryClient.setQueryData<Chat>(chatKeys.chat(chatId), (chat) =>
    chat ? (map(chat) ?? chat) : chat,
  );
  queryClient.setQueryData<ChatListData>(chatKeys.list, (list) =>
    list ? mapChatInList(list, chatId, map) : list,
  );
}

/** A conversation I left: gone from the list and the cache. */
export function forgetChat(queryClient: QueryClient, chatId: string): void {
  queryClient.setQueryData<ChatListData>(chatKeys.list, (list) =>
    list ? mapChatInList(list, chatId, () => null) : list,
  );
  queryClient.removeQueries({ queryKey: chatKeys.chat(chatId) });
  queryClient.removeQueries({ queryKey: chatKeys.messages(chatId) });
  queryClient.removeQueries({ queryKey: chatKeys.pending(chatId) });
  void queryClient.invalidateQueries({ queryKey: chatKeys.unreadCount });
}

/** A conversation that falls this far behind is loaded afresh rather than page by page. */
const MAX_CATCH_UP_PAGES = 25;

/**
 * Fetches what arrived after the newest message held (`min_id`), page after page, so a
 * client that was offline shows every missed message once and in order.
 */
export async function catchUp(
  queryClient: QueryClient,
  chatId: string,
  myId: string,
): Promise<void> {
  const key = chatKeys.messages(chatId);
  for (let round = 0; round < MAX_CATCH_UP_PAGES; round++) {
    const held = queryClient.getQueryData<ChatTimeline>(key);
    if (!held) return;
    const newest = newestMessageId(held.messages);
    if (!newest) {
      await queryClient.refetchQueries({ queryKey: key, exact: true });
      return;
    }
    const arrived = await listMessagesAfter(chatId, newest);
    addMessages(queryClient, chatId, arrived, myId);
    const last = [...arrived].sort((a, b) => compareIds(a.id, b.id)).at(-1);
    if (last) {
      const context = { myId, reading: isReading(chatId) };
      queryClient.setQueryData<Chat>(chatKeys.chat(chatId), (chat) =>
        chat ? withArrival(chat, last, context) : chat,
      );
    }
    if (arrived.length < MESSAGE_PAGE_SIZE) return;
  }
  await queryClient.resetQueries({ queryKey: key, exact: true });
}

/**
 * After the stream came back from a drop: the open conversations catch up, the others are
 * dropped from the cache (they load afresh when opened), lists and counts are fetched again.
 */
export function recoverAfterDrop(queryClient: QueryClient, myId: string): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: chatKeys.messagesAll })) {
    const chatId = query.queryKey[2];
    if (typeof chatId !== 'string') continue;
    if (query.getObserversCount() > 0) {
      void catchUp(queryClient, chatId, myId).catch(() => {
        void queryClient.resetQueries({ queryKey: query.queryKey, exact: true });
      });
    } else {
      queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
    }
  }
  void queryClient.invalidateQueries({ queryKey: chatKeys.lists });
  void queryClient.invalidateQueries({ queryKey: ['chats', 'one'] });
  void queryClient.invalidateQueries({ queryKey: chatKeys.unreadCount });
}

/** Marks a conversation read up to `messageId`, here at once and then on the server. */
export async function readUpTo(
  queryClient: QueryClient,
  chatId: string,
  messageId: string,
  myId: string,
): Promise<void> {
  updateChat(queryClient, chatId, (chat) =>
    withRead(chat, { account_id: myId, last_read_id: messageId }, myId),
  );
  try {
    await markChatRead(chatId, messageId);
  } finally {
    void queryClient.invalidateQueries({ queryKey: chatKeys.unreadCount });
  }
}
