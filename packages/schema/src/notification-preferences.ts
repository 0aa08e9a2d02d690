import { z } from 'zod';
import { NotificationType } from './social';

/** What a person can be told about: every notification type, and chat messages. */
export const PreferenceType = z.enum([...NotificationType.options, 'chat_message']);
export type PreferenceType = z.infer<typeof PreferenceType>;

/** The ways Rapport can tell someone: the app (list and badge), an email, a push to a device. */
export const NotificationChannel = z.enum(['in_app', 'email', 'push']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const ChannelChoice = z.object({
  in_app: z.boolean(),
  email: z.boolean(),
  push: z.boolean(),
});
export type ChannelChoice = z.infer<typeof ChannelChoice>;

export const DigestFrequency = z.enum(['off', 'daily', 'weekly']);
export type DigestFrequency = z.infer<typeof DigestFrequency>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 22:00');

/**
 * Hours in the person's own time zone when no email or push is sent immediately (what
 * arrives then still shows in the app and in the next digest). `from` after `to` spans
 * midnight.
 */
export const QuietHours = z.object({
  enabled: z.boolean(),
  from: ClockTime,
  to: ClockTime,
  time_zone: z.string().min(1).max(64),
});
export type QuietHours = z.infer<typeof QuietHours>;

export const NotificationPreferences = z.object({
  types: z.record(PreferenceType, ChannelChoice),
  quiet_hours: QuietHours,
  digest: DigestFrequency,
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** A change: any subset of types and channels, the quiet hours, the digest. */
export const UpdateNotificationPreferences = z.object({
  types: z.partialRecord(PreferenceType, ChannelChoice.partial()).optional(),
  quiet_hours: QuietHours.optional(),
  digest: DigestFrequency.optional(),
});
export type UpdateNotificationPreferences = z.infer<typeof UpdateNotificationPreferences>;
