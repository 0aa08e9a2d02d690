import { type Selectable, sql } from 'kysely';
import { forUpdate } from '../../db/dialect';
import { applyIdPage, type IdPage } from '../../db/pagination';
import type { Db } from '../../db/tables';
import type { IntroductionsTable, RelationshipsTable } from '../../db/tables/relationships.table';
import type { AccountRow } from '../accounts/accounts.queries';
import { visibleAccountSql } from '../visibility/account-scope.queries';
import type { AccountScope } from '../visibility/visibility';

export type IntroductionRow = Selectable<IntroductionsTable>;
export type IntroductionRole = 'requester' | 'introducer' | 'target';
type Standing = Pick<
  Selectable<RelationshipsTable>,
  'owner_id' | 'other_id' | 'stage' | 'declared' | 'last_substantive_at'
>;

/** Stored stages from which the stage shown now can still be recognition or above. */
const KNOWS = ['recognition', 'collaboration', 'trusted', 'close'] as const;

export async function insertIntroduction(db: Db, row: IntroductionRow): Promise<void> {
  await db.insertInto('introductions').values(row).execute();
}

export async function findIntroduction(db: Db, id: number): Promise<IntroductionRow | undefined> {
  return db.selectFrom('introductions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The introduction, locked until the transaction ends, so two answers cannot both win. */
export async function lockIntroduction(db: Db, id: number): Promise<IntroductionRow | undefined> {
  return forUpdate(
    db,
    db.selectFrom('introductions').selectAll().where('id', '=', id),
  ).executeTakeFirst();
}

export async function updateIntroduction(
  db: Db,
  id: number,
  changes: Partial<Pick<IntroductionRow, 'state' | 'declined_by' | 'note' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('introductions').set(changes).where('id', '=', id).execute();
}

/**
 * Serialises one person's requests (the check for an open one, then the insert) by locking
 * their account row on PostgreSQL; SQLite has one writer already.
 */
export async function lockRequester(db: Db, accountId: number): Promise<void> {
  await forUpdate(db, db.selectFrom('accounts').select('id').where('id', '=', accountId)).execute();
}

/** The requester's request to meet the target that is still waiting for an answer. */
export async function findOpenIntroduction(
  db: Db,
  requesterId: number,
  targetId: number,
): Promise<IntroductionRow | undefined> {
  return db
    .selectFrom('introductions')
    .selectAll()
    .where('requester_id', '=', requesterId)
    .where('target_id', '=', targetId)
    .where('state', 'in', ['requested', 'forwarded'])
    .executeTakeFirst();
}

/** How each of these pairs stands, from the first person's row (both rows agree on it). */
export async function standingsOf(
  db: Db,
  pairs: Array<[number, number]>,
): Promise<Map<string, Standing>> {
  if (pairs.length === 0) return new Map();
  const rows = await db
    .selectFrom('relationships')
    .select(['owner_id', 'other_id', 'stage', 'declared', 'last_substantive_at'])
    .where((eb) =>
      eb.or(pairs.map(([a, b]) => eb.and([eb('owner_id', '=', a), eb('other_id', '=', b)]))),
    )
    .execute();
  return new Map(rows.map((row) => [`${row.owner_id}:${row.other_id}`, row]));
}

/** Whether either of two people blocks the other. */
export async function blockedBetween(db: Db, a: number, b: number): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('account_id', '=', a), eb('target_account_id', '=', b)]),
        eb.and([eb('account_id', '=', b), eb('target_account_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export interface IntroducerCandidate {
  account: AccountRow;
  /** The candidate's relationship with the viewer, and with the target. */
  withViewer: Standing;
  withTarget: Standing;
}

/**
 * People whose stored stage is recognition or above with both the viewer and the target,
 * strongest with the viewer first: visible to the viewer, not suspended, not opted out, not
 * blocking or blocked by the viewer. The caller applies dormancy (the stage shown now).
 * Ordered by the viewer's own strength only: ordering by the candidate's strength with the
 * target would reveal more of a third person's relationship than the yes/no.
 */
export async function introducerCandidates(
  db: Db,
  options: { viewerId: number; scope: AccountScope; targetId: number; limit: number },
): Promise<IntroducerCandidate[]> {
  const { viewerId, targetId } = options;
  const rows = await db
    .selectFrom('relationships as mine')
    .innerJoin('relationships as theirs', (join) =>
      join.onRef('theirs.owner_id', '=', 'mine.other_id').on('theirs.other_id', '=', targetId),
    )
    .innerJoin('accounts as a', 'a.id', 'mine.other_id')
    .selectAll('a')
    .select([
      'mine.stage as mine_stage',
      'mine.declared as mine_declared',
      'mine.last_substantive_at as mine_last',
      'theirs.stage as theirs_stage',
      'theirs.declared as theirs_declared',
      'theirs.last_substantive_at as theirs_last',
    ])
    .where('mine.owner_id', '=', viewerId)
    .where('mine.other_id', '!=', targetId)
    .where('mine.stage', 'in', KNOWS)
    .where('theirs.stage', 'in', KNOWS)
    .where('a.suspended', '=', 0)
    .where(visibleAccountSql('a', options.scope, viewerId))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('relationship_opt_outs as o')
            .select('o.account_id')
            .whereRef('o.account_id', '=', 'a.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('blocks as b')
            .select('b.id')
            .where((w) =>
              w.or([
                w.and([
                  w('b.account_id', '=', viewerId),
                  w('b.target_account_id', '=', w.ref('a.id')),
                ]),
                w.and([
                  w('b.account_id', '=', w.ref('a.id')),
                  w('b.target_account_id', '=', viewerId),
                ]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('mine.score', 'desc')
    .orderBy('mine.id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map(
    ({
      mine_stage,
      mine_declared,
      mine_last,
      theirs_stage,
      theirs_declared,
      theirs_last,
      ...a
    }) => ({
      account: a as AccountRow,
      withViewer: {
        owner_id: viewerId,
        other_id: a.id,
        stage: mine_stage,
        declared: mine_declared,
        last_substantive_at: mine_last,
      },
      withTarget: {
        owner_id: a.id,
        other_id: targetId,
        stage: theirs_stage,
        declared: theirs_declared,
        last_substantive_at: theirs_last,
      },
    }),
  );
}

/** Only what a target may see: nothing until the introducer passed it on. */
const TARGET_SEES = sql<boolean>`(i.state in ('forwarded', 'accepted') or i.declined_by = 'target')`;

/**
 * A page of the viewer's introductions, newest first: in any role or one. Hidden when one
 * of the others is suspended or no longer visible to the viewer (the account rule), and from
 * the target before the introducer forwarded it.
 */
export async function listIntroductionRows(
  db: Db,
  options: {
    viewerId: number;
    scope: AccountScope;
    role: IntroductionRole | undefined;
    page: IdPage;
  },
): Promise<IntroductionRow[]> {
  const { viewerId, role } = options;
  let query = db
    .selectFrom('introductions as i')
    .innerJoin('accounts as r', 'r.id', 'i.requester_id')
    .innerJoin('accounts as b', 'b.id', 'i.introducer_id')
    .innerJoin('accounts as t', 't.id', 'i.target_id')
    .selectAll('i')
    .where('r.suspended', '=', 0)
    .where('b.suspended', '=', 0)
    .where('t.suspended', '=', 0)
    .where(visibleAccountSql('r', options.scope, viewerId))
    .where(visibleAccountSql('b', options.scope, viewerId))
    .where(visibleAccountSql('t', options.scope, viewerId));
  const asTarget = sql<boolean>`(i.target_id = ${viewerId} and ${TARGET_SEES})`;
  if (role === 'requester') query = query.where('i.requester_id', '=', viewerId);
  else if (role === 'introducer') query = query.where('i.introducer_id', '=', viewerId);
  else if (role === 'target') query = query.where(asTarget);
  else {
    query = query.where(
      sql<boolean>`(i.requester_id = ${viewerId} or i.introducer_id = ${viewerId} or ${asTarget})`,
    );
  }
  return applyIdPage(query, 'i.id', options.page).execute();
}
