import type { MessagePolicy } from '@rapport/schema';
import type { Db } from '../../db/tables';

/* Who may message whom: the stored choices, and the follows they depend on. */

export async function findPolicy(db: Db, accountIds: number[]) {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom('message_policies')
    .select(['account_id', 'policy'])
    .where('account_id', 'in', accountIds)
    .execute();
}

export async function savePolicy(
  db: Db,
  accountId: number,
  policy: MessagePolicy,
  at: number,
): Promise<void> {
  await db
    .insertInto('message_policies')
    .values({ account_id: accountId, policy, updated_at: at })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ policy, updated_at: at }))
    .execute();
}

/** Which of `accountIds` follow `targetId`. */
export async function followersAmong(
  db: Db,
  targetId: number,
  accountIds: number[],
): Promise<Set<number>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('follows')
    .select('account_id')
    .where('target_account_id', '=', targetId)
    .where('account_id', 'in', accountIds)
    .execute();
  return new Set(rows.map((row) => row.account_id));
}
