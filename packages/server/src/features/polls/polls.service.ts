import type { CreateStatusInput } from '@rapport/schema';
import type { AppContext } from '../../context';
import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import { HttpError, notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { insertNotification } from '../notifications/notifications.queries';
import { announceStatusUpdated } from '../statuses/statuses.events';
import { getVisibleStatus } from '../statuses/statuses.service';
import { pollCounts, pollOptions } from './polls.presenter';
import {
  claimExpiredPoll,
  deletePoll,
  deleteVotes,
  findExpiredOpenPolls,
  findOwnVotes,
  findPollById,
  findVoterIds,
  insertPoll,
  insertPollEndedForAuthor,
  insertVotes,
  lockPoll,
  lockPollOfStatus,
  type PollRow,
  updatePoll,
} from './polls.queries';

export type PollInput = NonNullable<CreateStatusInput['poll']>;

/** The columns a poll input sets; the schema already checked counts, lengths and expiry. */
function pollFields(poll: PollInput, now: number) {
  if (new Set(poll.options).size !== poll.options.length) {
    throw validationFailed({ 'poll.options': ['must not contain duplicates'] });
  }
  return {
    options: JSON.stringify(poll.options),
    multiple: poll.multiple ? 1 : 0,
    hide_totals: poll.hide_totals ? 1 : 0,
    expires_at: now + poll.expires_in * 1000,
    updated_at: now,
  };
}

const noVotes = (poll: PollInput) => ({
  option_votes: JSON.stringify(poll.options.map(() => 0)),
  votes_count: 0,
  voters_count: 0,
});

/** Creates the poll of a new status inside its transaction. */
export async function createPoll(
  trx: Db,
  input: { statusId: number; accountId: number; poll: PollInput; now: number },
): Promise<void> {
  await insertPoll(trx, {
    id: newId(),
    status_id: input.statusId,
    account_id: input.accountId,
    ...pollFields(input.poll, input.now),
    ...noVotes(input.poll),
    closed_at: null,
    created_at: input.now,
  });
}

/**
 * A status edit's poll, as Mastodon does it: the poll keeps its id; changed options (or a
 * change between single and multiple choice) void the votes cast, since they answered
 * another question; the new duration counts from now, so the poll is open again. `null`
 * removes the poll.
 */
export async function replacePoll(
  trx: Db,
  input: { statusId: number; accountId: number; poll: PollInput | null; now: number },
): Promise<void> {
  const current = await lockPollOfStatus(trx, input.statusId);
  if (input.poll === null) {
    if (current) await deletePoll(trx, current.id);
    return;
  }
  if (!current) {
    await createPoll(trx, { ...input, poll: input.poll });
    return;
  }
  const fields = pollFields(input.poll, input.now);
  const changed = fields.options !== current.options || fields.multiple !== current.multiple;
  if (changed) await deleteVotes(trx, current.id);
  await updatePoll(trx, current.id, {
    ...fields,
    ...(changed ? noVotes(input.poll) : {}),
    closed_at: null,
  });
}

/** The poll, if the viewer may see its status; 404 otherwise. */
export async function getVisiblePoll(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<PollRow> {
  const poll = await findPollById(ctx.db, id);
  if (!poll) throw notFound();
  await getVisibleStatus(ctx, viewer, poll.status_id);
  return poll;
}

/** A refused vote, in Mastodon's words ("Validation failed: The poll has already ended"). */
const refused = (reason: string) =>
  new HttpError(422, 'validation_failed', `Validation failed: ${reason}`, { choices: [reason] });

/**
 * Records the viewer's vote. The poll row stays locked from the checks to the new counts,
 * so votes cast at the same moment are all counted and nobody votes twice. Streams hear of
 * the new counts after commit.
 */
export async function voteInPoll(
  ctx: AppContext,
  viewer: Viewer,
  pollId: number,
  choices: number[],
): Promise<PollRow> {
  await getVisiblePoll(ctx, viewer, pollId);
  const picked = [...new Set(choices)];
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const poll = await lockPoll(trx, pollId);
    if (!poll) throw notFound();
    const now = Date.now();
    const counts = pollCounts(poll);
    if (poll.expires_at <= now) throw refused('The poll has already ended');
    if (picked.some((choice) => choice >= pollOptions(poll).length)) {
      throw refused('The chosen vote option does not exist');
    }
    if (poll.account_id === viewer.id) throw refused('You cannot vote in your own polls');
    if (poll.multiple === 0 && picked.length > 1) {
      throw refused('This poll allows only one choice');
    }
    if ((await findOwnVotes(trx, viewer.id, [poll.id])).length > 0) {
      throw refused('You have already voted on this poll');
    }
    await insertVotes(trx, { pollId: poll.id, accountId: viewer.id, choices: picked, now });
    for (const choice of picked) counts[choice] = (counts[choice] ?? 0) + 1;
    const patch = {
      option_votes: JSON.stringify(counts),
      votes_count: poll.votes_count + picked.length,
      voters_count: poll.voters_count + 1,
      updated_at: now,
    };
    await updatePoll(trx, poll.id, patch);
    return { ...poll, ...patch };
  });
  await announceStatusUpdated(ctx, updated.status_id);
  return updated;
}

/** How many expired polls one pass closes; the next pass takes the rest. */
const CLOSE_BATCH = 200;

/**
 * Closes the polls whose time is up: each voter and the author get a `poll` notification,
 * once, even with several processes running this at the same moment (a poll is claimed by
 * a conditional update inside the transaction that writes its notifications). Returns how
 * many polls this call closed.
 */
export async function closeExpiredPolls(ctx: AppContext, now: number): Promise<number> {
  let closed = 0;
  for (const poll of await findExpiredOpenPolls(ctx.db, now, CLOSE_BATCH)) {
    try {
      if (await closePoll(ctx, poll, now)) closed += 1;
    } catch (error) {
      // One poll failing (its status deleted meanwhile) must not hold back the others.
      ctx.log.error({ err: error, pollId: poll.id }, 'closing a poll failed');
    }
  }
  return closed;
}

async function closePoll(
  ctx: AppContext,
  poll: { id: number; status_id: number; account_id: number },
  now: number,
): Promise<boolean> {
  const notified = await ctx.db.transaction().execute(async (trx) => {
    if (!(await claimExpiredPoll(trx, poll.id, now))) return null;
    const sent: Array<{ id: number; accountId: number }> = [];
    for (const voterId of await findVoterIds(trx, poll.id)) {
      const id = await insertNotification(trx, {
        accountId: voterId,
        type: 'poll',
        fromAccountId: poll.account_id,
        statusId: poll.status_id,
      });
      if (id !== null) sent.push({ id, accountId: voterId });
    }
    const own = { accountId: poll.account_id, statusId: poll.status_id };
    sent.push({ id: await insertPollEndedForAuthor(trx, own, now), accountId: poll.account_id });
    return sent;
  });
  if (!notified) return false;
  for (const notification of notified) {
    ctx.events.emit({
      type: 'notification.created',
      notification_id: String(notification.id),
      account_id: String(notification.accountId),
    });
  }
  await announceStatusUpdated(ctx, poll.status_id);
  return true;
}

/** Closes expired polls every 15 seconds on an unref'd timer; returns the function that stops it. */
export function startPollCloser(ctx: AppContext, everyMs = 15_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    closeExpiredPolls(ctx, Date.now())
      .catch((error: unknown) => ctx.log.error({ err: error }, 'closing expired polls failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
