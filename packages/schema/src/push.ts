import { z } from 'zod';
import { FormBoolean, Id } from './common';

/** Whose notifications reach the device: everyone, people I follow, my followers, nobody. */
export const PushPolicy = z.enum(['all', 'followed', 'follower', 'none']);
export type PushPolicy = z.infer<typeof PushPolicy>;

/** The alerts Mastodon apps know (Mastodon 4.4). Rapport produces all of them but sign-ups. */
export const MASTODON_PUSH_ALERTS = [
  'mention',
  'status',
  'reblog',
  'follow',
  'follow_request',
  'favourite',
  'poll',
  'update',
  'admin.sign_up',
  'admin.report',
] as const;

/**
 * Rapport's own notification types, and chat messages, as alerts. A Mastodon app does not
 * name them, so each follows the Mastodon alert nearest to it unless the client sends it.
 */
export const RAPPORT_PUSH_ALERT_FALLBACK = {
  chat_message: 'mention',
  question_suggested: 'mention',
  moderation_warning: 'mention',
  answer_accepted: 'favourite',
  community_invitation: 'follow_request',
  community_request: 'follow_request',
  community_approved: 'follow_request',
  event_changed: 'update',
  event_cancelled: 'update',
  introduction_requested: 'follow_request',
  introduction_forwarded: 'follow_request',
  introduction_accepted: 'follow_request',
  introduction_declined: 'follow_request',
  event_invitation: 'follow_request',
  page_invitation: 'mention',
} as const satisfies Record<string, (typeof MASTODON_PUSH_ALERTS)[number]>;

export const PushAlertName = z.enum([
  ...MASTODON_PUSH_ALERTS,
  ...(Object.keys(RAPPORT_PUSH_ALERT_FALLBACK) as Array<keyof typeof RAPPORT_PUSH_ALERT_FALLBACK>),
]);
export type PushAlertName = z.infer<typeof PushAlertName>;

export const PushAlerts = z.record(PushAlertName, z.boolean());
export type PushAlerts = z.infer<typeof PushAlerts>;

const alertInputShape = Object.fromEntries(
  PushAlertName.options.map((name) => [name, FormBoolean.optional()]),
) as Record<PushAlertName, z.ZodOptional<typeof FormBoolean>>;

/**
 * `data[alerts]` as apps send it: booleans or their form words. masto.js nests the admin
 * alerts (`admin: {sign_up, report}`) where Mastodon names them `admin.sign_up`; both are
 * read. Alerts Rapport does not know (newer Mastodon ones) are ignored.
 */
export const PushAlertsInput = z.object({
  ...alertInputShape,
  admin: z.object({ sign_up: FormBoolean.optional(), report: FormBoolean.optional() }).optional(),
});
export type PushAlertsInput = z.infer<typeof PushAlertsInput>;

const PushData = z.object({
  alerts: PushAlertsInput.optional(),
  policy: PushPolicy.optional(),
});

/** POST /api/v1/push/subscription (JSON or a form with `subscription[keys][p256dh]` keys). */
export const CreatePushSubscriptionInput = z.object({
  subscription: z.object({
    endpoint: z.string().trim().min(1, 'must not be blank').max(2048),
    keys: z.object({
      p256dh: z.string().trim().min(1, 'must not be blank').max(200),
      auth: z.string().trim().min(1, 'must not be blank').max(100),
    }),
    /** RFC 8291 (aes128gcm) when true; Mastodon's legacy draft encoding (aesgcm) otherwise. */
    standard: FormBoolean.optional(),
  }),
  data: PushData.optional(),
  /** Mastodon documents `data[policy]`; some clients (masto.js) send `policy`. */
  policy: PushPolicy.optional(),
});
export type CreatePushSubscriptionInput = z.infer<typeof CreatePushSubscriptionInput>;

/** PUT /api/v1/push/subscription: only the alerts and the policy change. */
export const UpdatePushSubscriptionInput = z.object({
  data: PushData.optional(),
  policy: PushPolicy.optional(),
});
export type UpdatePushSubscriptionInput = z.infer<typeof UpdatePushSubscriptionInput>;

/** Mastodon's WebPushSubscription entity. */
export const WebPushSubscription = z.object({
  id: Id,
  endpoint: z.string(),
  /** Whether messages follow RFC 8291 (aes128gcm) rather than the legacy draft (aesgcm). */
  standard: z.boolean(),
  alerts: PushAlerts,
  policy: PushPolicy,
  /** The server's VAPID public key (uncompressed P-256 point, URL-safe base64). */
  server_key: z.string(),
});
export type WebPushSubscription = z.infer<typeof WebPushSubscription>;

/** What the web app sends: the browser's `PushSubscription.toJSON()`. */
export const WebAppPushSubscriptionInput = z.object({
  endpoint: z.string().trim().min(1, 'must not be blank').max(2048),
  keys: z.object({
    p256dh: z.string().trim().min(1, 'must not be blank').max(200),
    auth: z.string().trim().min(1, 'must not be blank').max(100),
  }),
});
export type WebAppPushSubscriptionInput = z.infer<typeof WebAppPushSubscriptionInput>;

/** The web app's view: the key to subscribe with, and this session's subscription if any. */
export const WebAppPushState = z.object({
  server_key: z.string(),
  subscription: WebPushSubscription.nullable(),
});
export type WebAppPushState = z.infer<typeof WebAppPushState>;

/**
 * The JSON inside every push message, encrypted to the device. The first seven fields are
 * Mastodon's (its apps show `title` and `body` and fetch `notification_id`); `url` is
 * Rapport's, where the web app opens when the notification is clicked.
 */
export const PushMessage = z.object({
  /** The subscribing app's own token (Mastodon apps match it to an account); web: absent. */
  access_token: z.string().optional(),
  preferred_locale: z.string(),
  /** The notification's id, or for a chat message the message's id. */
  notification_id: z.string(),
  notification_type: z.string(),
  icon: z.string(),
  title: z.string(),
  body: z.string(),
  url: z.string(),
});
export type PushMessage = z.infer<typeof PushMessage>;
