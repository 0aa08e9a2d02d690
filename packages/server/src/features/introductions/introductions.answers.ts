import type { ForwardIntroduction, Introduction } from '@rapport/schema';
import type { AppContext } from '../../context';
import { HttpError } from '../../errors';
import type { Viewer } from '../../http/auth';
import { recordInteractions } from '../interactions/interactions.queries';
import { announceStep, notifyStep, type Sent } from './introductions.notify';
import { type IntroductionRow, updateIntroduction } from './introductions.queries';
import {
  ensureTakingPart,
  nameOf,
  type SeenIntroduction,
  seenIntroduction,
} from './introductions.rules';
import { present } from './introductions.service';

const conflict = (message: string) => new HttpError(409, 'conflict', message);
const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

/** Why an answer no longer fits, in the words of where the introduction stands. */
function settled(seen: SeenIntroduction): HttpError {
  switch (seen.row.state) {
    case 'forwarded':
      return conflict(
        `This introduction was already passed on; it is for ${nameOf(seen.target)} to answer now`,
      );
    case 'accepted':
      return conflict('This introduction was already accepted');
    case 'declined':
      return conflict('This introduction was already declined');
    default:
      return conflict(`This introduction is waiting for ${nameOf(seen.introducer)} to pass it on`);
  }
}

/**
 * One answer, in one transaction: the introduction is locked, who may answer and whether
 * its state allows it are checked, then `apply` writes the change; notifications and the
 * domain event follow the commit.
 */
async function answer(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  step: 'forwarded' | 'declined' | 'accepted',
  allowed: (seen: SeenIntroduction) => void,
  apply: (
    trx: Parameters<typeof recordInteractions>[0],
    seen: SeenIntroduction,
    now: number,
  ) => Promise<Partial<IntroductionRow>>,
): Promise<Introduction> {
  const { row, people, sent } = await ctx.db.transaction().execute(async (trx) => {
    const seen = await seenIntroduction(trx, viewer, id, { lock: true });
    allowed(seen);
    await ensureTakingPart(trx, viewer, [seen.requester, seen.introducer, seen.target]);
    const now = Date.now();
    const changes = { ...(await apply(trx, seen, now)), updated_at: now };
    await updateIntroduction(trx, id, changes);
    const updated: IntroductionRow = { ...seen.row, ...changes };
    const by = seen[seen.role];
    const sent: Sent = await notifyStep(trx, step, updated, seen, by);
    return { row: updated, people: [seen.requester, seen.introducer, seen.target], sent };
  });
  announceStep(ctx, step, row, viewer.id, sent);
  return present(ctx, viewer, row, people);
}

/** The introducer passes the request on to the target, with a note if they like. */
export function forwardIntroduction(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  input: ForwardIntroduction,
): Promise<Introduction> {
  return answer(
    ctx,
    viewer,
    id,
    'forwarded',
    (seen) => {
      if (seen.role !== 'introducer') {
        throw forbidden(`Only ${nameOf(seen.introducer)} can pass this introduction on`);
      }
      if (seen.row.state !== 'requested') throw settled(seen);
    },
    async () => ({ state: 'forwarded', note: input.note ? input.note : null }),
  );
}

/** The introducer declines a request; the target declines what was passed on to them. */
export function declineIntroduction(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<Introduction> {
  return answer(
    ctx,
    viewer,
    id,
    'declined',
    (seen) => {
      if (seen.role === 'requester') {
        throw forbidden(
          `Only ${nameOf(seen.introducer)} or ${nameOf(seen.target)} can decline this introduction`,
        );
      }
      const turn = seen.role === 'introducer' ? 'requested' : 'forwarded';
      if (seen.row.state !== turn) throw settled(seen);
    },
    async (_trx, seen) => ({
      state: 'declined',
      declined_by: seen.role as 'introducer' | 'target',
    }),
  );
}

/**
 * The target accepts: an `introduction` act each way between requester and target, which
 * the model reads as recognition (summarisePair), in the same transaction.
 */
export function acceptIntroduction(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<Introduction> {
  return answer(
    ctx,
    viewer,
    id,
    'accepted',
    (seen) => {
      if (seen.role !== 'target') {
        throw forbidden(`Only ${nameOf(seen.target)} can accept this introduction`);
      }
      if (seen.row.state !== 'forwarded') throw settled(seen);
    },
    async (trx, seen, now) => {
      const act = (actorId: number, targetId: number) => ({
        kind: 'introduction' as const,
        actorId,
        targetId,
        subjectType: 'introduction',
        subjectId: seen.row.id,
        communityId: null,
        at: now,
        context: `introduction:${seen.row.id}`,
      });
      await recordInteractions(trx, [
        act(seen.requester.id, seen.target.id),
        act(seen.target.id, seen.requester.id),
      ]);
      return { state: 'accepted' };
    },
  );
}
