import type { Selectable, Updateable } from 'kysely';
import { forUpdate } from '../../db/dialect';
import { newId } from '../../db/ids';
import { prepared, preparedByIds } from '../../db/prepared';
import type { Db } from '../../db/tables';
import type { PollsTable } from '../../db/tables/statuses.table';

export type PollRow = Selectable<PollsTable>;

export async function insertPoll(db: Db, row: PollRow): Promise<void> {
  await db.insertInto('polls').values(row).execute();
}

export async function findPollById(db: Db, id: number): Promise<PollRow | undefined> {
  return db.selectFrom('polls').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The poll locked until the transaction ends, so concurrent votes queue instead of racing. */
export async function lockPoll(trx: Db, id: number): Promise<PollRow | undefined> {
  return forUpdate(
    trx,
    trx.selectFrom('polls').selectAll().where('id', '=', id),
  ).executeTakeFirst();
}

/** The status's poll, locked for the rest of the transaction (a status edit). */
export async function lockPollOfStatus(db: Db, statusId: number): Promise<PollRow | undefined> {
  return forUpdate(
    db,
    db.selectFrom('polls').selectAll().where('status_id', '=', statusId),
  ).executeTakeFirst();
}

const pollsOfStatuses = preparedByIds((db, statusIds) =>
  db.selectFrom('polls').selectAll().where('status_id', 'in', statusIds),
);

export function findPollsOfStatuses(db: Db, statusIds: number[]): Promise<PollRow[]> {
  return pollsOfStatuses(db, [...new Set(statusIds)]);
}

export async function updatePoll(db: Db, id: number, patch: Updateable<PollsTable>): Promise<void> {
  await db.updateTable('polls').set(patch).where('id', '=', id).execute();
}

export async function deletePoll(db: Db, id: number): Promise<void> {
  await db.deleteFrom('polls').where('id', '=', id).execute();
}

export async function deleteVotes(db: Db, pollId: number): Promise<void> {
  await db.deleteFrom('poll_votes').where('poll_id', '=', pollId).execute();
}

/** The choices `accountId` made in each of these polls. */
export async function findOwnVotes(
  db: Db,
  accountId: number,
  pollIds: number[],
): Promise<Array<{ poll_id: number; choice: number }>> {
  if (pollIds.length === 0) return [];
  return ownVotes(db, accountId, pollIds);
}

const ownVotes = prepared((db, accountId: number, pollIds: number[]) =>
  db
    .selectFrom('poll_votes')
    .select(['poll_id', 'choice'])
    .where('account_id', '=', accountId)
    .where('poll_id', 'in', pollIds)
    .orderBy('choice'),
);

export async function insertVotes(
  db: Db,
  vote: { pollId: number; accountId: number; choices: number[]; now: number },
): Promise<void> {
  await db
    .insertInto('poll_votes')
    .values(
      vote.choices.map((choice) => ({
        id: newId(),
        poll_id: vote.pollId,
        account_id: vote.accountId,
        choice,
        created_at: vote.now,
      })),
    )
    .execute();
}

/** Open polls whose time is up, soonest first (index polls_open). */
export async function findExpiredOpenPolls(
  db: Db,
  now: number,
  limit: number,
): Promise<Array<Pick<PollRow, 'id' | 'status_id' | 'account_id'>>> {
  return db
    .selectFrom('polls')
    .select(['id', 'status_id', 'account_id'])
    .where('closed_at', 'is', null)
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Marks an expired poll closed, only if nobody did yet: the one caller (of however many
 * processes) that gets true sends the "poll ended" notifications.
 */
export async function claimExpiredPoll(db: Db, id: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable('polls')
    .set({ closed_at: now })
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findVoterIds(db: Db, pollId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('poll_votes')
    .select('account_id')
    .distinct()
    .where('poll_id', '=', pollId)
    .orderBy('account_id')
    .execute();
  return rows.map((row) => row.account_id);
}

/**
 * The author's own "your poll ended" notification. `insertNotification` rightly refuses
 * notifications about one's own acts; this is the one Mastodon sends anyway.
 */
export async function insertPollEndedForAuthor(
  db: Db,
  poll: { accountId: number; statusId: number },
  now: number,
): Promise<number> {
  const id = newId();
  await db
    .insertInto('notifications')
    .values({
      id,
      account_id: poll.accountId,
      type: 'poll',
      from_account_id: poll.accountId,
      status_id: poll.statusId,
      created_at: now,
    })
    .execute();
  return id;
}
