import type { Poll } from '@rapport/schema';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import { toIso } from '../../lib/time';
import { findOwnVotes, findPollsOfStatuses, type PollRow } from './polls.queries';

const Titles = z.array(z.string());
const Counts = z.array(z.number().int());

export const pollOptions = (row: PollRow): string[] => Titles.parse(JSON.parse(row.options));
export const pollCounts = (row: PollRow): number[] => Counts.parse(JSON.parse(row.option_votes));

/**
 * A poll as `viewerId` sees it. With hide_totals, the per-option counts stay hidden until
 * the poll ends, except from its author. The author counts as having voted, as in Mastodon
 * (they may not vote, and their apps then show the results).
 */
export function presentPoll(row: PollRow, viewerId: number, ownVotes: number[], now: number): Poll {
  const expired = row.expires_at <= now;
  const author = row.account_id === viewerId;
  const showCounts = expired || row.hide_totals === 0 || author;
  const counts = pollCounts(row);
  return {
    id: String(row.id),
    expires_at: toIso(row.expires_at),
    expired,
    multiple: row.multiple === 1,
    votes_count: row.votes_count,
    voters_count: row.voters_count,
    options: pollOptions(row).map((title, index) => ({
      title,
      votes_count: showCounts ? (counts[index] ?? 0) : null,
    })),
    emojis: [],
    voted: author || ownVotes.length > 0,
    own_votes: ownVotes,
  };
}

/** One poll with the viewer's own votes. */
export async function presentPollFor(db: Db, viewerId: number, row: PollRow): Promise<Poll> {
  const votes = await findOwnVotes(db, viewerId, [row.id]);
  return presentPoll(
    row,
    viewerId,
    votes.map((vote) => vote.choice),
    Date.now(),
  );
}

/** The poll of each status that has one, with the viewer's own votes. Two queries per batch. */
export async function pollsByStatus(
  _ctx: AppContext,
  db: Db,
  viewerId: number,
  statusIds: number[],
): Promise<Map<number, Poll>> {
  const rows = await findPollsOfStatuses(db, statusIds);
  const votes = await findOwnVotes(
    db,
    viewerId,
    rows.map((row) => row.id),
  );
  const choicesOf = new Map<number, number[]>();
  for (const vote of votes) {
    choicesOf.set(vote.poll_id, [...(choicesOf.get(vote.poll_id) ?? []), vote.choice]);
  }
  const now = Date.now();
  return new Map(
    rows.map((row) => [
      row.status_id,
      presentPoll(row, viewerId, choicesOf.get(row.id) ?? [], now),
    ]),
  );
}
