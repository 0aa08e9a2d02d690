import { z } from 'zod';
import { Account } from './accounts';
import { DateTime, Id } from './common';
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
