import { sql } from 'kysely';
import type { IdPage } from '../../db/pagination';
import type { Db } from '../../db/tables';
import type { NotificationType } from '../../db/tables/graph.table';
import { findNotification, listNotifications } from './notifications.queries';
import {
  type NotificationFilter,
  type NotificationReader,
  type NotificationRow,
  shown,
} from './shown.queries';

/** The most recent accounts a group names (Mastodon's sample size). */
export const SAMPLE_ACCOUNTS = 8;

/**
 * A notification's group in a list: its stored key when its type is grouped for this
 * request (an app may ask for fewer grouped types), else a group of its own.
 */
export function effectiveKey(row: NotificationRow, grouped: ReadonlySet<NotificationType>): string {
  return row.group_key !== null && grouped.has(row.type) ? row.group_key : `ungrouped-${row.id}`;
}

export interface WalkedGroup {
  key: string;
  /** The group's notifications within the page range, newest first. */
  rows: NotificationRow[];
}

export interface GroupWalk {
  groups: WalkedGroup[];
  /** The ids the page covers: groups are summed up to `max`, Link headers continue from them. */
  range: { min: number; max: number } | null;
  /** Whether notifications lie beyond the page (the walk stopped at another group). */
  more: boolean;
}

/** How far a full page still takes in notifications of the groups it holds. */
const MAX_TRAILING_ROWS = 200;

/**
 * One page of groups: notifications are walked in id order (newest first, or oldest first
 * above `min_id`), in index-range batches, until `limit` distinct groups are found, and on
 * while the next notifications belong to those groups. The page covers the notifications
 * walked; a group whose older notifications lie beyond another group appears again on the
 * next page, as in Mastodon, and apps merge it by key.
 */
export async function walkGroups(
  db: Db,
  reader: NotificationReader,
  filter: NotificationFilter,
  page: IdPage,
  grouped: ReadonlySet<NotificationType>,
): Promise<GroupWalk> {
  const ascending = page.minId !== undefined;
  const batch = Math.max(40, page.limit * 2);
  const groups = new Map<string, NotificationRow[]>();
  let cursor: IdPage = { ...page, limit: batch };
  let first: number | undefined;
  let last: number | undefined;
  let trailing = 0;
  let more = false;
  walk: for (;;) {
    const rows = await listNotifications(db, reader, filter, cursor);
    // finishIdPage returns newest first; walk in the direction of the page.
    const ordered = ascending ? rows.slice().reverse() : rows;
    for (const row of ordered) {
      const key = effectiveKey(row, grouped);
      const group = groups.get(key);
      const full = groups.size === page.limit;
      if (full && (!group || ++trailing > MAX_TRAILING_ROWS)) {
        more = true;
        break walk;
      }
      first ??= row.id;
      last = row.id;
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    const end = ordered.at(-1);
    if (rows.length < batch || end === undefined) break;
    cursor = ascending
      ? { maxId: page.maxId, sinceId: undefined, minId: end.id, limit: batch }
      : { maxId: end.id, sinceId: page.sinceId, minId: undefined, limit: batch };
  }
  if (first === undefined || last === undefined) return { groups: [], range: null, more };
  const result = [...groups].map(([key, rows]) => ({
    key,
    rows: rows.sort((a, b) => b.id - a.id),
  }));
  result.sort((a, b) => (b.rows[0]?.id ?? 0) - (a.rows[0]?.id ?? 0));
  return {
    groups: result,
    range: { min: Math.min(first, last), max: Math.max(first, last) },
    more,
  };
}

export interface GroupSummary {
  count: number;
  /** The group's newest notifications (at most SAMPLE_ACCOUNTS), newest first. */
  newest: Array<Pick<NotificationRow, 'id' | 'from_account_id'>>;
}

/**
 * How many notifications each stored group holds up to `upTo` (all when undefined), and
 * its newest ones: one query over the notifications_group index, numbering each group's
 * rows with window functions (SQLite and PostgreSQL alike).
 */
export async function summariseGroups(
  db: Db,
  reader: NotificationReader,
  filter: NotificationFilter,
  keys: string[],
  upTo: number | undefined,
): Promise<Map<string, GroupSummary>> {
  const summaries = new Map<string, GroupSummary>();
  if (keys.length === 0) return summaries;
  let inner = shown(db, reader, filter)
    .where('n.group_key', 'in', keys)
    .select([
      'n.group_key as key',
      'n.id',
      'n.from_account_id',
      sql<number>`row_number() over (partition by n.group_key order by n.id desc)`.as('position'),
      sql<number | string>`count(*) over (partition by n.group_key)`.as('total'),
    ]);
  if (upTo !== undefined) inner = inner.where('n.id', '<=', upTo);
  const rows = await db
    .selectFrom(inner.as('g'))
    .selectAll()
    .where('g.position', '<=', SAMPLE_ACCOUNTS)
    .orderBy('g.id', 'desc')
    .execute();
  for (const row of rows) {
    if (row.key === null) continue;
    const summary = summaries.get(row.key) ?? { count: Number(row.total), newest: [] };
    summary.newest.push({ id: row.id, from_account_id: row.from_account_id });
    summaries.set(row.key, summary);
  }
  return summaries;
}

/** A group's notifications, newest first, a page at a time (who is in it). */
export async function listGroupMembers(
  db: Db,
  reader: NotificationReader,
  key: string,
  page: IdPage,
): Promise<NotificationRow[]> {
  const single = ungroupedId(key);
  if (single === undefined) return listNotifications(db, reader, { groupKey: key }, page);
  const inPage =
    (page.maxId === undefined || single < page.maxId) &&
    (page.sinceId === undefined || single > page.sinceId) &&
    (page.minId === undefined || single > page.minId);
  const row = inPage ? await findNotification(db, reader, single) : undefined;
  return row ? [row] : [];
}

/** The notification id of an `ungrouped-<id>` key. */
export function ungroupedId(key: string): number | undefined {
  const match = /^ungrouped-(\d{1,16})$/.exec(key);
  return match ? Number(match[1]) : undefined;
}

/** Removes every notification of one of the account's groups; answers the ids removed. */
export async function deleteGroup(db: Db, accountId: number, key: string): Promise<number[]> {
  const single = ungroupedId(key);
  const rows = await db
    .deleteFrom('notifications')
    .where('account_id', '=', accountId)
    .where((eb) => (single === undefined ? eb('group_key', '=', key) : eb('id', '=', single)))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
