import { sql } from 'kysely';
import type { Db } from '../../db/tables';

/** How many of a person's latest statuses say what they write about. */
const RECENT_STATUSES = 200;

/** The hashtags a person used most in their latest statuses, most used first. */
export async function topicsOf(db: Db, accountId: number, limit = 15): Promise<string[]> {
  const recent = db
    .selectFrom('statuses')
    .select('id')
    .where('account_id', '=', accountId)
    .where('reblog_of_id', 'is', null)
    .orderBy('id', 'desc')
    .limit(RECENT_STATUSES)
    .as('s');
  const rows = await db
    .selectFrom(recent)
    .innerJoin('status_tags as st', 'st.status_id', 's.id')
    .innerJoin('tags as t', 't.id', 'st.tag_id')
    .select(['t.name_key', sql<number>`count(*)`.as('uses')])
    .groupBy('t.name_key')
    .orderBy('uses', 'desc')
    .orderBy('t.name_key')
    .limit(limit)
    .execute();
  return rows.map((r) => r.name_key);
}

/** Communities both are members of that the viewer may see (they are in it). */
export async function sharedCommunities(
  db: Db,
  viewerId: number,
  otherId: number,
  limit = 12,
): Promise<Array<{ id: number; name: string }>> {
  return db
    .selectFrom('community_members as mine')
    .innerJoin('community_members as theirs', 'theirs.community_id', 'mine.community_id')
    .innerJoin('communities as c', 'c.id', 'mine.community_id')
    .select(['c.id', 'c.name'])
    .where('mine.account_id', '=', viewerId)
    .where('mine.state', '=', 'member')
    .where('theirs.account_id', '=', otherId)
    .where('theirs.state', '=', 'member')
    .orderBy('c.name')
    .limit(limit)
    .execute();
}
