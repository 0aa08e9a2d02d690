import type { Db } from '../../db/tables';

/** Records that these people were active on these days; a day already recorded stays as it is. */
export async function recordActivityDays(
  db: Db,
  rows: { account_id: number; day: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('account_activity_days')
    .values(rows)
    .onConflict((c) => c.columns(['account_id', 'day']).doNothing())
    .execute();
}
