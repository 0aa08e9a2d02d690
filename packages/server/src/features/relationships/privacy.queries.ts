import type { Db } from '../../db/tables';
import type { InteractionKind } from '../../db/tables/communities.table';
import type { IntroductionsTable } from '../../db/tables/relationships.table';
import { lockActors } from './model.queries';

export async function isOptedOut(db: Db, accountId: number): Promise<boolean> {
  const row = await db
    .selectFrom('relationship_opt_outs')
    .select('account_id')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Turns relationship insights off for someone, in the caller's transaction: the opt-out,
 * then everything the model derived about them. Their tallies go both ways; every
 * relationship row with them (theirs and other people's about them) goes back to stage
 * `none` with no strength or dates. Private fields stay: notes, reminders and marks are
 * what each person wrote themselves, not computed, and count again only if they turn
 * insights back on. The ledger itself stays (it holds that an act happened, never its
 * contents) so turning back on can rebuild from it.
 */
export async function optOut(trx: Db, accountId: number, now: number): Promise<void> {
  // The lock a rebuild of their pairs holds: a rebuild under way finishes first.
  await lockActors(trx, [accountId]);
  await trx
    .insertInto('relationship_opt_outs')
    .values({ account_id: accountId, created_at: now })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute();
  await trx.deleteFrom('interaction_tallies').where('actor_id', '=', accountId).execute();
  await trx.deleteFrom('interaction_tallies').where('target_id', '=', accountId).execute();
  const cleared = {
    stage: 'none' as const,
    declared: 0,
    score: 0,
    reciprocated: 0,
    first_interaction_at: null,
    last_interaction_at: null,
    last_substantive_at: null,
    updated_at: now,
  };
  const rows = await trx
    .updateTable('relationships')
    .set(cleared)
    .where('owner_id', '=', accountId)
    .returning('other_id')
    .execute();
  // A pair's summary is written to both rows, so the rows about them are the mirror of
  // theirs: each found through the (owner_id, other_id) key, never a scan by other_id.
  const others = rows.map((row) => row.other_id);
  for (let i = 0; i < others.length; i += 500) {
    await trx
      .updateTable('relationships')
      .set(cleared)
      .where('owner_id', 'in', others.slice(i, i + 500))
      .where('other_id', '=', accountId)
      .execute();
  }
}

export async function optIn(trx: Db, accountId: number): Promise<boolean> {
  const result = await trx
    .deleteFrom('relationship_opt_outs')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Everyone someone has a pair with: the people in the ledger with them (the interactions
 * indexes by actor and by target) and the people they keep a row about (marks alone can
 * make a stage).
 */
export async function partnersOf(db: Db, accountId: number): Promise<number[]> {
  const [outgoing, incoming, rows] = await Promise.all([
    db
      .selectFrom('interactions')
      .select('target_id as id')
      .distinct()
      .where('actor_id', '=', accountId)
      .execute(),
    db
      .selectFrom('interactions')
      .select('actor_id as id')
      .distinct()
      .where('target_id', '=', accountId)
      .execute(),
    db
      .selectFrom('relationships')
      .select('other_id as id')
      .where('owner_id', '=', accountId)
      .execute(),
  ]);
  const ids = new Set([...outgoing, ...incoming, ...rows].map((row) => row.id));
  ids.delete(accountId);
  return [...ids].sort((a, b) => a - b);
}

/** Every row of the person's own, stage `none` (notes only) included. */
export async function ownRelationshipRows(db: Db, ownerId: number) {
  return db
    .selectFrom('relationships')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .orderBy('score', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export interface LedgerAct {
  kind: InteractionKind;
  actor_id: number;
  target_id: number;
  context: string | null;
  created_at: number;
}

/** The acts someone took part in, either way, oldest first. */
export async function actsOf(db: Db, accountId: number): Promise<LedgerAct[]> {
  const columns = ['kind', 'actor_id', 'target_id', 'context', 'created_at'] as const;
  const [outgoing, incoming] = await Promise.all([
    db.selectFrom('interactions').select(columns).where('actor_id', '=', accountId).execute(),
    db.selectFrom('interactions').select(columns).where('target_id', '=', accountId).execute(),
  ]);
  return [...outgoing, ...incoming].sort((a, b) => a.created_at - b.created_at);
}

export type IntroductionRow = IntroductionsTable;

/** The introductions someone asked for, was asked to make, or was introduced through. */
export async function introductionsOf(db: Db, accountId: number): Promise<IntroductionRow[]> {
  const byRole = (column: 'requester_id' | 'introducer_id' | 'target_id') =>
    db.selectFrom('introductions').selectAll().where(column, '=', accountId).execute();
  const [asked, introducing, introduced] = await Promise.all([
    byRole('requester_id'),
    byRole('introducer_id'),
    byRole('target_id'),
  ]);
  const seen = new Map<number, IntroductionRow>();
  for (const row of [...asked, ...introducing, ...introduced]) seen.set(row.id, row);
  return [...seen.values()].sort((a, b) => a.id - b.id);
}
