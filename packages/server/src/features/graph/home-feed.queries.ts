import type { Db } from '../../db/tables';
import { trimHomeFeed } from '../statuses/statuses.queries';

/* A home feed as following changes it: an author's statuses come in on follow, go on unfollow or block. */

/** How many of an author's newest statuses a new follower finds in their home feed at once. */
export const BACKFILL_LENGTH = 40;

/**
 * Puts the author's newest statuses that the follower may see into the follower's home
 * feed, as if the follow had existed when they were posted: public, unlisted and private
 * statuses and boosts (direct ones only where the follower is mentioned), boosts left out
 * when the follower turned them off, and replies to someone else only when the follower
 * also follows that person (the fan-out rule in statuses.queries.ts's homeRecipients).
 */
export async function backfillHomeFeed(
  trx: Db,
  followerId: number,
  authorId: number,
  options: { reblogs: boolean },
): Promise<void> {
  let query = trx
    .selectFrom('statuses as s')
    .select('s.id')
    .where('s.account_id', '=', authorId)
    .where((eb) =>
      eb.or([
        eb('s.visibility', 'in', ['public', 'unlisted', 'private']),
        eb.exists(
          eb
            .selectFrom('status_mentions as m')
            .select('m.status_id')
            .whereRef('m.status_id', '=', 's.id')
            .where('m.account_id', '=', followerId),
        ),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('s.in_reply_to_account_id', 'is', null),
        eb('s.in_reply_to_account_id', 'in', [authorId, followerId]),
        eb(
          's.in_reply_to_account_id',
          'in',
          eb
            .selectFrom('follows as f')
            .select('f.target_account_id')
            .where('f.account_id', '=', followerId),
        ),
      ]),
    );
  if (!options.reblogs) query = query.where('s.reblog_of_id', 'is', null);
  const rows = await query.orderBy('s.id', 'desc').limit(BACKFILL_LENGTH).execute();
  if (rows.length === 0) return;
  await trx
    .insertInto('home_feed')
    .values(rows.map((row) => ({ account_id: followerId, status_id: row.id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await trimHomeFeed(trx, followerId);
}

/**
 * Takes an author's statuses and boosts out of someone's home feed. The subquery walks the
 * feed (bounded by its trimmed length), not the author's whole history.
 */
export async function removeFromHomeFeed(
  trx: Db,
  feedOwnerId: number,
  authorId: number,
  options: { keepMentions: boolean; onlyReblogs?: boolean },
): Promise<void> {
  let entries = trx
    .selectFrom('home_feed as h')
    .innerJoin('statuses as s', 's.id', 'h.status_id')
    .select('h.status_id')
    .where('h.account_id', '=', feedOwnerId)
    .where('s.account_id', '=', authorId);
  if (options.onlyReblogs) entries = entries.where('s.reblog_of_id', 'is not', null);
  if (options.keepMentions) {
    entries = entries.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('status_mentions as m')
            .select('m.status_id')
            .whereRef('m.status_id', '=', 's.id')
            .where('m.account_id', '=', feedOwnerId),
        ),
      ),
    );
  }
  await trx
    .deleteFrom('home_feed')
    .where('account_id', '=', feedOwnerId)
    .where('status_id', 'in', entries)
    .execute();
}
