import type { Chat, ChatMessage } from '@rapport/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useStream } from '../../api/streaming';
import { useCurrentAccount } from '../auth/session';
import { newIdempotencyKey } from '../compose/idempotency';
import { addMessages, catchUp, fetchTimeline, readUpTo, receiveMessage } from './chat-cache';
import { type ChatListData, findChat } from './chat-list';
import { type ChatTimeline, isNewer, mergeMessages, type PendingMessage } from './chat-timeline';
import { chatKeys, getChat, listMessages, sendMessage } from './chats-api';

/** One conversation: its details, seeded from the list so its name shows at once. */
export function useChat(chatId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: chatKeys.chat(chatId),
    queryFn: () => getChat(chatId),
    initialData: () => findChat(queryClient.getQueryData<ChatListData>(chatKeys.list), chatId),
    initialDataUpdatedAt: 0,
  });
}

function useDocumentVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/**
 * A conversation's messages, kept live by the user stream (see useChatStream), with older
 * pages on request. Messages streamed while the first page loads are kept and merged into
 * it; a conversation still cached from an earlier visit first catches up on what it missed.
 */
export function useMessages(chatId: string) {
  const queryClient = useQueryClient();
  const me = useCurrentAccount();
  const key = chatKeys.messages(chatId);
  const cachedAtMount = useRef(queryClient.getQueryData(key) !== undefined);
  const timeline = useQuery({
    queryKey: key,
    queryFn: () => fetchTimeline(chatId),
    // The stream and the catch-ups keep it current; a refetch would drop the older pages.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

  const early = useRef<ChatMessage[]>([]);
  useStream({ name: 'user' }, (event) => {
    if (event.event !== 'chat.message' || event.message.chat_id !== chatId) return;
    if (!queryClient.getQueryData(key)) early.current.push(event.message);
  });
  const loaded = timeline.data !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the first page is in
  useEffect(() => {
    if (!loaded || early.current.length === 0) return;
    addMessages(queryClient, chatId, early.current, me.id);
    early.current = [];
  }, [loaded]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per conversation opened
  useEffect(() => {
    if (cachedAtMount.current) void catchUp(queryClient, chatId, me.id).catch(() => undefined);
  }, [chatId]);

  const older = useMutation({
    mutationFn: async () => {
      const held = queryClient.getQueryData<ChatTimeline>(key);
      if (!held?.older) return;
      const page = await listMessages(chatId, held.older);
      queryClient.setQueryData<ChatTimeline>(key, (current) =>
        current
          ? { messages: mergeMessages(current.messages, page.items), older: page.next }
          : current,
      );
    },
  });

  return { timeline, older };
}

/**
 * Marks the conversation read up to its newest message while it is open and the page is
 * in front; each newer message arriving meanwhile is marked as it comes.
 */
export function useMarkRead(chat: Chat | undefined, newest: string | null) {
  const queryClient = useQueryClient();
  const me = useCurrentAccount();
  const visible = useDocumentVisible();
  const marked = useRef<string | null>(null);
  const myRead = chat?.read_states.find((state) => state.account_id === me.id)?.last_read_id;
  const chatId = chat?.id;
  const behind = Boolean(chat && newest && (isNewer(newest, myRead) || chat.unread_count > 0));
  useEffect(() => {
    if (!visible || !chatId || !newest || !behind) return;
    if (marked.current !== null && !isNewer(newest, marked.current)) return;
    marked.current = newest;
    readUpTo(queryClient, chatId, newest, me.id).catch(() => {
      marked.current = null;
    });
  }, [visible, chatId, newest, behind, queryClient, me.id]);
}

/**
 * Sending: each message shows at once as pending, and messages go to the server one after
 * another so they arrive in the order they were written. A failed one stays with its text
 * and is retried with the same Idempotency-Key, so the server never stores it twice.
 */
export function useSender(chatId: string) {
  const queryClient = useQueryClient();
  const me = useCurrentAccount();
  const key = chatKeys.pending(chatId);
  const pending = useQuery({
    queryKey: key,
    queryFn: () => queryClient.getQueryData<PendingMessage[]>(key) ?? [],
    initialData: [] as PendingMessage[],
    staleTime: Number.POSITIVE_INFINITY,
    // Kept while the person looks at other conversations: a failed message waits for them.
    gcTime: Number.POSITIVE_INFINITY,
  });
  const queue = useRef<Promise<void>>(Promise.resolve());

  const change = (map: (list: PendingMessage[]) => PendingMessage[]) =>
    queryClient.setQueryData<PendingMessage[]>(key, (list) => map(list ?? []));

  const deliver = (item: PendingMessage) => {
    queue.current = queue.current.then(() =>
      sendMessage(chatId, item, item.key).then(
        (message) => {
          change((list) => list.filter((each) => each.key !== item.key));
          receiveMessage(queryClient, message, { myId: me.id, reading: true });
        },
        (error: unknown) => {
          change((list) =>
            list.map((each) =>
              each.key === item.key ? { ...each, state: 'failed', error, echo: null } : each,
            ),
          );
        },
      ),
    );
  };

  const send = (text: string, mediaIds: readonly string[]) => {
    const item: PendingMessage = {
      key: newIdempotencyKey(),
      text,
      mediaIds: [...mediaIds],
      state: 'sending',
      error: null,
      echo: null,
    };
    change((list) => [...list, item]);
    deliver(item);
  };

  const retry = (itemKey: string) => {
    const item = pending.data.find((each) => each.key === itemKey);
    if (item?.state !== 'failed') return;
    const again: PendingMessage = { ...item, state: 'sending', error: null };
    change((list) => list.map((each) => (each.key === itemKey ? again : each)));
    deliver(again);
  };

  const discard = (itemKey: string) =>
    change((list) => list.filter((each) => each.key !== itemKey));

  return { pending: pending.data, send, retry, discard };
}
