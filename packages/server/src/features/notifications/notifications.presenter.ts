import type { Notification } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { toIso } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import { findAccountsByIds } from '../accounts/accounts.queries';
import { presentStatuses } from '../statuses/statuses.present';
import { canSee } from '../visibility/visibility';
import type { NotificationRow } from './notifications.queries';

/**
 * Notifications as the viewer sees them, in the order of `rows`. One whose account the
 * viewer may not see, or whose status `presentStatuses` leaves out (deleted, no longer
 * visible), is left out too. A constant number of queries per batch.
 */
export async function presentNotifications(
  ctx: AppContext,
  viewer: Viewer,
  rows: NotificationRow[],
): Promise<Notification[]> {
  if (rows.length === 0) return [];
  const accountIds = [...new Set(rows.map((row) => row.from_account_id))];
  const statusIds = rows.flatMap((row) => (row.status_id === null ? [] : [row.status_id]));
  const [accounts, statuses] = await Promise.all([
    findAccountsByIds(ctx.db, accountIds),
    presentStatuses(ctx, viewer, statusIds),
  ]);
  const accountsById = new Map(accounts.map((row) => [row.id, row]));
  const statusesById = new Map(statuses.map((status) => [status.id, status]));
  return rows.flatMap((row): Notification[] => {
    const from = accountsById.get(row.from_account_id);
    if (!from || !canSee(viewer, { kind: 'account', account: from })) return [];
    const notification: Notification = {
      id: String(row.id),
      type: row.type,
      // Grouped notifications (Mastodon's v2 API) are not built yet: each is its own group.
      group_key: `ungrouped-${row.id}`,
      created_at: toIso(row.created_at),
      account: presentAccount(ctx, from),
    };
    if (row.status_id === null) return [notification];
    const status = statusesById.get(String(row.status_id));
    return status ? [{ ...notification, status }] : [];
  });
}
