import type { NotificationPreferences, UpdateNotificationPreferences } from '@rapport/schema';
import { sendJson } from './client';

const PATH = '/api/rapport/v1/preferences/notifications';

export function getNotificationPreferences(): Promise<NotificationPreferences> {
  return sendJson<NotificationPreferences>(PATH);
}

export function saveNotificationPreferences(
  change: UpdateNotificationPreferences,
): Promise<NotificationPreferences> {
  return sendJson<NotificationPreferences>(PATH, { method: 'PUT', json: change });
}
