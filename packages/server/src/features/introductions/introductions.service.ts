import type { CreateIntroduction, Introduction, IntroductionListQuery } from '@rapport/schema';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { newId } from '../../db/ids';
import { finishIdPage, idPage } from '../../db/pagination';
import type { Db } from '../../db/tables';
import { HttpError, notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { type AccountRow, findAccountById, findAccountsByIds } from '../accounts/accounts.queries';
import { optedOutAmong } from '../relationships/model.queries';
import { canSeeAccount } from '../visibility/account-visibility';
import { accountScope } from '../visibility/visibility';
import { announceStep, notifyStep } from './introductions.notify';
import { presentIntroductions } from './introductions.presenter';
import {
  blockedBetween,
  findOpenIntroduction,
  type IntroductionRow,
  insertIntroduction,
  introducerCandidates,
  listIntroductionRows,
  lockRequester,
  standingsOf,
} from './introductions.queries';
import {
  ensureTakingPart,
  knowsNow,
  nameOf,
  seenIntroduction,
  unavailable,
} from './introductions.rules';

/** Everyone it may name: the viewer's own list and anything that shows who could introduce. */
export const MAX_INTRODUCERS = 10;
/** Candidates read before dormancy filters some out; the strongest rarely fall silent. */
const CANDIDATE_FACTOR = 5;

/** Another person the viewer may see, not suspended: 404 otherwise (never says which). */
async function visiblePerson(db: Db, viewer: Viewer, id: number): Promise<AccountRow> {
  const account = await findAccountById(db, id);
  if (!account || account.suspended === 1 || !(await canSeeAccount(db, viewer, account))) {
    throw notFound('Account');
  }
  return account;
}

/**
 * The people who could introduce the viewer to the target: recognition or above (as shown
 * now, after dormancy) with both, not opted out, visible to the viewer, strongest with the
 * viewer first. This yes/no is the one thing Rapport ever discloses about a third person's
 * relationship (DESIGN.md section 3); never its stage or strength. The advice and the
 * person card reuse it.
 */
export async function introducersFor(
  db: Db,
  viewer: Viewer,
  targetId: number,
  limit = MAX_INTRODUCERS,
): Promise<AccountRow[]> {
  if (targetId === viewer.id) return [];
  const optedOut = await optedOutAmong(db, [viewer.id, targetId]);
  if (optedOut.size > 0) return [];
  const now = Date.now();
  const candidates = await introducerCandidates(db, {
    viewerId: viewer.id,
    scope: accountScope(viewer),
    targetId,
    limit: limit * CANDIDATE_FACTOR,
  });
  return candidates
    .filter((c) => knowsNow(c.withViewer, now) && knowsNow(c.withTarget, now))
    .slice(0, limit)
    .map((c) => c.account);
}

/** The introducers endpoint: the target must be someone the viewer may see, not themselves. */
export async function listIntroducers(
  ctx: AppContext,
  viewer: Viewer,
  targetId: number,
): Promise<AccountRow[]> {
  if (targetId === viewer.id) {
    throw validationFailed({ target_id: ['is you: nobody needs an introduction to themselves'] });
  }
  const target = await visiblePerson(ctx.db, viewer, targetId);
  return introducersFor(ctx.db, viewer, target.id);
}

export async function listIntroductions(
  ctx: AppContext,
  viewer: Viewer,
  query: z.infer<typeof IntroductionListQuery>,
): Promise<{ items: Introduction[]; ids: number[]; page: ReturnType<typeof idPage> }> {
  const page = idPage(query, 20, 80);
  const rows = finishIdPage(
    await listIntroductionRows(ctx.db, {
      viewerId: viewer.id,
      scope: accountScope(viewer),
      role: query.role,
      page,
    }),
    page,
  );
  const accounts = await findAccountsByIds(ctx.db, [
    ...new Set(rows.flatMap((r) => [r.requester_id, r.introducer_id, r.target_id])),
  ]);
  return {
    items: presentIntroductions(ctx, viewer.id, rows, accounts),
    ids: rows.map((r) => r.id),
    page,
  };
}

export async function getIntroduction(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<Introduction> {
  const seen = await seenIntroduction(ctx.db, viewer, id);
  return present(ctx, viewer, seen.row, [seen.requester, seen.introducer, seen.target]);
}

export function present(
  ctx: AppContext,
  viewer: Viewer,
  row: IntroductionRow,
  people: AccountRow[],
): Introduction {
  const [introduction] = presentIntroductions(ctx, viewer.id, [row], people);
  if (!introduction) throw notFound('Introduction');
  return introduction;
}

const refused = (message: string, field: string) =>
  new HttpError(422, 'validation_failed', message, { [field]: [message] });

/**
 * The requester asks a mutual contact for an introduction. Three different people, each
 * visible to the requester and taking part in relationship features; the introducer knows
 * both (recognition or above, as shown now); the requester does not know the target yet;
 * and has no other request to meet them waiting for an answer. The introducer is told.
 */
export async function createIntroduction(
  ctx: AppContext,
  viewer: Viewer,
  input: CreateIntroduction,
): Promise<Introduction> {
  const introducerId = Number(input.introducer_id);
  const targetId = Number(input.target_id);
  if (introducerId === viewer.id) {
    throw refused('You cannot introduce yourself: ask someone who knows you both', 'introducer_id');
  }
  if (targetId === viewer.id) {
    throw refused('You cannot ask for an introduction to yourself', 'target_id');
  }
  if (introducerId === targetId) {
    throw refused(
      'The introducer must be someone other than the person you want to meet',
      'introducer_id',
    );
  }
  const introducer = await visiblePerson(ctx.db, viewer, introducerId);
  const target = await visiblePerson(ctx.db, viewer, targetId);
  const requester = await visiblePerson(ctx.db, viewer, viewer.id);
  await ensureTakingPart(ctx.db, viewer, [requester, introducer, target]);
  for (const other of [introducer, target]) {
    if (await blockedBetween(ctx.db, viewer.id, other.id)) throw unavailable(other);
  }

  const now = Date.now();
  const standings = await standingsOf(ctx.db, [
    [viewer.id, target.id],
    [viewer.id, introducer.id],
    [introducer.id, target.id],
  ]);
  const knows = (a: number, b: number) => {
    const row = standings.get(`${a}:${b}`);
    return row !== undefined && knowsNow(row, now);
  };
  if (knows(viewer.id, target.id)) {
    throw refused(
      `You already know ${nameOf(target)}: you can write to them directly`,
      'target_id',
    );
  }
  if (!knows(viewer.id, introducer.id)) {
    throw refused(
      `You and ${nameOf(introducer)} need to know each other (recognition or above) before you ask them for an introduction`,
      'introducer_id',
    );
  }
  if (!knows(introducer.id, target.id)) {
    throw refused(
      `${nameOf(introducer)} cannot introduce you to ${nameOf(target)}: ask someone who knows you both`,
      'introducer_id',
    );
  }

  const row: IntroductionRow = {
    id: newId(),
    requester_id: viewer.id,
    introducer_id: introducer.id,
    target_id: target.id,
    state: 'requested',
    declined_by: null,
    message: input.message,
    note: null,
    created_at: now,
    updated_at: now,
  };
  const people = { requester, introducer, target };
  const sent = await ctx.db.transaction().execute(async (trx) => {
    await lockRequester(trx, viewer.id);
    if (await findOpenIntroduction(trx, viewer.id, target.id)) {
      throw refused(
        `You already asked for an introduction to ${nameOf(target)}; wait for the answer`,
        'target_id',
      );
    }
    await insertIntroduction(trx, row);
    return notifyStep(trx, 'requested', row, people, requester);
  });
  announceStep(ctx, 'requested', row, viewer.id, sent);
  return present(ctx, viewer, row, [requester, introducer, target]);
}
