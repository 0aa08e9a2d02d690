import type { Selectable } from 'kysely';
import type { Db } from '../../db/tables';
import type { PasswordResetsTable } from '../../db/tables/mail.table';

export type PasswordResetRow = Selectable<PasswordResetsTable>;

export async function insertPasswordReset(db: Db, row: PasswordResetRow): Promise<void> {
  await db.insertInto('password_resets').values(row).execute();
}

/** How many reset links the account was sent since `since` (index password_resets_account). */
export async function countPasswordResetsSince(
  db: Db,
  accountId: number,
  since: number,
): Promise<number> {
  const row = await db
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('account_id', '=', accountId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findPasswordReset(
  db: Db,
  tokenHash: string,
): Promise<PasswordResetRow | undefined> {
  return db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Uses a link up: true for the one caller that found it unused and unexpired. */
export async function consumePasswordReset(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every other link the account was sent stops working once one of them was used. */
export async function retirePasswordResets(db: Db, accountId: number, now: number): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .execute();
}

/** Links older than a day are of no use to anyone: each request clears the account's. */
export async function deletePasswordResetsBefore(
  db: Db,
  accountId: number,
  before: number,
): Promise<void> {
  await db
    .deleteFrom('password_resets')
    .where('account_id', '=', accountId)
    .where('created_at', '<', before)
    .execute();
}
