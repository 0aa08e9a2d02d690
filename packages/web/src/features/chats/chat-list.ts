import type { Chat, ChatMessage } from '@rapport/schema';
import type { InfiniteData } from '@tanstack/react-query';
import type { Page } from '../../api/client';
import { applyReadState, isNewer } from './chat-timeline';

export type ChatListData = InfiniteData<Page<Chat>, string | null>;

/** Whether a delivered message changes a conversation's unread count. */
export interface ArrivalContext {
  myId: string;
  /** The conversation is open and visible: the message is read as it arrives. */
  reading: boolean;
}

/**
 * A conversation after a message arrived in it: the message becomes its last one and, unless
 * it is mine or being read, one more unread. A message not newer than the last one known
 * (a repeated or late event) changes nothing, so counts never go up twice.
 */
export function withArrival(chat: Chat, message: ChatMessage, context: ArrivalContext): Chat {
  if (chat.last_message && !isNewer(message.id, chat.last_message.id)) return chat;
  const mine = message.account.id === context.myId;
  return {
    ...chat,
    last_message: message,
    updated_at: message.created_at,
    unread_count: mine || context.reading ? 0 : chat.unread_count + 1,
  };
}

/**
 * The list after a message arrived: its conversation moves to the top. Returns null when
 * the conversation is not in the list (a new one), for the caller to fetch the list again.
 */
export function listWithArrival(
  data: ChatListData,
  message: ChatMessage,
  context: ArrivalContext,
): ChatListData | null {
  const chat = findChat(data, message.chat_id);
  if (!chat) return null;
  const next = withArrival(chat, message, context);
  if (next === chat) return data;
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.filter((item) => item.id !== chat.id),
  }));
  const [first, ...rest] = pages;
  return {
    ...data,
    pages: [{ items: [next, ...(first?.items ?? [])], next: first?.next ?? null }, ...rest],
  };
}

export function findChat(data: ChatListData | undefined, id: string): Chat | undefined {
  for (const page of data?.pages ?? []) {
    const chat = page.items.find((item) => item.id === id);
    if (chat) return chat;
  }
  return undefined;
}

/** Changes one conversation where it stands in the list. */
export function mapChatInList(
  data: ChatListData,
  id: string,
  map: (chat: Chat) => Chat | null,
): ChatListData {
  let changed = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some((item) => item.id === id)) return page;
    changed = true;
    const items: Chat[] = [];
    for (const item of page.items) {
      if (item.id !== id) items.push(item);
      else {
        const mapped = map(item);
        if (mapped) items.push(mapped);
      }
    }
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

/** A participant read up to a message: their read state moves, and mine clears my count. */
export function withRead(
  chat: Chat,
  read: { account_id: string; last_read_id: string | null },
  myId: string,
): Chat {
  const readStates = applyReadState(chat.read_states, read);
  const caughtUp =
    read.account_id === myId &&
    read.last_read_id !== null &&
    (!chat.last_message || !isNewer(chat.last_message.id, read.last_read_id));
  if (readStates === chat.read_states && !caughtUp) return chat;
  return { ...chat, read_states: readStates, unread_count: caughtUp ? 0 : chat.unread_count };
}

/** A group conversation may be renamed; a one-to-one is named after the other person. */
export function isGroup(chat: Chat): boolean {
  return chat.kind === 'group';
}

/**
 * A short, plain line from a message's Markdown for the conversation list: the words
 * without their markup, on one line.
 */
export function previewText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|\W)[*_]([^*_\s][^*_]*?)[*_](?=\W|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text cut into what matches the search words and what does not, to mark the matches. */
export function highlight(text: string, query: string): Array<{ text: string; match: boolean }> {
  const words = query
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return [{ text, match: false }];
  const pattern = new RegExp(`(${words.join('|')})`, 'gi');
  const parts: Array<{ text: string; match: boolean }> = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
