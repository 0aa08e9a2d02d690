import { sql } from 'kysely';
import { idAt, idFor } from '../db/ids';
import type { Db } from '../db/tables';
import type { NotificationType } from '../db/tables/graph.table';

/**
 * Writes the demo makes directly: where a service refuses what the demo's history needs
 * (votes in polls that have ended since), and where a service stamps the current time on
 * something the demo dates in the past.
 */

const CHUNK = 200;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** The poll the polls service created for a status. */
export async function pollOfStatus(db: Db, statusId: number): Promise<number> {
  const row = await db
    .selectFrom('polls')
    .select('id')
    .where('status_id', '=', statusId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A vote cast while the poll was open in the demo's history but which has ended since:
 * `voteInPoll` rightly refuses it today, so it is recorded as that service would have.
 */
export async function recordPastVote(
  db: Db,
  vote: { pollId: number; accountId: number; choices: number[]; at: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const poll = await trx
      .selectFrom('polls')
      .select(['option_votes', 'votes_count', 'voters_count'])
      .where('id', '=', vote.pollId)
      .executeTakeFirstOrThrow();
    const counts = JSON.parse(poll.option_votes) as number[];
    for (const choice of vote.choices) counts[choice] = (counts[choice] ?? 0) + 1;
    await trx
      .insertInto('poll_votes')
      .values(
        vote.choices.map((choice) => ({
          id: idFor(vote.at),
          poll_id: vote.pollId,
          account_id: vote.accountId,
          choice,
          created_at: vote.at,
        })),
      )
      .execute();
    await trx
      .updateTable('polls')
      .set({
        option_votes: JSON.stringify(counts),
        votes_count: poll.votes_count + vote.choices.length,
        voters_count: poll.voters_count + 1,
        updated_at: vote.at,
      })
      .where('id', '=', vote.pollId)
      .execute();
  });
}

/** When each replayed act happened, keyed as `restampHistory` looks them up. */
export interface Stamps {
  /** By status id. */
  statuses: Map<number, number>;
  /** By `${account_id}:${status_id}`. */
  favourites: Map<string, number>;
  bookmarks: Map<string, number>;
  reblogs: Map<string, number>;
  /** By `${account_id}:${target_account_id}`. */
  follows: Map<string, number>;
  /** By `${account_id}:${poll_id}`. */
  votes: Map<string, number>;
  /** When each edited status was edited, by status id. */
  edits: Map<number, number>;
  /** When each poll ended, by status id. */
  pollsEnded: Map<number, number>;
}

type Keyed = { id: number; account_id: number; created_at: number };

/** Gives rows minted since `from` the moment their act happened, with ids minted for it. */
async function redate<T extends Keyed>(
  trx: Db,
  table: 'favourites' | 'bookmarks' | 'follows' | 'poll_votes',
  from: number,
  momentOf: (row: T) => number | undefined,
): Promise<void> {
  const rows = (await trx
    .selectFrom(table)
    .selectAll()
    .where('id', '>=', from)
    .execute()) as unknown as T[];
  if (rows.length === 0) return;
  // Deleted and inserted again: nothing refers to these ids, and new ids are all older.
  await trx.deleteFrom(table).where('id', '>=', from).execute();
  const dated = rows.map((row) => {
    const at = momentOf(row) ?? row.created_at;
    return { ...row, id: idFor(at), created_at: at };
  });
  await inChunks(dated, (chunk) =>
    trx
      .insertInto(table)
      .values(chunk as never)
      .execute(),
  );
}

/**
 * Services stamp follows, favourites, bookmarks, votes, notifications and edits with the
 * current time (only statuses and boosts take a time of their own). The replay runs in
 * seconds, so every row written since `since` gets the moment its act happened in the
 * demo's history, and an id minted for that moment (ids order lists).
 */
export async function restampHistory(db: Db, since: number, stamps: Stamps): Promise<void> {
  const from = idAt(since);
  await db.transaction().execute(async (trx) => {
    type Reaction = Keyed & { status_id: number };
    await redate<Reaction>(trx, 'favourites', from, (row) =>
      stamps.favourites.get(`${row.account_id}:${row.status_id}`),
    );
    await redate<Reaction>(trx, 'bookmarks', from, (row) =>
      stamps.bookmarks.get(`${row.account_id}:${row.status_id}`),
    );
    // The ledger's favourites happened when the favourites did (the relationship model is
    // recomputed from the ledger at the end of the demo).
    await trx
      .updateTable('interactions')
      .set({
        created_at: sql<number>`coalesce((select f.created_at from favourites f where f.account_id = interactions.actor_id and f.status_id = interactions.subject_id), interactions.created_at)`,
      })
      .where('kind', '=', 'favourite')
      .where('id', '>=', from)
      .execute();
    await redate<Keyed & { target_account_id: number }>(trx, 'follows', from, (row) =>
      stamps.follows.get(`${row.account_id}:${row.target_account_id}`),
    );
    await redate<Keyed & { poll_id: number }>(trx, 'poll_votes', from, (row) =>
      stamps.votes.get(`${row.account_id}:${row.poll_id}`),
    );
    // Attachments were uploaded just before their status was posted.
    await trx
      .updateTable('media_attachments')
      .set({
        created_at: sql<number>`coalesce((select statuses.created_at from statuses where statuses.id = media_attachments.status_id), media_attachments.created_at)`,
      })
      .where('id', '>=', from)
      .execute();

    const notifications = await trx
      .selectFrom('notifications')
      .selectAll()
      .where('id', '>=', from)
      .execute();
    const momentOf = (n: (typeof notifications)[number]): number | undefined => {
      const type: NotificationType = n.type;
      const by = `${n.from_account_id}:${n.status_id}`;
      switch (type) {
        case 'mention':
        case 'status':
          return n.status_id === null ? undefined : stamps.statuses.get(n.status_id);
        case 'favourite':
          return stamps.favourites.get(by);
        case 'reblog':
          return stamps.reblogs.get(by);
        case 'follow':
          return stamps.follows.get(`${n.from_account_id}:${n.account_id}`);
        case 'update':
          return n.status_id === null ? undefined : stamps.edits.get(n.status_id);
        case 'poll':
          return n.status_id === null ? undefined : stamps.pollsEnded.get(n.status_id);
      }
    };
    if (notifications.length > 0) {
      await trx.deleteFrom('notifications').where('id', '>=', from).execute();
      const dated = notifications.map((n) => {
        const at = momentOf(n) ?? n.created_at;
        return { ...n, id: idFor(at), created_at: at };
      });
      await inChunks(dated, (chunk) => trx.insertInto('notifications').values(chunk).execute());
    }

    // A poll closes when it ends, even if a running server's poll closer got there first.
    for (const [statusId, at] of stamps.pollsEnded) {
      await trx
        .updateTable('polls')
        .set({ closed_at: at })
        .where('status_id', '=', statusId)
        .execute();
    }
    for (const [statusId, at] of stamps.edits) {
      await trx.updateTable('statuses').set({ edited_at: at }).where('id', '=', statusId).execute();
      const revisions = await trx
        .selectFrom('status_edits')
        .select(['id', 'created_at'])
        .where('status_id', '=', statusId)
        .where('id', '>=', from)
        .orderBy('id')
        .execute();
      for (const revision of revisions) {
        // The first revision is the original and already carries its time; later ones are edits.
        const when = revision.created_at >= since ? at : revision.created_at;
        await trx
          .updateTable('status_edits')
          .set({ id: idFor(when), created_at: when })
          .where('id', '=', revision.id)
          .execute();
      }
    }
  });
}

/** Where the account stopped reading a timeline. */
export async function setMarker(
  db: Db,
  marker: { accountId: number; timeline: 'home' | 'notifications'; lastReadId: number; at: number },
): Promise<void> {
  await db
    .insertInto('markers')
    .values({
      account_id: marker.accountId,
      timeline: marker.timeline,
      last_read_id: marker.lastReadId,
      version: 1,
      updated_at: marker.at,
    })
    .onConflict((oc) =>
      oc.columns(['account_id', 'timeline']).doUpdateSet({
        last_read_id: marker.lastReadId,
        updated_at: marker.at,
      }),
    )
    .execute();
}

/** The newest notification (or home feed entry) of the account older than `before`. */
export async function newestBefore(
  db: Db,
  table: 'notifications' | 'home_feed',
  accountId: number,
  before: number,
): Promise<number | undefined> {
  const row =
    table === 'notifications'
      ? await db
          .selectFrom('notifications')
          .select('id')
          .where('account_id', '=', accountId)
          .where('id', '<', idAt(before))
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst()
      : await db
          .selectFrom('home_feed')
          .select('status_id as id')
          .where('account_id', '=', accountId)
          .where('status_id', '<', idAt(before))
          .orderBy('status_id', 'desc')
          .limit(1)
          .executeTakeFirst();
  return row?.id;
}
