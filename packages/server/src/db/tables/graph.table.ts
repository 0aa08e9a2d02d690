import type { NotificationType } from '@rapport/schema';
/** `account_id` follows `target_account_id`. */
export interface FollowsTable {
  id: number;
  account_id: number;
  target_account_id: number;
  show_reblogs: number;
  notify: number;
  created_at: number;
}

/** `account_id` blocks `target_account_id`: neither sees the other's statuses. */
export interface BlocksTable {
  id: number;
  account_id: number;
  target_account_id: number;
  created_at: number;
}

/** `account_id` mutes `target_account_id`: their statuses leave the muter's timelines. */
export interface MutesTable {
  id: number;
  account_id: number;
  target_account_id: number;
  hide_notifications: number;
  expires_at: number | null;
  created_at: number;
}

/** A status in someone's home feed (fan-out on write). */
export interface HomeFeedTable {
  account_id: number;
  status_id: number;
}

/** The one list of notification types is the API's. */
export type { NotificationType };

export interface NotificationsTable {
  id: number;
  account_id: number;
  type: NotificationType;
  from_account_id: number;
  status_id: number | null;
  created_at: number;
  /** What a Rapport notification is about when it is not a status. */
  subject_type: string | null;
  subject_id: number | null;
  subject_title: string | null;
  /** The subject's page in the web app, e.g. `/communities/12`. */
  subject_path: string | null;
  /** The subject's community: who may no longer see it, no longer sees the notification. */
  community_id: number | null;
  /** Favourites, boosts and follows close in time share one (API v2 groups); null otherwise. */
  group_key: string | null;
  /** What a `mention` is in the blended inbox; null for every other type. */
  inbox_kind: 'mention' | 'reply' | 'answer' | null;
}

/** A notification newer than the notifications marker that its reader opened on its own. */
export interface NotificationReadsTable {
  account_id: number;
  notification_id: number;
  created_at: number;
}

export interface MarkersTable {
  account_id: number;
  timeline: 'home' | 'notifications';
  last_read_id: number;
  version: number;
  updated_at: number;
}
