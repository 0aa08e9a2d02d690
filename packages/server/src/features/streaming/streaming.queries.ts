import type { MembershipState } from '@rapport/schema';
import type { Db } from '../../db/tables';

/**
 * What a stream connection filters by: everyone the account blocks or is blocked by,
 * everyone it mutes (mutes that have not expired), and its place in each community.
 */
export async function loadRelations(
  db: Db,
  accountId: number,
  now: number,
): Promise<{
  blocks: number[];
  mutes: number[];
  memberships: Array<{ community_id: number; state: MembershipState }>;
}> {
  const [blocks, mutes, memberships] = await Promise.all([
    db
      .selectFrom('blocks')
      .select(['account_id', 'target_account_id'])
      .where((eb) =>
        eb.or([eb('account_id', '=', accountId), eb('target_account_id', '=', accountId)]),
      )
      .execute(),
    db
      .selectFrom('mutes')
      .select('target_account_id')
      .where('account_id', '=', accountId)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute(),
    db
      .selectFrom('community_members')
      .select(['community_id', 'state'])
      .where('account_id', '=', accountId)
      .execute(),
  ]);
  return {
    memberships,
    blocks: blocks.map((row) =>
      row.account_id === accountId ? row.target_account_id : row.account_id,
    ),
    mutes: mutes.map((row) => row.target_account_id),
  };
}

/** Whether either of the two blocks the other. */
export async function blockedBetween(db: Db, a: number, b: number): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('account_id', '=', a), eb('target_account_id', '=', b)]),
        eb.and([eb('account_id', '=', b), eb('target_account_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** Those of these tokens that are still valid (not revoked, not expired, account not suspended). */
export async function activeTokenIds(db: Db, ids: number[], now: number): Promise<Set<number>> {
  const active = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('access_tokens')
      .leftJoin('accounts', 'accounts.id', 'access_tokens.account_id')
      .select('access_tokens.id')
      .where('access_tokens.id', 'in', ids.slice(i, i + 500))
      .where('access_tokens.revoked_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('access_tokens.expires_at', 'is', null),
          eb('access_tokens.expires_at', '>', now),
        ]),
      )
      .where((eb) =>
        eb.or([eb('accounts.suspended', 'is', null), eb('accounts.suspended', '=', 0)]),
      )
      .execute();
    for (const row of rows) active.add(row.id);
  }
  return active;
}
