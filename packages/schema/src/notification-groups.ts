import { z } from 'zod';
import { Account } from './accounts';
import { DateTime, FormBoolean, FormInt, Id, PageQuery } from './common';
import { NotificationType } from './social';
import { Status } from './statuses';

/**
 * Mastodon's grouped notifications (API v2, Mastodon 4.3): favourites, boosts and follows
 * of the same kind and target close together in time share a `group_key`, and the list
 * answers one entry per group.
 */
export const GROUPABLE_NOTIFICATION_TYPES = ['favourite', 'reblog', 'follow'] as const;

/** Types an app names; ones Rapport does not produce are accepted and match nothing. */
const typeList = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(z.string().trim().min(1).max(50)).max(30),
);

export const GroupedNotificationsQuery = PageQuery.extend({
  types: typeList.optional(),
  exclude_types: typeList.optional(),
  account_id: Id.optional(),
  /** The types the app can show grouped; others come as groups of one (`ungrouped-<id>`). */
  grouped_types: typeList.optional(),
  /** `partial_avatars`: only each group's newest account in full, the others in `partial_accounts`. */
  expand_accounts: z.enum(['full', 'partial_avatars']).optional(),
  /** Rapport filters nothing by policy: accepted and ignored. */
  include_filtered: FormBoolean.optional(),
});
export type GroupedNotificationsQuery = z.infer<typeof GroupedNotificationsQuery>;

export const GroupedUnreadCountQuery = z.object({
  limit: FormInt.pipe(z.number().int().min(1).max(1000)).optional(),
  types: typeList.optional(),
  exclude_types: typeList.optional(),
  account_id: Id.optional(),
  grouped_types: typeList.optional(),
});

/** A group key as the server writes them: `favourite-<status>-<hour>`, `ungrouped-<id>`... */
export const GroupKeyParams = z.object({
  group_key: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[a-z_.]+-[\w.-]*$/, 'is not a notification group key'),
});

export const GroupAccountsQuery = PageQuery;

/** What a Rapport notification is about when it is not a status (as on the v1 entity). */
export const NotificationSubject = z.object({
  type: z.string(),
  id: Id,
  title: z.string(),
  url: z.string(),
});

export const NotificationGroup = z.object({
  group_key: z.string(),
  notifications_count: z.number().int(),
  type: NotificationType,
  most_recent_notification_id: Id,
  /** Only on list pages: the group's oldest and newest notification within the page. */
  page_min_id: Id.optional(),
  page_max_id: Id.optional(),
  latest_page_notification_at: DateTime.optional(),
  /** The accounts who acted most recently, newest first (at most eight). */
  sample_account_ids: z.array(Id),
  status_id: Id.nullable().optional(),
  subject: NotificationSubject.nullable().optional(),
});
export type NotificationGroup = z.infer<typeof NotificationGroup>;

export const PartialAccountWithAvatar = Account.pick({
  id: true,
  acct: true,
  url: true,
  avatar: true,
  avatar_static: true,
  locked: true,
  bot: true,
});

export const GroupedNotificationsResults = z.object({
  accounts: z.array(Account),
  partial_accounts: z.array(PartialAccountWithAvatar).optional(),
  statuses: z.array(Status),
  notification_groups: z.array(NotificationGroup),
});
export type GroupedNotificationsResults = z.infer<typeof GroupedNotificationsResults>;
