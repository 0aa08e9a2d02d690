import type {
  Account,
  GroupedNotificationsResults,
  Notification,
  NotificationType,
} from '@rapport/schema';
import { type Page, send, sendEmpty, sendJson, sendPage } from './client';
import { nextPagePath } from './link-header';

export type NotificationFilter = 'all' | 'mentions';

/** The types each filter shows; `mentions` covers replies too (a reply mentions its author). */
export const FILTER_TYPES: Record<NotificationFilter, readonly NotificationType[] | undefined> = {
  all: undefined,
  mentions: ['mention'],
};

/**
 * A notification group as the list shows it: the fields of its newest notification (so a
 * group of one is that notification), how many it holds, and who acted, newest first.
 */
export interface NotificationGroupView extends Notification {
  count: number;
  accounts: Account[];
}

/** Mastodon's grouped page (accounts and statuses at the top) as self-contained groups. */
export function groupViews(results: GroupedNotificationsResults): NotificationGroupView[] {
  const accounts = new Map(results.accounts.map((account) => [account.id, account]));
  const statuses = new Map(results.statuses.map((status) => [status.id, status]));
  return results.notification_groups.flatMap((group) => {
    const people = group.sample_account_ids.flatMap((id) => {
      const account = accounts.get(id);
      return account ? [account] : [];
    });
    const [account] = people;
    if (!account) return [];
    return [
      {
        id: group.most_recent_notification_id,
        type: group.type,
        group_key: group.group_key,
        created_at: group.latest_page_notification_at ?? new Date().toISOString(),
        account,
        status: group.status_id ? (statuses.get(group.status_id) ?? null) : null,
        subject: group.subject ?? null,
        count: group.notifications_count,
        accounts: people,
      },
    ];
  });
}

export async function listNotificationGroups(
  filter: NotificationFilter,
  next?: string | null,
): Promise<Page<NotificationGroupView>> {
  const types = FILTER_TYPES[filter];
  const response = await send(
    next ?? '/api/v2/notifications',
    next ? {} : { query: { limit: 30, ...(types ? { 'types[]': types } : {}) } },
  );
  const results = (await response.json()) as GroupedNotificationsResults;
  return { items: groupViews(results), next: nextPagePath(response.headers.get('Link')) };
}

/** Everyone in a group, newest first, a page at a time. */
export function listGroupAccounts(groupKey: string, next?: string | null): Promise<Page<Account>> {
  return sendPage<Account>(
    next ?? `/api/v2/notifications/${encodeURIComponent(groupKey)}/accounts`,
    next ? {} : { query: { limit: 40 } },
  );
}

/** Notifications newer than the notifications marker and not opened one by one. */
export async function getUnreadCount(): Promise<number> {
  const { count } = await sendJson<{ count: number }>('/api/v1/notifications/unread_count');
  return count;
}

/** Dismisses a whole group (a single notification's group is `ungrouped-<id>`). */
export function dismissNotificationGroup(groupKey: string): Promise<void> {
  return sendEmpty(`/api/v2/notifications/${encodeURIComponent(groupKey)}/dismiss`, {
    method: 'POST',
  });
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
