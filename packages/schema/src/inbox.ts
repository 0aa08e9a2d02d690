import { z } from 'zod';
import { Account } from './accounts';
import { Chat } from './chats';
import { CursorQuery, DateTime, FormInt } from './common';
import { Status } from './statuses';

/**
 * The blended inbox: what needs the person, newest first. `mention`, `reply` and `answer`
 * items are their `mention` notifications (a reply answers one of their statuses, an answer
 * one of their questions); `message` items are their conversations (chats).
 */
export const InboxKind = z.enum(['message', 'mention', 'reply', 'answer']);
export type InboxKind = z.infer<typeof InboxKind>;

export const InboxFilter = z.enum(['all', 'unread', 'messages', 'mentions', 'replies', 'answers']);
export type InboxFilter = z.infer<typeof InboxFilter>;

/** `notification-<id>` or `chat-<id>`: the item's source and the id there. */
export const InboxItemId = z
  .string()
  .regex(/^(notification|chat)-\d{1,16}$/, 'is not an inbox item');

export const InboxItem = z.object({
  id: InboxItemId,
  kind: InboxKind,
  created_at: DateTime,
  unread: z.boolean(),
  /** Who: the author of the status, or of the conversation's latest message. */
  account: Account,
  /** The mention, reply or answer (its community says where). */
  status: Status.optional(),
  /** The conversation, with its latest message. */
  chat: Chat.optional(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxQuery = CursorQuery.extend({ filter: InboxFilter.optional() });
export type InboxQuery = z.infer<typeof InboxQuery>;

export const InboxItemParams = z.object({ id: InboxItemId });

export const InboxUnreadCountQuery = z.object({
  limit: FormInt.pipe(z.number().int().min(1).max(1000)).optional(),
});

/** Unread items, counted no further than the limit asked for (100 by default). */
export const InboxUnreadCount = z.object({ count: z.number().int() });
