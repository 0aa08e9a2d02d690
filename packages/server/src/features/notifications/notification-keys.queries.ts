import { GROUPABLE_NOTIFICATION_TYPES } from '@rapport/schema';
import { sql } from 'kysely';
import type { Db } from '../../db/tables';
import type { NotificationType } from '../../db/tables/graph.table';
import type { InboxNotificationKind } from './shown.queries';

const HOUR_MS = 60 * 60 * 1000;
/** A group takes in what arrives within twelve hours of its first hour (Mastodon's span). */
const GROUP_SPAN_HOURS = 12;

const groupable = new Set<NotificationType>(GROUPABLE_NOTIFICATION_TYPES);

export function isGroupable(type: NotificationType): boolean {
  return groupable.has(type);
}

/**
 * The group a new favourite, boost or follow joins: `<type>-<status>-<hour>`, where the
 * hour is the one its group started in. It joins the latest group of the same type and
 * target that started less than twelve hours ago, else starts one: a burst of favourites is
 * one group even across a clock hour, and a status favourited again next week gets a new
 * one. Null for the types that are never grouped.
 */
export async function groupKeyFor(
  db: Db,
  accountId: number,
  type: NotificationType,
  statusId: number | null,
  at: number,
): Promise<string | null> {
  if (!groupable.has(type)) return null;
  const prefix = `${type}-${statusId ?? ''}`;
  const hour = Math.floor(at / HOUR_MS);
  const candidates = Array.from({ length: GROUP_SPAN_HOURS }, (_, i) => `${prefix}-${hour - i}`);
  const latest = await db
    .selectFrom('notifications')
    .select('group_key')
    .where('account_id', '=', accountId)
    .where('group_key', 'in', candidates)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latest?.group_key ?? `${prefix}-${hour}`;
}

/**
 * What a mention is in the inbox, from the status's parent: an answer when it replies to a
 * question the reader asked, a reply when it replies to another of their statuses, else a
 * mention. Read once when the notification is written (a status never changes its parent).
 */
export async function inboxKindOf(
  db: Db,
  readerId: number,
  type: NotificationType,
  statusId: number | null,
): Promise<InboxNotificationKind | null> {
  if (type !== 'mention' || statusId === null) return null;
  const row = await db
    .selectFrom('statuses as s')
    .leftJoin('statuses as p', 'p.id', 's.in_reply_to_id')
    .select(['p.account_id as parent_account_id', 'p.kind as parent_kind'])
    .where('s.id', '=', statusId)
    .executeTakeFirst();
  if (!row || row.parent_account_id !== readerId) return 'mention';
  return row.parent_kind === 'question' ? 'answer' : 'reply';
}

/**
 * Gives the groupable notifications written since `sinceId` their keys again from their
 * times, by twelve-hour windows: for history written with times other than the moment of
 * writing (the demo's replayed months).
 */
export async function regroupNotifications(db: Db, sinceId: number): Promise<void> {
  // Literals, not parameters: SQLite would divide by a bound number as a real.
  const hour = sql.lit(HOUR_MS);
  const span = sql.lit(GROUP_SPAN_HOURS);
  await sql`update notifications
    set group_key = type || '-' || coalesce(cast(status_id as text), '') || '-' ||
      cast(created_at / ${hour} - (created_at / ${hour}) % ${span} as text)
    where id >= ${sinceId} and type in ('favourite', 'reblog', 'follow')`.execute(db);
}
