import type {
  Chat,
  ChatMessage,
  CreateChatInput,
  MessagePolicy,
  UpdateChatInput,
} from '@rapport/schema';
import { type Page, sendEmpty, sendJson, sendPage } from '../../api/client';

/** Query keys of conversations, kept here with the requests they name. */
export const chatKeys = {
  all: ['chats'] as const,
  lists: ['chats', 'list'] as const,
  list: ['chats', 'list', 'all'] as const,
  chat: (id: string) => ['chats', 'one', id] as const,
  messagesAll: ['chats', 'messages'] as const,
  messages: (id: string) => ['chats', 'messages', id] as const,
  pending: (id: string) => ['chats', 'pending', id] as const,
  drafts: ['chats', 'draft'] as const,
  draft: (id: string) => ['chats', 'draft', id] as const,
  unreadCount: ['chats', 'unread'] as const,
  search: (q: string) => ['chats', 'search', q] as const,
  policy: ['chats', 'policy'] as const,
};

const base = '/api/rapport/v1';
const chatPath = (id: string) => `${base}/chats/${encodeURIComponent(id)}`;

/** How many messages one request asks for; a shorter answer means there is no more. */
export const MESSAGE_PAGE_SIZE = 40;

/** My conversations, newest activity first. */
export function listChats(next?: string | null): Promise<Page<Chat>> {
  if (next) return sendPage<Chat>(next);
  return sendPage<Chat>(`${base}/chats`, { query: { limit: 20 } });
}

export function getChat(id: string): Promise<Chat> {
  return sendJson<Chat>(chatPath(id));
}

/** Starts a conversation; with one person, the server answers with the existing one if any. */
export function createChat(input: CreateChatInput): Promise<Chat> {
  return sendJson<Chat>(`${base}/chats`, { method: 'POST', json: input });
}

export function updateChat(id: string, changes: UpdateChatInput): Promise<Chat> {
  return sendJson<Chat>(chatPath(id), { method: 'PATCH', json: changes });
}

export function leaveChat(id: string): Promise<void> {
  return sendEmpty(`${chatPath(id)}/leave`, { method: 'POST' });
}

/** Messages newest first, older than `maxId` when given. */
export function listMessages(id: string, next?: string | null): Promise<Page<ChatMessage>> {
  if (next) return sendPage<ChatMessage>(next);
  return sendPage<ChatMessage>(`${chatPath(id)}/messages`, {
    query: { limit: MESSAGE_PAGE_SIZE },
  });
}

/** The messages just after `minId` (the oldest of them first once sorted), for catching up. */
export async function listMessagesAfter(id: string, minId: string): Promise<ChatMessage[]> {
  const page = await sendPage<ChatMessage>(`${chatPath(id)}/messages`, {
    query: { min_id: minId, limit: MESSAGE_PAGE_SIZE },
  });
  return page.items;
}

export interface OutgoingMessage {
  text: string;
  mediaIds: readonly string[];
}

/** The key makes a retried send return the first message instead of a second one. */
export function sendMessage(
  id: string,
  message: OutgoingMessage,
  idempotencyKey: string,
): Promise<ChatMessage> {
  return sendJson<ChatMessage>(`${chatPath(id)}/messages`, {
    method: 'POST',
    json: {
      text: message.text,
      ...(message.mediaIds.length > 0 ? { media_ids: message.mediaIds } : {}),
    },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function markChatRead(id: string, lastReadId: string): Promise<unknown> {
  return sendJson<unknown>(`${chatPath(id)}/read`, {
    method: 'POST',
    json: { last_read_id: lastReadId },
  });
}

export async function getChatUnreadCount(): Promise<number> {
  const { count } = await sendJson<{ count: number }>(`${base}/chats/unread_count`);
  return count;
}

/** Messages in my conversations that match `q`, newest first. */
export function searchMessages(q: string, next?: string | null): Promise<Page<ChatMessage>> {
  if (next) return sendPage<ChatMessage>(next);
  return sendPage<ChatMessage>(`${base}/chats/search`, { query: { q, limit: 20 } });
}

export async function getMessagePolicy(): Promise<MessagePolicy> {
  const { policy } = await sendJson<{ policy: MessagePolicy }>(`${base}/preferences/messages`);
  return policy;
}

export async function saveMessagePolicy(policy: MessagePolicy): Promise<MessagePolicy> {
  const saved = await sendJson<{ policy: MessagePolicy }>(`${base}/preferences/messages`, {
    method: 'PUT',
    json: { policy },
  });
  return saved.policy;
}
