import type { Db } from '../../db/tables';

/** The stored JSON of a person's choices, or undefined when they kept the defaults. */
export async function findPreferencesValue(db: Db, accountId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('notification_preferences')
    .select('value')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.value;
}

export async function savePreferencesValue(
  db: Db,
  accountId: number,
  value: string,
  now: number,
): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({ account_id: accountId, value, updated_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ value, updated_at: now }))
    .execute();
}
