import type {
  Account,
  GroupedNotificationsResults,
  NotificationGroup,
  Status,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { toIso } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import { findAccountsByIds } from '../accounts/accounts.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import { presentNotifications } from './notifications.presenter';
import type { NotificationRow } from './shown.queries';

export interface GroupToPresent {
  key: string;
  /** The group's newest notification (within the page, on a list page). */
  newest: NotificationRow;
  count: number;
  /** Who acted most recently, newest first. */
  sampleAccountIds: number[];
  /** On a list page: the group's oldest notification within the page. */
  pageOldest?: NotificationRow;
}

/**
 * Groups as Mastodon's GroupedNotificationsResults: accounts and statuses once at the top,
 * groups referring to them by id. Each group's newest notification goes through the v1
 * presenter, so a group is shown exactly when its newest notification would be (the one
 * visibility rule); sample accounts the viewer may not see are left out.
 */
export async function presentGroups(
  ctx: AppContext,
  viewer: Viewer,
  groups: GroupToPresent[],
  options: { partialAvatars: boolean },
): Promise<GroupedNotificationsResults> {
  const notifications = await presentNotifications(
    ctx,
    viewer,
    groups.map((group) => group.newest),
  );
  const byId = new Map(notifications.map((notification) => [notification.id, notification]));
  const sampleIds = [...new Set(groups.flatMap((group) => group.sampleAccountIds))];
  const rows = await findAccountsByIds(ctx.db, sampleIds).then((found) =>
    visibleAccounts(ctx.db, viewer, found),
  );
  const accountRows = new Map(rows.map((row) => [row.id, row]));

  const statuses = new Map<string, Status>();
  const full = new Map<number, Account>();
  const partial = new Set<number>();
  const notificationGroups: NotificationGroup[] = [];
  for (const group of groups) {
    const notification = byId.get(String(group.newest.id));
    if (!notification) continue;
    const samples = group.sampleAccountIds.filter((id) => accountRows.has(id));
    if (!samples.includes(group.newest.from_account_id))
      samples.unshift(group.newest.from_account_id);
    full.set(group.newest.from_account_id, notification.account);
    for (const id of samples) {
      const row = accountRows.get(id);
      if (!row || full.has(id)) continue;
      if (options.partialAvatars) partial.add(id);
      else full.set(id, presentAccount(ctx, row));
    }
    if (notification.status) statuses.set(notification.status.id, notification.status);
    notificationGroups.push({
      group_key: group.key,
      notifications_count: group.count,
      type: notification.type,
      most_recent_notification_id: notification.id,
      ...(group.pageOldest
        ? {
            page_min_id: String(group.pageOldest.id),
            page_max_id: notification.id,
            latest_page_notification_at: toIso(group.newest.created_at),
          }
        : {}),
      sample_account_ids: samples.map(String),
      status_id: notification.status?.id ?? null,
      subject: notification.subject ?? null,
    });
  }
  const results: GroupedNotificationsResults = {
    accounts: [...full.values()],
    statuses: [...statuses.values()],
    notification_groups: notificationGroups,
  };
  if (options.partialAvatars) {
    results.partial_accounts = [...partial]
      .filter((id) => !full.has(id))
      .flatMap((id) => {
        const row = accountRows.get(id);
        if (!row) return [];
        const { acct, url, avatar, avatar_static, locked, bot } = presentAccount(ctx, row);
        return [{ id: String(id), acct, url, avatar, avatar_static, locked, bot }];
      });
  }
  return results;
}
