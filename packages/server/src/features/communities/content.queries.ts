import { applyIdPage, finishIdPage, type IdPage } from '../../db/pagination';
import type { Db } from '../../db/tables';

/**
 * A page of the community's statuses, newest first (index statuses_community): the
 * conversations started in it, or with `withReplies` the replies too. Boosts repeat what
 * is already there and are left out.
 */
export async function communityTimelinePage(
  db: Db,
  communityId: number,
  page: IdPage,
  options: { withReplies: boolean },
): Promise<number[]> {
  let query = db
    .selectFrom('statuses as s')
    .select('s.id')
    .where('s.community_id', '=', communityId)
    .where('s.reblog_of_id', 'is', null);
  if (!options.withReplies) query = query.where('s.in_reply_to_id', 'is', null);
  const rows = finishIdPage(await applyIdPage(query, 's.id', page).execute(), page);
  return rows.map((row) => row.id);
}

/** The community's pinned statuses, most recently pinned first (a handful by rule). */
export async function listPinnedIds(db: Db, communityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('community_pins')
    .select('status_id')
    .where('community_id', '=', communityId)
    .orderBy('created_at', 'desc')
    .orderBy('status_id', 'desc')
    .execute();
  return rows.map((row) => row.status_id);
}

export async function countPins(db: Db, communityId: number): Promise<number> {
  const row = await db
    .selectFrom('community_pins')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertPin(
  trx: Db,
  pin: { communityId: number; statusId: number; byId: number; at: number },
): Promise<void> {
  await trx
    .insertInto('community_pins')
    .values({
      community_id: pin.communityId,
      status_id: pin.statusId,
      pinned_by_id: pin.byId,
      created_at: pin.at,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function deletePin(trx: Db, communityId: number, statusId: number): Promise<boolean> {
  const result = await trx
    .deleteFrom('community_pins')
    .where('community_id', '=', communityId)
    .where('status_id', '=', statusId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
