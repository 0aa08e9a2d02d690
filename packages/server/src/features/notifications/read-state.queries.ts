import type { Db } from '../../db/tables';
import { type NotificationReader, shown } from './shown.queries';

/** Notes that the reader opened a notification newer than their marker. */
export async function insertRead(
  db: Db,
  accountId: number,
  notificationId: number,
  now: number,
): Promise<void> {
  await db
    .insertInto('notification_reads')
    .values({ account_id: accountId, notification_id: notificationId, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'notification_id']).doNothing())
    .execute();
}

/** Reads at or below the marker say nothing the marker does not: they go. */
export async function deleteReadsUpTo(db: Db, accountId: number, markerId: number): Promise<void> {
  await db
    .deleteFrom('notification_reads')
    .where('account_id', '=', accountId)
    .where('notification_id', '<=', markerId)
    .execute();
}

/** Which of these notifications the reader opened on their own. */
export async function findReads(db: Db, accountId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('notification_reads')
    .select('notification_id')
    .where('account_id', '=', accountId)
    .where('notification_id', 'in', ids)
    .execute();
  return new Set(rows.map((row) => row.notification_id));
}

/** The oldest notification the reader would see as unread (index notifications_account). */
export async function oldestUnreadId(
  db: Db,
  reader: NotificationReader,
  markerId: number | undefined,
): Promise<number | undefined> {
  const row = await shown(db, reader, { unread: { markerId } })
    .select('n.id')
    .orderBy('n.id', 'asc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** The newest of the reader's reads below `before` (all of them without it). */
export async function newestReadBelow(
  db: Db,
  accountId: number,
  before: number | undefined,
): Promise<number | undefined> {
  let query = db
    .selectFrom('notification_reads')
    .select('notification_id')
    .where('account_id', '=', accountId);
  if (before !== undefined) query = query.where('notification_id', '<', before);
  const row = await query.orderBy('notification_id', 'desc').limit(1).executeTakeFirst();
  return row?.notification_id;
}

/** The account's newest notification, shown or not: "mark all read" moves the marker to it. */
export async function newestNotificationId(db: Db, accountId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('account_id', '=', accountId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
