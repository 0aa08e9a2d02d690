import type { Visibility } from '@rapport/schema';

/** A status, or a boost of one (`reblog_of_id` set, no text of its own). */
export interface StatusesTable {
  id: number;
  account_id: number;
  /** The id of the thread's root status (its own id for a root). */
  thread_id: number;
  in_reply_to_id: number | null;
  in_reply_to_account_id: number | null;
  reblog_of_id: number | null;
  visibility: Visibility;
  /** The text as written; `content` is its HTML, rendered once at write time. */
  text: string;
  content: string;
  spoiler_text: string;
  sensitive: number;
  language: string | null;
  application_id: number | null;
  card_id: number | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  created_at: number;
  edited_at: number | null;
  /** Posted in this community: its membership decides who sees the status. */
  community_id: number | null;
  kind: 'status' | 'question';
  /** Hidden by a moderator: only its author still sees it (with the reason). */
  hidden_at: number | null;
  hidden_reason: string | null;
}

export interface StatusMentionsTable {
  status_id: number;
  account_id: number;
}

export interface TagsTable {
  id: number;
  name: string;
  /** Lower-cased name: the unique key. */
  name_key: string;
  created_at: number;
  last_status_at: number | null;
}

export interface StatusTagsTable {
  tag_id: number;
  status_id: number;
}

export interface MediaAttachmentsTable {
  id: number;
  account_id: number;
  status_id: number | null;
  /** Taken by a chat message instead of a status (never both). */
  chat_message_id: number | null;
  position: number;
  type: 'image' | 'gifv' | 'video' | 'audio' | 'unknown';
  mime_type: string;
  file: string;
  preview_file: string;
  width: number;
  height: number;
  preview_width: number;
  preview_height: number;
  size: number;
  description: string;
  focus_x: number;
  focus_y: number;
  blurhash: string | null;
  created_at: number;
}

export interface PollsTable {
  id: number;
  status_id: number;
  account_id: number;
  /** JSON array of option titles. */
  options: string;
  /** JSON array of vote counts, one per option. */
  option_votes: string;
  votes_count: number;
  voters_count: number;
  multiple: number;
  hide_totals: number;
  expires_at: number;
  /** When the "poll ended" notifications went out; null while open. */
  closed_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface PollVotesTable {
  id: number;
  poll_id: number;
  account_id: number;
  choice: number;
  created_at: number;
}

/** One revision of a status (the first is the original). */
export interface StatusEditsTable {
  id: number;
  status_id: number;
  account_id: number;
  text: string;
  content: string;
  spoiler_text: string;
  sensitive: number;
  /** JSON: [{id, description}]. */
  media: string;
  /** JSON array of option titles, or null. */
  poll_options: string | null;
  created_at: number;
}

/** Favourites and bookmarks share this shape. */
export interface ReactionsTable {
  id: number;
  account_id: number;
  status_id: number;
  created_at: number;
}

export interface PreviewCardsTable {
  id: number;
  url: string;
  state: 'pending' | 'ready' | 'failed';
  type: 'link' | 'photo' | 'video' | 'rich';
  title: string;
  description: string;
  provider_name: string;
  author_name: string;
  image_file: string | null;
  image_description: string;
  width: number;
  height: number;
  error: string | null;
  created_at: number;
  fetched_at: number | null;
}

export interface IdempotencyKeysTable {
  account_id: number;
  key: string;
  status_id: number;
  created_at: number;
}

/** SQLite only: the FTS5 table (rowid = status id). */
export interface StatusSearchSqliteTable {
  rowid: number;
  body: string;
}

/** PostgreSQL only. */
export interface StatusSearchPostgresTable {
  status_id: number;
  document: unknown;
}
