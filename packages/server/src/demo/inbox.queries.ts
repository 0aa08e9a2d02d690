import type { Db } from '../db/tables';

/** A community the person belongs to, and another member of it (the demo's mention). */
export async function communityOfMember(
  db: Db,
  accountId: number,
): Promise<{ communityId: number; otherMemberId: number } | undefined> {
  const row = await db
    .selectFrom('community_members as mine')
    .innerJoin('community_members as other', 'other.community_id', 'mine.community_id')
    .innerJoin('accounts as a', 'a.id', 'other.account_id')
    .select(['mine.community_id', 'other.account_id'])
    .where('mine.account_id', '=', accountId)
    .where('mine.state', '=', 'member')
    .where('other.state', '=', 'member')
    .where('other.account_id', '<>', accountId)
    .where('a.role', '=', 'member')
    .where('a.suspended', '=', 0)
    .orderBy('mine.community_id')
    .orderBy('other.account_id')
    .limit(1)
    .executeTakeFirst();
  return row ? { communityId: row.community_id, otherMemberId: row.account_id } : undefined;
}

/** The person's notification about a status (the mention it made of them). */
export async function notificationAbout(
  db: Db,
  accountId: number,
  statusId: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('account_id', '=', accountId)
    .where('status_id', '=', statusId)
    .executeTakeFirst();
  return row?.id;
}
