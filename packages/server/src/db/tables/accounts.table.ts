import type { Role, Visibility } from '@rapport/schema';

/** Timestamps are epoch milliseconds and booleans 0/1 in both databases. */
export interface AccountsTable {
  id: number;
  username: string;
  /** Lower-cased username: the unique key. */
  username_key: string;
  email: string;
  email_key: string;
  password_hash: string;
  role: Role;
  display_name: string;
  /** Lower-cased display name (or username): the directory's sort key. */
  sort_name: string;
  title: string;
  department: string;
  location: string;
  /** Plain-text bio as the person wrote it; HTML is rendered on the way out. */
  bio: string;
  /** `bio` rendered once when it changes (paragraphs, links), not on every read. */
  bio_html: string;
  /** JSON array of strings. */
  skills: string;
  /** JSON array of {name, value}: Mastodon profile fields beyond Rapport's own. */
  fields: string;
  avatar_file: string | null;
  avatar_description: string;
  locale: string;
  default_privacy: Visibility;
  default_sensitive: number;
  default_language: string;
  locked: number;
  bot: number;
  discoverable: number;
  hide_collections: number;
  indexable: number;
  suspended: number;
  suspended_at: number | null;
  invited_by_id: number | null;
  invitation_id: number | null;
  created_at: number;
  updated_at: number;
  last_sign_in_at: number | null;
  /** Counters kept in step by the statuses and follows services. */
  statuses_count: number;
  followers_count: number;
  following_count: number;
  last_status_at: number | null;
}

/** Words of each account's name, title, department, location and skills, for prefix search. */
export interface AccountTermsTable {
  term: string;
  account_id: number;
}
