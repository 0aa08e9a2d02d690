import { type ExpressionBuilder, sql } from 'kysely';
import type { Db, Tables } from '../../db/tables';
import type { AnalyticsScope } from './scope';

/** People (`a`) who did not opt out: everyone beyond organisation totals is filtered by it. */
const countedIn = ({
  not,
  exists,
  selectFrom,
}: ExpressionBuilder<Tables & { a: Tables['accounts'] }, 'a'>) =>
  not(
    exists(
      selectFrom('analytics_opt_outs as o')
        .select('o.account_id')
        .whereRef('o.account_id', '=', 'a.id'),
    ),
  );

/**
 * The members of a scope (ids), as the issue defines them: accounts not suspended, with
 * the role member or admin, created before the period ends. A department takes its
 * people; a community its members (guests included, since they belong to it), joined
 * before the period ends. People who opted out count in organisation totals only.
 */
export async function scopeMembers(db: Db, scope: AnalyticsScope, to: number): Promise<number[]> {
  if (scope.kind === 'community') {
    const rows = await db
      .selectFrom('community_members as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select('a.id')
      .where('m.community_id', '=', scope.id)
      .where('m.state', '=', 'member')
      .where('m.created_at', '<', to)
      .where('a.suspended', '=', 0)
      .where('a.created_at', '<', to)
      .where(countedIn)
      .execute();
    return rows.map((row) => Number(row.id));
  }
  let query = db
    .selectFrom('accounts as a')
    .select('a.id')
    .where('a.suspended', '=', 0)
    .where('a.role', 'in', ['member', 'admin'])
    .where('a.created_at', '<', to);
  if (scope.kind === 'department') {
    query = query.where('a.department', '=', scope.name).where(countedIn);
  }
  const rows = await query.execute();
  return rows.map((row) => Number(row.id));
}

/** The departments people list, with how many active (not suspended) people list each. */
export async function departments(db: Db): Promise<{ name: string; people: number }[]> {
  const rows = await db
    .selectFrom('accounts')
    .select(['department', sql<number>`count(*)`.as('people')])
    .where('suspended', '=', 0)
    .where('department', '!=', '')
    .where('role', 'in', ['member', 'admin'])
    .groupBy('department')
    .orderBy('department')
    .execute();
  return rows.map((row) => ({ name: row.department, people: Number(row.people) }));
}

/** The communities in which this person is an owner or a moderator. */
export async function moderatedCommunities(db: Db, accountId: number) {
  const rows = await db
    .selectFrom('community_members as m')
    .innerJoin('communities as c', 'c.id', 'm.community_id')
    .select(['c.id', 'c.name'])
    .where('m.account_id', '=', accountId)
    .where('m.state', '=', 'member')
    .where('m.role', 'in', ['owner', 'moderator'])
    .orderBy('c.name_key')
    .execute();
  return rows.map((row) => ({ id: Number(row.id), name: row.name }));
}

export async function communityRoleOf(db: Db, communityId: number, accountId: number) {
  const row = await db
    .selectFrom('community_members')
    .select(['role', 'state'])
    .where('community_id', '=', communityId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.state === 'member' ? row.role : null;
}
