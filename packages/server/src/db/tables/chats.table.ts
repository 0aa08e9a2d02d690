import type { MessagePolicy } from '@rapport/schema';

/** A conversation: one-to-one (`direct`) or a group. */
export interface ChatsTable {
  id: number;
  kind: 'direct' | 'group';
  title: string;
  /** "lowId:highId" of a one-to-one conversation while both are in it; null otherwise. */
  direct_key: string | null;
  created_by_id: number | null;
  last_message_id: number | null;
  created_at: number;
  updated_at: number;
}

/** A person in a conversation, with how far they have read. */
export interface ChatMembersTable {
  chat_id: number;
  account_id: number;
  /** The newest message's id (the conversation's own before any): the list's order. */
  activity_id: number;
  last_read_message_id: number | null;
  /** Messages by others after `last_read_message_id`. */
  unread_count: number;
  muted: number;
  /** UTC day of the last interactions recorded from this participant in this conversation. */
  interaction_day: number;
  joined_at: number;
  left_at: number | null;
}

export interface ChatMessagesTable {
  id: number;
  chat_id: number;
  account_id: number;
  /** Markdown as written; `html` is its rendering. */
  text: string;
  html: string;
  idempotency_key: string | null;
  created_at: number;
}

/** Folded words of each message, for search within one's own conversations. */
export interface ChatMessageTermsTable {
  chat_id: number;
  term: string;
  message_id: number;
}

export interface MessagePoliciesTable {
  account_id: number;
  policy: MessagePolicy;
  updated_at: number;
}
