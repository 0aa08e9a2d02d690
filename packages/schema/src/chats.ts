import { z } from 'zod';
import { Account } from './accounts';
import { DateTime, FormInt, Id } from './common';
import { MediaAttachment } from './statuses';

/** Who may start a conversation with a person; admins may always. */
export const MessagePolicy = z.enum(['anyone', 'following', 'followers', 'nobody']);
export type MessagePolicy = z.infer<typeof MessagePolicy>;

/** The most people one conversation may hold, its starter included. */
export const MAX_CHAT_PARTICIPANTS = 50;
/** The longest message, in characters of its Markdown text. */
export const MAX_CHAT_MESSAGE_LENGTH = 5000;

export const ChatMessage = z.object({
  id: Id,
  chat_id: Id,
  account: Account,
  /** The Markdown as written. */
  text: z.string(),
  /** The text rendered through the one sanitiser. */
  html: z.string(),
  media_attachments: z.array(MediaAttachment),
  created_at: DateTime,
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** How far one participant has read. */
export const ChatReadState = z.object({
  account_id: Id,
  last_read_id: Id.nullable(),
});
export type ChatReadState = z.infer<typeof ChatReadState>;

export const Chat = z.object({
  id: Id,
  /** `direct`: two people, named after the other one; `group`: may have a title and be renamed. */
  kind: z.enum(['direct', 'group']),
  /** Set by a participant, or empty: apps then name it after the other participants. */
  title: z.string(),
  /** The other participants (the viewer is left out, as Mastodon conversations do). */
  accounts: z.array(Account),
  unread_count: z.number().int(),
  last_message: ChatMessage.nullable(),
  muted: z.boolean(),
  /** Where every participant has read up to, the viewer included. */
  read_states: z.array(ChatReadState),
  created_at: DateTime,
  updated_at: DateTime,
});
export type Chat = z.infer<typeof Chat>;

export const CreateChatInput = z.object({
  account_ids: z
    .array(Id)
    .min(1, 'name at least one person')
    .max(MAX_CHAT_PARTICIPANTS - 1, {
      message: `a conversation holds at most ${MAX_CHAT_PARTICIPANTS} people`,
    }),
  title: z.string().trim().max(100).optional(),
});
export type CreateChatInput = z.infer<typeof CreateChatInput>;

export const SendChatMessageInput = z.object({
  text: z.string().max(MAX_CHAT_MESSAGE_LENGTH, {
    message: `must be at most ${MAX_CHAT_MESSAGE_LENGTH} characters`,
  }),
  media_ids: z.array(Id).max(4).optional(),
});
export type SendChatMessageInput = z.infer<typeof SendChatMessageInput>;

export const UpdateChatInput = z.object({
  title: z.string().trim().max(100).optional(),
  muted: z.boolean().optional(),
});
export type UpdateChatInput = z.infer<typeof UpdateChatInput>;

/** `POST /chats/:id/read`: without `last_read_id`, up to the newest message. */
export const ReadChatInput = z.object({ last_read_id: Id.optional() });
export type ReadChatInput = z.infer<typeof ReadChatInput>;

/** `GET /chats/unread_count`: conversations with unread messages, muted ones left out. */
export const ChatUnreadCount = z.object({ count: z.number().int() });
export type ChatUnreadCount = z.infer<typeof ChatUnreadCount>;

/** `GET /chats/search`: words (the last one may be the start of a word), newest first. */
export const ChatSearchQuery = z.object({
  q: z.string().trim().min(1, 'type something to search for').max(200),
  max_id: Id.optional(),
  limit: FormInt.pipe(z.number().int().min(1).max(40)).optional(),
});
export type ChatSearchQuery = z.infer<typeof ChatSearchQuery>;

/** `GET/PUT /preferences/messages`: who may start a conversation with the viewer. */
export const MessagePreferences = z.object({ policy: MessagePolicy });
export type MessagePreferences = z.infer<typeof MessagePreferences>;

/** The `chat.read` streaming payload: a participant read up to a message. */
export const ChatReadPayload = z.object({
  chat_id: Id,
  account_id: Id,
  last_read_id: Id,
});
export type ChatReadPayload = z.infer<typeof ChatReadPayload>;

/**
 * The `chat.update` streaming payload: a conversation's title or participants changed
 * (someone left); apps fetch `GET /chats/:id` for the rest.
 */
export const ChatUpdatePayload = z.object({
  chat_id: Id,
  title: z.string(),
  /** Participants still in it, the viewer included. */
  account_ids: z.array(Id),
});
export type ChatUpdatePayload = z.infer<typeof ChatUpdatePayload>;
