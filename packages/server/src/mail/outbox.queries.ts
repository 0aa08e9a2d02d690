import type { Selectable } from 'kysely';
import type { Db } from '../db/tables';
import type { MailOutboxTable } from '../db/tables/mail.table';

export type OutboxRow = Selectable<MailOutboxTable>;

export async function insertOutboxRows(db: Db, rows: OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('mail_outbox').values(rows).execute();
}

/** Mail whose next attempt is due, oldest first (index mail_outbox_due). */
export async function findDueMail(db: Db, now: number, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('failed_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Takes one mail for an attempt: pushes its next attempt past `leaseUntil` and counts the
 * attempt, only if nobody else took it since it was read. Another node (or a later run here)
 * sees it again only once the lease has passed, if this process died mid-send.
 */
export async function claimMail(
  db: Db,
  row: Pick<OutboxRow, 'id' | 'next_attempt_at'>,
  leaseUntil: number,
): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set((eb) => ({ next_attempt_at: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', row.id)
    .where('next_attempt_at', '=', row.next_attempt_at)
    .where('failed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteMail(db: Db, id: number): Promise<void> {
  await db.deleteFrom('mail_outbox').where('id', '=', id).execute();
}

/** An attempt failed: try again at `retryAt`, or, without one, give up (kept for inspection). */
export async function recordMailFailure(
  db: Db,
  id: number,
  error: string,
  retryAt: number | null,
  now: number,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set(
      retryAt === null
        ? { last_error: error, failed_at: now }
        : { last_error: error, next_attempt_at: retryAt },
    )
    .where('id', '=', id)
    .execute();
}

/** Mail given up on long ago goes, so the table does not grow with every bad address. */
export async function deleteFailedMailBefore(db: Db, before: number): Promise<void> {
  await db
    .deleteFrom('mail_outbox')
    .where('failed_at', 'is not', null)
    .where('failed_at', '<', before)
    .execute();
}
