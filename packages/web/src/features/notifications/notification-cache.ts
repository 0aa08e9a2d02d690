import type { Notification } from '@rapport/schema';
import type { InfiniteData } from '@tanstack/react-query';
import type { Page } from '../../api/client';
import { FILTER_TYPES, type NotificationFilter } from '../../api/notifications';
import { compareIds } from '../statuses/status-cache';

export type NotificationData = InfiniteData<Page<Notification>>;

export function matchesFilter(notification: Notification, filter: NotificationFilter): boolean {
  const types = FILTER_TYPES[filter];
  return !types || types.includes(notification.type);
}

/** A streamed notification on top of a cached list, once, if the list's filter shows it. */
export function prependNotification(
  data: NotificationData,
  notification: Notification,
  filter: NotificationFilter,
): NotificationData {
  if (!matchesFilter(notification, filter)) return data;
  if (data.pages.some((page) => page.items.some((item) => item.id === notification.id))) {
    return data;
  }
  const [first, ...rest] = data.pages;
  const items = [notification, ...(first?.items ?? [])].sort((a, b) => compareIds(b.id, a.id));
  return { ...data, pages: [{ items, next: first?.next ?? null }, ...rest] };
}

export function removeNotification(data: NotificationData, id: string): NotificationData {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.filter((item) => item.id !== id),
    })),
  };
}

/** The newest notification a list holds: reading the list reads up to it. */
export function newestNotificationId(data: NotificationData | undefined): string | null {
  let newest: string | null = null;
  for (const page of data?.pages ?? []) {
    for (const item of page.items) {
      if (newest === null || compareIds(item.id, newest) > 0) newest = item.id;
    }
  }
  return newest;
}
