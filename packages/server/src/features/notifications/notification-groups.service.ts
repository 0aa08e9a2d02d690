import type { Account, GroupedNotificationsResults } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { IdPage } from '../../db/pagination';
import type { NotificationType } from '../../db/tables/graph.table';
import { notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { presentAccount } from '../accounts/accounts.presenter';
import { findAccountsByIds } from '../accounts/accounts.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import { type GroupToPresent, presentGroups } from './notification-groups.presenter';
import {
  deleteGroup,
  effectiveKey,
  listGroupMembers,
  summariseGroups,
  ungroupedId,
  walkGroups,
} from './notification-groups.queries';
import { findNotification, listNotifications } from './notifications.queries';
import { markerOf } from './read-state.service';
import { readerOf } from './reader';
import type { NotificationFilter, NotificationRow } from './shown.queries';

export interface GroupOptions {
  filter: NotificationFilter;
  /** Types grouped for this request (`grouped_types[]`). */
  grouped: ReadonlySet<NotificationType>;
  partialAvatars: boolean;
}

const distinct = (ids: number[]) => [...new Set(ids)];

/** A page of groups, and the ids it covers (for its Link headers). */
export async function groupedNotificationsPage(
  ctx: AppContext,
  viewer: Viewer,
  options: GroupOptions,
  page: IdPage,
): Promise<{
  results: GroupedNotificationsResults;
  range: { min: number; max: number } | null;
  more: boolean;
}> {
  const reader = await readerOf(ctx, viewer);
  const walk = await walkGroups(ctx.db, reader, options.filter, page, options.grouped);
  const stored = walk.groups.map((group) => group.key).filter((key) => !ungroupedId(key));
  const summaries = await summariseGroups(ctx.db, reader, options.filter, stored, walk.range?.max);
  const groups = walk.groups.flatMap((group): GroupToPresent[] => {
    const newest = group.rows[0];
    const oldest = group.rows.at(-1);
    if (!newest || !oldest) return [];
    const summary = summaries.get(group.key);
    return [
      {
        key: group.key,
        newest,
        pageOldest: oldest,
        count: summary?.count ?? group.rows.length,
        sampleAccountIds: distinct(
          (summary?.newest ?? group.rows).map((row) => row.from_account_id),
        ),
      },
    ];
  });
  const results = await presentGroups(ctx, viewer, groups, {
    partialAvatars: options.partialAvatars,
  });
  return { results, range: walk.range, more: walk.more };
}

/** One group, whole (404 when the viewer has no such group, or is shown none of it). */
export async function getNotificationGroup(
  ctx: AppContext,
  viewer: Viewer,
  key: string,
): Promise<GroupedNotificationsResults> {
  const reader = await readerOf(ctx, viewer);
  const single = ungroupedId(key);
  let group: GroupToPresent | undefined;
  if (single !== undefined) {
    const row = await findNotification(ctx.db, reader, single);
    if (row) group = { key, newest: row, count: 1, sampleAccountIds: [row.from_account_id] };
  } else {
    const summary = (await summariseGroups(ctx.db, reader, {}, [key], undefined)).get(key);
    const newestId = summary?.newest[0]?.id;
    const row =
      newestId === undefined ? undefined : await findNotification(ctx.db, reader, newestId);
    if (summary && row) {
      group = {
        key,
        newest: row,
        count: summary.count,
        sampleAccountIds: distinct(summary.newest.map((each) => each.from_account_id)),
      };
    }
  }
  const results = group
    ? await presentGroups(ctx, viewer, [group], { partialAvatars: false })
    : undefined;
  if (!results?.notification_groups.length) throw notFound('Notification group');
  return results;
}

/** Everyone in a group, newest first, a page at a time; and the ids the page covers. */
export async function groupAccounts(
  ctx: AppContext,
  viewer: Viewer,
  key: string,
  page: IdPage,
): Promise<{ accounts: Account[]; ids: number[] }> {
  const reader = await readerOf(ctx, viewer);
  const rows = await listGroupMembers(ctx.db, reader, key, page);
  const first = page.maxId === undefined && page.minId === undefined && page.sinceId === undefined;
  if (rows.length === 0 && first) throw notFound('Notification group');
  const found = await findAccountsByIds(ctx.db, distinct(rows.map((row) => row.from_account_id)));
  const byId = new Map((await visibleAccounts(ctx.db, viewer, found)).map((row) => [row.id, row]));
  const accounts = distinct(rows.map((row) => row.from_account_id)).flatMap((id) => {
    const row = byId.get(id);
    return row ? [presentAccount(ctx, row)] : [];
  });
  return { accounts, ids: rows.map((row) => row.id) };
}

/** Dismisses a whole group (404 when the viewer has no such group). */
export async function dismissGroup(ctx: AppContext, viewer: Viewer, key: string): Promise<void> {
  const removed = await deleteGroup(ctx.db, viewer.id, key);
  if (removed.length === 0) throw notFound('Notification group');
  ctx.events.emit({
    type: 'notifications.dismissed',
    account_id: String(viewer.id),
    notification_ids: removed.map(String),
  });
}

/** The unread notifications are walked at most this far when counting their groups. */
const MAX_ROWS_COUNTED = 5_000;
const BATCH = 200;

/**
 * Unread groups (Mastodon's v2 count): distinct groups among the unread notifications,
 * counted no further than `limit`.
 */
export async function unreadGroupCount(
  ctx: AppContext,
  viewer: Viewer,
  filter: NotificationFilter,
  grouped: ReadonlySet<NotificationType>,
  limit: number,
): Promise<number> {
  const [reader, markerId] = await Promise.all([readerOf(ctx, viewer), markerOf(ctx, viewer.id)]);
  const keys = new Set<string>();
  let maxId: number | undefined;
  for (let walked = 0; walked < MAX_ROWS_COUNTED; walked += BATCH) {
    const rows: NotificationRow[] = await listNotifications(
      ctx.db,
      reader,
      { ...filter, unread: { markerId } },
      { maxId, sinceId: undefined, minId: undefined, limit: BATCH },
    );
    for (const row of rows) {
      keys.add(effectiveKey(row, grouped));
      if (keys.size >= limit) return limit;
    }
    maxId = rows.at(-1)?.id;
    if (rows.length < BATCH) break;
  }
  return keys.size;
}
