import { z } from 'zod';
import { Account } from './accounts';
import { DateTime, FormBoolean, FormInt, Id, PageQuery } from './common';
import { Status, Tag } from './statuses';

/** Mastodon's Relationship: how the viewer and one account stand. */
export const Relationship = z.object({
  id: Id,
  following: z.boolean(),
  showing_reblogs: z.boolean(),
  notifying: z.boolean(),
  languages: z.array(z.string()).nullable(),
  followed_by: z.boolean(),
  blocking: z.boolean(),
  blocked_by: z.boolean(),
  muting: z.boolean(),
  muting_notifications: z.boolean(),
  requested: z.boolean(),
  requested_by: z.boolean(),
  domain_blocking: z.boolean(),
  endorsed: z.boolean(),
  note: z.string(),
});
export type Relationship = z.infer<typeof Relationship>;

export const RelationshipsQuery = z.object({
  id: z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(Id).max(80)),
  with_suspended: FormBoolean.optional(),
});

export const FollowInput = z.object({
  reblogs: FormBoolean.optional(),
  notify: FormBoolean.optional(),
});

export const MuteInput = z.object({
  notifications: FormBoolean.optional(),
  /** Seconds; 0 or absent mutes indefinitely. */
  duration: FormInt.pipe(z.number().int().min(0).max(31_536_000)).optional(),
});

export const AccountSearchQuery = z.object({
  q: z.string().trim().min(1, 'must not be blank').max(100),
  limit: FormInt.pipe(z.number().int().min(1).max(80)).optional(),
  offset: FormInt.pipe(z.number().int().min(0).max(0, 'offset is not supported')).optional(),
  resolve: FormBoolean.optional(),
  following: FormBoolean.optional(),
});

export const NotificationType = z.enum([
  'mention',
  'status',
  'reblog',
  'follow',
  'favourite',
  'poll',
  'update',
  // Mastodon's moderation types: a report for moderators, a decision for the reported.
  'admin.report',
  'moderation_warning',
  // Rapport: invited to a community, someone asks to join one you run, your request was approved.
  'community_invitation',
  'community_request',
  'community_approved',
  // Rapport: asked to answer a question (its status), and one's answer was accepted.
  'question_suggested',
  'answer_accepted',
  // Rapport: an event one is going to (or may go to) changed time or place, or was cancelled.
  'event_changed',
  'event_cancelled',
  // Rapport: asked for an introduction, one passed on, accepted or declined.
  'introduction_requested',
  'introduction_forwarded',
  'introduction_accepted',
  'introduction_declined',
  // Rapport: someone invites you to an event, or asks you to look at a page.
  'event_invitation',
  'page_invitation',
]);
export type NotificationType = z.infer<typeof NotificationType>;

export const Notification = z.object({
  id: Id,
  type: NotificationType,
  group_key: z.string(),
  created_at: DateTime,
  account: Account,
  status: Status.nullable().optional(),
  /** Rapport: what the notification is about when it is not a status. */
  subject: z
    .object({ type: z.string(), id: Id, title: z.string(), url: z.string() })
    .nullable()
    .optional(),
});
export type Notification = z.infer<typeof Notification>;

/**
 * Notification types to include or leave out. Apps name types Rapport does not produce
 * (`follow_request`, `admin.sign_up`...); those are accepted and simply match nothing.
 */
const typeList = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(z.string().trim().min(1).max(50)).max(30),
);

export const NotificationsQuery = PageQuery.extend({
  types: typeList.optional(),
  exclude_types: typeList.optional(),
  account_id: Id.optional(),
});

export const UnreadCountQuery = z.object({
  limit: FormInt.pipe(z.number().int().min(1).max(1000)).optional(),
  types: typeList.optional(),
  exclude_types: typeList.optional(),
  account_id: Id.optional(),
});

export const UnreadCount = z.object({ count: z.number().int() });

export const MarkerTimeline = z.enum(['home', 'notifications']);

export const Marker = z.object({
  last_read_id: Id,
  version: z.number().int(),
  updated_at: DateTime,
});

export const Markers = z.object({ home: Marker.optional(), notifications: Marker.optional() });

export const MarkersQuery = z.object({
  timeline: z
    .preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(MarkerTimeline))
    .optional(),
});

export const MarkersInput = z.object({
  home: z.object({ last_read_id: Id }).optional(),
  notifications: z.object({ last_read_id: Id }).optional(),
});

export const SearchQuery = PageQuery.extend({
  q: z.string().trim().min(1, 'must not be blank').max(200),
  type: z.enum(['accounts', 'statuses', 'hashtags']).optional(),
  resolve: FormBoolean.optional(),
  following: FormBoolean.optional(),
  account_id: Id.optional(),
  exclude_unreviewed: FormBoolean.optional(),
  offset: FormInt.pipe(
    z.number().int().min(0).max(0, 'offset is not supported; page with max_id'),
  ).optional(),
});

export const SearchResults = z.object({
  accounts: z.array(Account),
  statuses: z.array(Status),
  hashtags: z.array(Tag),
});
export type SearchResults = z.infer<typeof SearchResults>;

/**
 * Streams a client may subscribe to, as Mastodon names them. Every account is local, so
 * `public:remote` streams carry nothing; `direct` (conversations) and `list` are accepted
 * so Mastodon apps that subscribe to them keep working, and carry nothing yet.
 */
export const StreamName = z.enum([
  'user',
  'user:notification',
  'public',
  'public:local',
  'public:remote',
  'public:media',
  'public:local:media',
  'public:remote:media',
  'hashtag',
  'hashtag:local',
  'direct',
  'list',
]);
export type StreamName = z.infer<typeof StreamName>;

/** A message the streaming server sends: `payload` is JSON text (or an id for `delete`). */
export const StreamMessage = z.object({
  stream: z.array(z.string()),
  event: z.enum([
    'update',
    'notification',
    'delete',
    'status.update',
    'filters_changed',
    'conversation',
  ]),
  payload: z.string(),
});
export type StreamMessage = z.infer<typeof StreamMessage>;

/** An account in the viewer's mute list, with when the mute ends (null: never). */
export const MutedAccount = Account.extend({ mute_expires_at: DateTime.nullable() });
export type MutedAccount = z.infer<typeof MutedAccount>;

/** The streaming WebSocket's query: a first stream to subscribe to, and the token if sent so. */
export const StreamingQuery = z.object({
  stream: z.string().max(100).optional(),
  tag: z.string().max(200).optional(),
  list: z.string().max(40).optional(),
  access_token: z.string().max(512).optional(),
});

/** What a client sends over the streaming WebSocket. */
export const StreamCommand = z.object({
  type: z.enum(['subscribe', 'unsubscribe']),
  stream: z.string().max(100),
  tag: z.string().max(200).optional(),
  list: z.string().max(40).optional(),
});
export type StreamCommand = z.infer<typeof StreamCommand>;
