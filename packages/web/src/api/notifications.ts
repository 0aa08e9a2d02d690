import type { Notification, NotificationType } from '@rapport/schema';
import { type Page, sendEmpty, sendJson, sendPage } from './client';

export type NotificationFilter = 'all' | 'mentions';

/** The types each filter shows; `mentions` covers replies too (a reply mentions its author). */
export const FILTER_TYPES: Record<NotificationFilter, readonly NotificationType[] | undefined> = {
  all: undefined,
  mentions: ['mention'],
};

export function listNotifications(
  filter: NotificationFilter,
  next?: string | null,
): Promise<Page<Notification>> {
  if (next) return sendPage<Notification>(next);
  const types = FILTER_TYPES[filter];
  return sendPage<Notification>('/api/v1/notifications', {
    query: { limit: 30, ...(types ? { 'types[]': types } : {}) },
  });
}

/** Notifications newer than the notifications marker. */
export async function getUnreadCount(): Promise<number> {
  const { count } = await sendJson<{ count: number }>('/api/v1/notifications/unread_count');
  return count;
}

export function dismissNotification(id: string): Promise<void> {
  return sendEmpty(`/api/v1/notifications/${encodeURIComponent(id)}/dismiss`, { method: 'POST' });
}

export function clearNotifications(): Promise<void> {
  return sendEmpty('/api/v1/notifications/clear', { method: 'POST' });
}

/** Marks every notification up to `lastReadId` as read. */
export function markNotificationsRead(lastReadId: string): Promise<unknown> {
  return sendJson('/api/v1/markers', {
    method: 'POST',
    json: { notifications: { last_read_id: lastReadId } },
  });
}
