import type { Notification } from '@rapport/schema';
import type { InfiniteData } from '@tanstack/react-query';
import type { Page } from '../../api/client';
import {
  FILTER_TYPES,
  type NotificationFilter,
  type NotificationGroupView,
} from '../../api/notifications';
import { compareIds } from '../statuses/status-cache';

export type NotificationData = InfiniteData<Page<NotificationGroupView>>;

/** The most people a group shows (the server's sample size). */
const SAMPLE = 8;

export function matchesFilter(notification: Notification, filter: NotificationFilter): boolean {
  const types = FILTER_TYPES[filter];
  return !types || types.includes(notification.type);
}

/**
 * The groups of every loaded page, each once: a group whose older notifications spill onto
 * the next page comes again there, already counted by its first appearance.
 */
export function groupsOf(data: NotificationData | undefined): NotificationGroupView[] {
  const seen = new Set<string>();
  const groups: NotificationGroupView[] = [];
  for (const page of data?.pages ?? []) {
    for (const group of page.items) {
      if (seen.has(group.group_key)) continue;
      seen.add(group.group_key);
      groups.push(group);
    }
  }
  return groups;
}

/**
 * A streamed notification into a cached list of groups, once: it joins its group (which
 * moves to the top, one more in it, its person first) or starts one of its own on top.
 */
export function addStreamedNotification(
  data: NotificationData,
  notification: Notification,
  filter: NotificationFilter,
): NotificationData {
  if (!matchesFilter(notification, filter)) return data;
  const all = data.pages.flatMap((page) => page.items);
  if (all.some((group) => group.id === notification.id)) return data;
  const existing = notification.group_key.startsWith('ungrouped-')
    ? undefined
    : all.find((group) => group.group_key === notification.group_key);
  if (existing && compareIds(existing.id, notification.id) > 0) return data;
  const joined: NotificationGroupView = existing
    ? {
        ...existing,
        ...notification,
        count: existing.count + 1,
        accounts: [
          notification.account,
          ...existing.accounts.filter((account) => account.id !== notification.account.id),
        ].slice(0, SAMPLE),
      }
    : { ...notification, count: 1, accounts: [notification.account] };
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.filter((group) => group.group_key !== notification.group_key),
  }));
  const [first, ...rest] = pages;
  return {
    ...data,
    pages: [{ items: [joined, ...(first?.items ?? [])], next: first?.next ?? null }, ...rest],
  };
}

export function removeGroup(data: NotificationData, groupKey: string): NotificationData {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.filter((item) => item.group_key !== groupKey),
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
