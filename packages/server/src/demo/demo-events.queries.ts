import type { Db } from '../db/tables';

/**
 * A community of the demo whose name holds `word` (other demo steps create communities),
 * with its members, so an event can be held there; null when there is none.
 */
export async function findDemoCommunity(
  db: Db,
  word: string,
): Promise<{ id: number; memberIds: number[] } | null> {
  const community = await db
    .selectFrom('communities')
    .select('id')
    .where('name_key', 'like', `%${word.toLowerCase()}%`)
    .orderBy('id')
    .executeTakeFirst();
  if (!community) return null;
  const members = await db
    .selectFrom('community_members')
    .select('account_id')
    .where('community_id', '=', community.id)
    .where('state', '=', 'member')
    .execute();
  return { id: community.id, memberIds: members.map((row) => row.account_id) };
}
