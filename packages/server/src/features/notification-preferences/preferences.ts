import {
  type ChannelChoice,
  type NotificationChannel,
  type NotificationPreferences,
  PreferenceType,
  type QuietHours,
} from '@rapport/schema';
import { wallTimeAt } from '../../lib/time-zones';

/**
 * Email interrupts: by default only what asks something of the person (an invitation, a
 * question put to them, a moderator's decision, a report to handle, a cancelled event).
 * The rest waits for the digest.
 */
const EMAIL_BY_DEFAULT = new Set<PreferenceType>([
  'community_invitation',
  'question_suggested',
  'moderation_warning',
  'admin.report',
  'event_cancelled',
  'introduction_requested',
  'introduction_forwarded',
  'event_invitation',
]);

/** Push reaches a phone: by default what is addressed to the person, not reactions or posts. */
const PUSH_BY_DEFAULT = new Set<PreferenceType>([
  'mention',
  'follow',
  'chat_message',
  'community_invitation',
  'community_request',
  'question_suggested',
  'answer_accepted',
  'event_changed',
  'event_cancelled',
  'introduction_requested',
  'introduction_forwarded',
  'introduction_accepted',
  'event_invitation',
  'page_invitation',
  'admin.report',
  'moderation_warning',
]);

export function defaultPreferences(): NotificationPreferences {
  const types: Partial<Record<PreferenceType, ChannelChoice>> = {};
  for (const type of PreferenceType.options) {
    types[type] = {
      in_app: true,
      email: EMAIL_BY_DEFAULT.has(type),
      push: PUSH_BY_DEFAULT.has(type),
    };
  }
  return {
    types: types as Record<PreferenceType, ChannelChoice>,
    quiet_hours: { enabled: false, from: '22:00', to: '07:00', time_zone: 'UTC' },
    digest: 'weekly',
  };
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Whether `at` falls inside the quiet hours, read on the person's own clock. */
export function inQuietHours(quiet: QuietHours, at: number): boolean {
  if (!quiet.enabled) return false;
  const wall = wallTimeAt(quiet.time_zone, at);
  const now = wall.hour * 60 + wall.minute;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  // 22:00-07:00 spans midnight: quiet late in the evening or early in the morning.
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/**
 * Whether a notification of this type goes out on this channel at `at`: in the app as the
 * person chose; by email and push as they chose and never during their quiet hours.
 */
export function wants(
  prefs: NotificationPreferences,
  type: PreferenceType,
  channel: NotificationChannel,
  at: number,
): boolean {
  if (!prefs.types[type][channel]) return false;
  return channel === 'in_app' || !inQuietHours(prefs.quiet_hours, at);
}
