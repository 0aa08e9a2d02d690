import type { RelationshipStage } from '@rapport/schema';
import type { Db } from '../../db/tables';
import { HttpError, notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { type AccountRow, findAccountsByIds } from '../accounts/accounts.queries';
import { stageAtLeast, standingAt } from '../relationships/model';
import { optedOutAmong } from '../relationships/model.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import {
  findIntroduction,
  type IntroductionRole,
  type IntroductionRow,
  lockIntroduction,
} from './introductions.queries';

export const nameOf = (account: Pick<AccountRow, 'display_name' | 'username'>) =>
  account.display_name.trim() || account.username;

/** The viewer's part in an introduction, or null when they are not in it. */
export function roleOf(row: IntroductionRow, viewerId: number): IntroductionRole | null {
  if (row.requester_id === viewerId) return 'requester';
  if (row.introducer_id === viewerId) return 'introducer';
  if (row.target_id === viewerId) return 'target';
  return null;
}

/** A stored relationship row as the stage shown now: recognition or above, after dormancy. */
export function knowsNow(
  row: { stage: RelationshipStage; declared: number; last_substantive_at: number | null },
  now: number,
): boolean {
  const shown = standingAt(row.stage, row.declared === 1, row.last_substantive_at, now);
  return stageAtLeast(shown.stage, 'recognition');
}

export const unavailable = (account: AccountRow) =>
  new HttpError(422, 'validation_failed', `${nameOf(account)} is not available for introductions`);

/**
 * Refuses when anyone in it turned relationship features off: nothing about them is
 * computed for others, introductions included.
 */
export async function ensureTakingPart(
  db: Db,
  viewer: Viewer,
  people: AccountRow[],
): Promise<void> {
  const optedOut = await optedOutAmong(
    db,
    people.map((p) => p.id),
  );
  if (optedOut.has(viewer.id)) {
    throw new HttpError(
      422,
      'validation_failed',
      'You turned relationship features off; turn them on to take part in introductions',
    );
  }
  const other = people.find((p) => optedOut.has(p.id));
  if (other) throw unavailable(other);
}

export interface SeenIntroduction {
  row: IntroductionRow;
  role: IntroductionRole;
  requester: AccountRow;
  introducer: AccountRow;
  target: AccountRow;
}

/**
 * Only its three people see an introduction (admins included in "nobody else"), the target
 * only once it was passed on, and nobody while one of the others is suspended or hidden from
 * them by the account rule. Otherwise 404, as for anything one may not see.
 */
export async function seenIntroduction(
  db: Db,
  viewer: Viewer,
  id: number,
  options: { lock?: boolean } = {},
): Promise<SeenIntroduction> {
  const row = options.lock ? await lockIntroduction(db, id) : await findIntroduction(db, id);
  const role = row ? roleOf(row, viewer.id) : null;
  if (!row || !role) throw notFound('Introduction');
  const passedOn = row.state === 'forwarded' || row.state === 'accepted';
  if (role === 'target' && !passedOn && row.declined_by !== 'target') {
    throw notFound('Introduction');
  }
  const ids = [row.requester_id, row.introducer_id, row.target_id];
  const accounts = await findAccountsByIds(db, ids);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const [requester, introducer, target] = ids.map((i) => byId.get(i));
  if (!requester || !introducer || !target) throw notFound('Introduction');
  const people = [requester, introducer, target];
  if (people.some((p) => p.suspended === 1)) throw notFound('Introduction');
  if ((await visibleAccounts(db, viewer, people)).length !== 3) throw notFound('Introduction');
  return { row, role, requester, introducer, target };
}
