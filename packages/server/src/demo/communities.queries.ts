import { sql } from 'kysely';
import { idAt, idFor } from '../db/ids';
import type { Db } from '../db/tables';

/** When each community was created, and when each person got their place (`${community}:${account}`). */
export interface CommunityTimes {
  communities: Map<number, number>;
  places: Map<string, number>;
}

/** An invitation comes a little before it is accepted. */
const INVITED_BEFORE_MS = 2 * 60 * 60 * 1000;

/**
 * The communities service stamps the current time on communities, places, their
 * notifications and interactions; the demo dates them when they happened in its history,
 * with ids minted for that moment where ids order lists.
 */
export async function restampCommunities(
  db: Db,
  since: number,
  times: CommunityTimes,
): Promise<void> {
  const from = idAt(since);
  await db.transaction().execute(async (trx) => {
    for (const [id, at] of times.communities) {
      await trx
        .updateTable('communities')
        .set({ created_at: at, updated_at: at })
        .where('id', '=', id)
        .execute();
    }
    for (const [key, at] of times.places) {
      const [communityId, accountId] = key.split(':').map(Number) as [number, number];
      await trx
        .updateTable('community_members')
        .set({ created_at: at, updated_at: at })
        .where('community_id', '=', communityId)
        .where('account_id', '=', accountId)
        .execute();
    }
    const placeOf = (communityId: number | null, accountId: number) =>
      communityId === null ? undefined : times.places.get(`${communityId}:${accountId}`);

    const notifications = await trx
      .selectFrom('notifications')
      .selectAll()
      .where('id', '>=', from)
      .where('subject_type', '=', 'community')
      .execute();
    if (notifications.length > 0) {
      await trx
        .deleteFrom('notifications')
        .where(
          'id',
          'in',
          notifications.map((n) => n.id),
        )
        .execute();
      const dated = notifications.map((n) => {
        const at =
          n.type === 'community_request'
            ? placeOf(n.community_id, n.from_account_id)
            : n.type === 'community_invitation'
              ? (placeOf(n.community_id, n.account_id) ?? n.created_at) - INVITED_BEFORE_MS
              : placeOf(n.community_id, n.account_id);
        const when = at ?? n.created_at;
        return { ...n, id: idFor(when), created_at: when };
      });
      for (let i = 0; i < dated.length; i += 200) {
        await trx
          .insertInto('notifications')
          .values(dated.slice(i, i + 200))
          .execute();
      }
    }

    const met = await trx.selectFrom('interactions').selectAll().where('id', '>=', from).execute();
    if (met.length > 0) {
      await trx.deleteFrom('interactions').where('id', '>=', from).execute();
      const dated = met.map((row) => {
        const at = placeOf(row.community_id, row.actor_id) ?? row.created_at;
        return { ...row, id: idFor(at), created_at: at };
      });
      for (let i = 0; i < dated.length; i += 200) {
        await trx
          .insertInto('interactions')
          .values(dated.slice(i, i + 200))
          .execute();
      }
    }

    // A pin comes an hour after the status it pins.
    await trx
      .updateTable('community_pins')
      .set({
        created_at: sql<number>`(select statuses.created_at + 3600000 from statuses where statuses.id = community_pins.status_id)`,
      })
      .where('created_at', '>=', since)
      .execute();
  });
}
