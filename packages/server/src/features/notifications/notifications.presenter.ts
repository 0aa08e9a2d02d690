import type { Notification } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { toIso } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import { findAccountsByIds } from '../accounts/accounts.queries';
import { presentStatuses } from '../statuses/statuses.present';
import { visibleAccounts } from '../visibility/account-visibility';
import { loadCommunityAccess } from '../visibility/community-facts';
import { canSee } from '../visibility/visibility';
import type { NotificationRow } from './notifications.queries';

/** The key of the group the notification belongs to (v1 entity, streaming): its own when never grouped. */
export const groupKeyOf = (row: Pick<NotificationRow, 'id' | 'group_key'>): string =>
  row.group_key ?? `ungrouped-${row.id}`;

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
  const communityIds = rows.flatMap((row) => (row.community_id === null ? [] : [row.community_id]));
  const [accounts, statuses, communities] = await Promise.all([
    findAccountsByIds(ctx.db, accountIds).then((rows) => visibleAccounts(ctx.db, viewer, rows)),
    presentStatuses(ctx, viewer, statusIds),
    loadCommunityAccess(ctx.db, viewer.id, communityIds),
  ]);
  const accountsById = new Map(accounts.map((row) => [row.id, row]));
  const statusesById = new Map(statuses.map((status) => [status.id, status]));
  return rows.flatMap((row): Notification[] => {
    const from = accountsById.get(row.from_account_id);
    if (!from) return [];
    // About something in a community: shown while the viewer may still see the community
    // (an invitation to a secret one included); a deleted community takes it along.
    if (row.community_id !== null) {
      const access = communities.get(row.community_id);
      if (!access || !canSee(viewer, { kind: 'community', ...access })) return [];
    }
    const notification: Notification = {
      id: String(row.id),
      type: row.type,
      group_key: groupKeyOf(row),
      created_at: toIso(row.created_at),
      account: presentAccount(ctx, from),
      subject:
        row.subject_type === null || row.subject_id === null
          ? null
          : {
              type: row.subject_type,
              id: String(row.subject_id),
              title: row.subject_title ?? '',
              url: `${ctx.config.publicUrl}${row.subject_path ?? ''}`,
            },
    };
    if (row.status_id === null) return [notification];
    const status = statusesById.get(String(row.status_id));
    return status ? [{ ...notification, status }] : [];
  });
}
