import type { Db } from '../../db/tables';

const MIN_GROUP_SIZE_KEY = 'analytics.min_group_size';

/** The minimum group size an admin set, or null for the default. */
export async function storedMinGroupSize(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('server_settings')
    .select('value')
    .where('key', '=', MIN_GROUP_SIZE_KEY)
    .executeTakeFirst();
  return row ? Number(row.value) : null;
}

export async function storeMinGroupSize(db: Db, size: number, now: number): Promise<void> {
  await db
    .insertInto('server_settings')
    .values({ key: MIN_GROUP_SIZE_KEY, value: String(size), updated_at: now })
    .onConflict((c) => c.column('key').doUpdateSet({ value: String(size), updated_at: now }))
    .execute();
}

export async function isCounted(db: Db, accountId: number): Promise<boolean> {
  const row = await db
    .selectFrom('analytics_opt_outs')
    .select('account_id')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return !row;
}

export async function setCounted(db: Db, accountId: number, counted: boolean, now: number) {
  if (counted) {
    await db.deleteFrom('analytics_opt_outs').where('account_id', '=', accountId).execute();
    return;
  }
  await db
    .insertInto('analytics_opt_outs')
    .values({ account_id: accountId, created_at: now })
    .onConflict((c) => c.column('account_id').doNothing())
    .execute();
}
