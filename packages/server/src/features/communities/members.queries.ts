import type { CommunityRole, MembershipState } from '@rapport/schema';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/tables';
import type { CommunityMembersTable } from '../../db/tables/communities.table';
import { trimHomeFeed } from '../statuses/statuses.queries';

export type MemberRow = Selectable<CommunityMembersTable>;

export async function findMember(
  db: Db,
  communityId: number,
  accountId: number,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('community_members')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

/** The viewer's place in each of these communities (index community_members_account). */
export async function findPlaces(
  db: Db,
  accountId: number,
  communityIds: number[],
): Promise<Map<number, MemberRow>> {
  if (communityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('community_members')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('community_id', 'in', [...new Set(communityIds)])
    .execute();
  return new Map(rows.map((row) => [row.community_id, row]));
}

export async function findMembers(
  db: Db,
  communityId: number,
  accountIds: number[],
): Promise<Map<number, MemberRow>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('community_members')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('account_id', 'in', [...new Set(accountIds)])
    .execute();
  return new Map(rows.map((row) => [row.account_id, row]));
}

/** Writes a person's place in a community, replacing the one they had. */
export async function putMember(
  trx: Db,
  row: Omit<MemberRow, 'created_at' | 'updated_at'>,
  at: number,
): Promise<void> {
  await trx
    .insertInto('community_members')
    .values({ ...row, created_at: at, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['community_id', 'account_id']).doUpdateSet({
        role: row.role,
        state: row.state,
        invited_by_id: row.invited_by_id,
        updated_at: at,
      }),
    )
    .execute();
}

export async function setMemberRole(
  trx: Db,
  communityId: number,
  accountId: number,
  role: CommunityRole,
  at: number,
): Promise<void> {
  await trx
    .updateTable('community_members')
    .set({ role, updated_at: at })
    .where('community_id', '=', communityId)
    .where('account_id', '=', accountId)
    .execute();
}

export async function deleteMember(trx: Db, communityId: number, accountId: number) {
  await trx
    .deleteFrom('community_members')
    .where('community_id', '=', communityId)
    .where('account_id', '=', accountId)
    .execute();
}

/** members_count follows the rows in state `member` (the caller holds the community lock). */
export async function bumpMembersCount(trx: Db, communityId: number, by: number): Promise<void> {
  if (by === 0) return;
  await trx
    .updateTable('communities')
    .set((eb) => ({ members_count: eb('members_count', '+', by) }))
    .where('id', '=', communityId)
    .execute();
}

/** Everyone with a place in the community: for the events that tell their streams it went. */
export async function allPlaces(
  trx: Db,
  communityId: number,
): Promise<Array<{ account_id: number }>> {
  return trx
    .selectFrom('community_members')
    .select('account_id')
    .where('community_id', '=', communityId)
    .execute();
}

/** Members with these roles (owners and moderators: the people who run it). */
export async function memberIdsWithRoles(
  db: Db,
  communityId: number,
  roles: CommunityRole[],
): Promise<number[]> {
  const rows = await db
    .selectFrom('community_members')
    .select('account_id')
    .where('community_id', '=', communityId)
    .where('state', '=', 'member')
    .where('role', 'in', roles)
    .execute();
  return rows.map((row) => row.account_id);
}

/**
 * A page of the community's people in one state, by account id (index
 * community_members_state). A role filter reads the community's own rows only.
 */
export async function listPlaces(
  db: Db,
  filter: {
    communityId: number;
    state: MembershipState;
    roles?: CommunityRole[] | undefined;
    afterAccountId?: number | undefined;
    limit: number;
  },
): Promise<MemberRow[]> {
  let query = db
    .selectFrom('community_members')
    .selectAll()
    .where('community_id', '=', filter.communityId)
    .where('state', '=', filter.state);
  if (filter.roles) query = query.where('role', 'in', filter.roles);
  if (filter.afterAccountId !== undefined) {
    query = query.where('account_id', '>', filter.afterAccountId);
  }
  return query.orderBy('account_id').limit(filter.limit).execute();
}

/** How many of a community's newest conversations a new member finds in their home feed. */
export const JOIN_BACKFILL_LENGTH = 40;

/**
 * Puts the community's newest conversations into a new member's home feed, as if they
 * had been a member when they were posted (statuses.queries.ts `homeRecipients`: a new
 * conversation reaches every member; followers-only and direct ones only their audience).
 */
export async function backfillCommunityHome(
  trx: Db,
  accountId: number,
  communityId: number,
): Promise<void> {
  const rows = await trx
    .selectFrom('statuses')
    .select('id')
    .where('community_id', '=', communityId)
    .where('in_reply_to_id', 'is', null)
    .where('reblog_of_id', 'is', null)
    .where('visibility', 'in', ['public', 'unlisted'])
    .orderBy('id', 'desc')
    .limit(JOIN_BACKFILL_LENGTH)
    .execute();
  if (rows.length === 0) return;
  await trx
    .insertInto('home_feed')
    .values(rows.map((row) => ({ account_id: accountId, status_id: row.id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await trimHomeFeed(trx, accountId);
}

/**
 * Takes a community's statuses out of the home feed of someone who left it, except their
 * own. The subquery walks the feed (bounded by its trimmed length), not the community.
 */
export async function removeCommunityFromHome(
  trx: Db,
  accountId: number,
  communityId: number,
): Promise<void> {
  const entries = trx
    .selectFrom('home_feed as h')
    .innerJoin('statuses as s', 's.id', 'h.status_id')
    .select('h.status_id')
    .where('h.account_id', '=', accountId)
    .where('s.community_id', '=', communityId)
    .where('s.account_id', '!=', accountId);
  await trx
    .deleteFrom('home_feed')
    .where('account_id', '=', accountId)
    .where('status_id', 'in', entries)
    .execute();
}
