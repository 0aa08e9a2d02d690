import type { NotificationChannel, PreferenceType } from '@rapport/schema';
import type { MessageKey } from '../../i18n';

/** Every type a person can tune, in plain words (a new type fails to compile until named). */
export const TYPE_LABELS = {
  chat_message: 'notificationSettings.type.chat_message',
  mention: 'notificationSettings.type.mention',
  status: 'notificationSettings.type.status',
  update: 'notificationSettings.type.update',
  question_suggested: 'notificationSettings.type.question_suggested',
  answer_accepted: 'notificationSettings.type.answer_accepted',
  community_invitation: 'notificationSettings.type.community_invitation',
  community_request: 'notificationSettings.type.community_request',
  community_approved: 'notificationSettings.type.community_approved',
  event_changed: 'notificationSettings.type.event_changed',
  event_cancelled: 'notificationSettings.type.event_cancelled',
  event_invitation: 'notificationSettings.type.event_invitation',
  page_invitation: 'notificationSettings.type.page_invitation',
  introduction_requested: 'notificationSettings.type.introduction_requested',
  introduction_forwarded: 'notificationSettings.type.introduction_forwarded',
  introduction_accepted: 'notificationSettings.type.introduction_accepted',
  introduction_declined: 'notificationSettings.type.introduction_declined',
  favourite: 'notificationSettings.type.favourite',
  reblog: 'notificationSettings.type.reblog',
  poll: 'notificationSettings.type.poll',
  follow: 'notificationSettings.type.follow',
  moderation_warning: 'notificationSettings.type.moderation_warning',
  'admin.report': 'notificationSettings.type.admin_report',
} as const satisfies Record<PreferenceType, MessageKey>;

/** The table's sections, in the order people look for them. */
export const TYPE_GROUPS = [
  { title: 'notificationSettings.group.messages', types: ['chat_message'] },
  { title: 'notificationSettings.group.mentions', types: ['mention', 'status', 'update'] },
  {
    title: 'notificationSettings.group.questions',
    types: ['question_suggested', 'answer_accepted'],
  },
  {
    title: 'notificationSettings.group.communities',
    types: ['community_invitation', 'community_request', 'community_approved'],
  },
  {
    title: 'notificationSettings.group.events',
    types: ['event_changed', 'event_cancelled', 'event_invitation'],
  },
  {
    title: 'notificationSettings.group.pages',
    types: ['page_invitation'],
  },
  {
    title: 'notificationSettings.group.introductions',
    types: [
      'introduction_requested',
      'introduction_forwarded',
      'introduction_accepted',
      'introduction_declined',
    ],
  },
  { title: 'notificationSettings.group.reactions', types: ['favourite', 'reblog', 'poll'] },
  { title: 'notificationSettings.group.follows', types: ['follow'] },
  { title: 'notificationSettings.group.moderation', types: ['moderation_warning', 'admin.report'] },
] as const satisfies ReadonlyArray<{ title: MessageKey; types: readonly PreferenceType[] }>;

/** Reports to review reach admins and moderators only: others are not offered the row. */
export const MODERATOR_TYPES: ReadonlySet<PreferenceType> = new Set(['admin.report']);

export const CHANNELS: readonly NotificationChannel[] = ['in_app', 'email', 'push'];

export const CHANNEL_LABELS = {
  in_app: 'notificationSettings.channel.in_app',
  email: 'notificationSettings.channel.email',
  push: 'notificationSettings.channel.push',
} as const satisfies Record<NotificationChannel, MessageKey>;
