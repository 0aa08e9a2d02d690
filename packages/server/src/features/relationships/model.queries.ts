import { sql } from 'kysely';
import { dialectOf } from '../../db/dialect';
import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import type { InteractionKind } from '../../db/tables/communities.table';
import type { RelationshipsTable } from '../../db/tables/relationships.table';
import { type Marks, type PairSummary, scoreOf, summarisePair, type Tally } from './model';

/** A recorded act as the model needs it. */
export interface ModelAct {
  actor_id: number;
  target_id: number;
  kind: InteractionKind;
  context: string;
  created_at: number;
}

/**
 * The incremental update: the acts' tallies, then each pair they touch re-summarised from
 * that pair's tallies alone, so one act costs the same whatever the size of the
 * organisation. Runs in the caller's transaction. People who opted out are left out.
 */
export async function applyActs(db: Db, acts: ModelAct[], now = Date.now()): Promise<void> {
  if (acts.length === 0) return;
  const optedOut = await optedOutAmong(db, [
    ...new Set(acts.flatMap((a) => [a.actor_id, a.target_id])),
  ]);
  const kept = acts.filter((a) => !optedOut.has(a.actor_id) && !optedOut.has(a.target_id));
  if (kept.length === 0) return;
  await lockActors(
    db,
    kept.map((a) => a.actor_id),
  );
  for (const tally of tallyActs(kept)) await addTally(db, tally);
  const pairs = new Map<string, [number, number]>();
  for (const act of kept) {
    const [a, b] = [act.actor_id, act.target_id].sort((x, y) => x - y) as [number, number];
    pairs.set(`${a}:${b}`, [a, b]);
  }
  for (const [a, b] of pairs.values()) await refreshPair(db, a, b, now);
}

/** Acts summed per (actor, target, kind, context). */
export function tallyActs(acts: ModelAct[]): Tally[] {
  const tallies = new Map<string, Tally>();
  for (const act of acts) {
    const key = `${act.actor_id}:${act.target_id}:${act.kind}:${act.context}`;
    const tally = tallies.get(key);
    const score = scoreOf(act.kind, act.created_at);
    if (tally) {
      tally.count += 1;
      tally.first_at = Math.min(tally.first_at, act.created_at);
      tally.last_at = Math.max(tally.last_at, act.created_at);
      tally.score += score;
    } else {
      tallies.set(key, {
        actor_id: act.actor_id,
        target_id: act.target_id,
        kind: act.kind,
        context: act.context,
        count: 1,
        first_at: act.created_at,
        last_at: act.created_at,
        score,
      });
    }
  }
  return [...tallies.values()];
}

/**
 * On PostgreSQL, a transaction-scoped advisory lock per actor keeps an incremental update
 * and the full recomputation of the same person's tallies from interleaving (keyed by the
 * account id: Rapport takes no other advisory locks). SQLite runs one writer at a time.
 */
export async function lockActors(db: Db, actorIds: number[]): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  for (const id of [...new Set(actorIds)].sort((a, b) => a - b)) {
    await sql`select pg_advisory_xact_lock(${id}::bigint)`.execute(db);
  }
}

async function addTally(db: Db, tally: Tally): Promise<void> {
  await db
    .insertInto('interaction_tallies')
    .values(tally)
    .onConflict((oc) =>
      oc.columns(['actor_id', 'target_id', 'kind', 'context']).doUpdateSet({
        count: sql`interaction_tallies.count + excluded.count`,
        first_at: sql`case when excluded.first_at < interaction_tallies.first_at then excluded.first_at else interaction_tallies.first_at end`,
        last_at: sql`case when excluded.last_at > interaction_tallies.last_at then excluded.last_at else interaction_tallies.last_at end`,
        score: sql`interaction_tallies.score + excluded.score`,
      }),
    )
    .execute();
}

/** Both directions' tallies between two people. */
export async function pairTallies(db: Db, a: number, b: number): Promise<Tally[]> {
  return db
    .selectFrom('interaction_tallies')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('actor_id', '=', a), eb('target_id', '=', b)]),
        eb.and([eb('actor_id', '=', b), eb('target_id', '=', a)]),
      ]),
    )
    .execute();
}

type RelationshipRow = RelationshipsTable;

export async function pairRows(db: Db, a: number, b: number): Promise<RelationshipRow[]> {
  return db
    .selectFrom('relationships')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('owner_id', '=', a), eb('other_id', '=', b)]),
        eb.and([eb('owner_id', '=', b), eb('other_id', '=', a)]),
      ]),
    )
    .execute();
}

export function marksOf(rows: RelationshipRow[], ownerId: number): Marks {
  const own = rows.find((r) => r.owner_id === ownerId);
  const other = rows.find((r) => r.owner_id !== ownerId);
  return {
    ownerTrusted: own?.mark_trusted === 1,
    otherTrusted: other?.mark_trusted === 1,
    ownerClose: own?.mark_close === 1,
    otherClose: other?.mark_close === 1,
  };
}

/** Re-summarises one pair from its tallies and marks and writes both people's rows. */
export async function refreshPair(db: Db, a: number, b: number, now = Date.now()): Promise<void> {
  const [tallies, rows] = await Promise.all([pairTallies(db, a, b), pairRows(db, a, b)]);
  const summary = summarisePair(a, tallies, marksOf(rows, a));
  await writeSummary(db, rows, a, b, summary, now);
  await writeSummary(db, rows, b, a, summary, now);
}

export function summaryColumns(summary: PairSummary, now: number) {
  return {
    stage: summary.stage,
    declared: summary.declared ? 1 : 0,
    score: summary.score,
    reciprocated: summary.reciprocated ? 1 : 0,
    first_interaction_at: summary.firstInteractionAt,
    last_interaction_at: summary.lastInteractionAt,
    last_substantive_at: summary.lastSubstantiveAt,
    updated_at: now,
  };
}

/** Writes one person's row of a pair: the summary beside their own private fields. */
export async function writeSummary(
  db: Db,
  existing: RelationshipRow[],
  ownerId: number,
  otherId: number,
  summary: PairSummary,
  now: number,
): Promise<void> {
  const row = existing.find((r) => r.owner_id === ownerId && r.other_id === otherId);
  if (row) {
    await db
      .updateTable('relationships')
      .set(summaryColumns(summary, now))
      .where('id', '=', row.id)
      .execute();
    return;
  }
  if (summary.stage === 'none') return;
  await db
    .insertInto('relationships')
    .values({
      id: newId(),
      owner_id: ownerId,
      other_id: otherId,
      note: '',
      remind_every_days: null,
      mark_trusted: 0,
      mark_close: 0,
      ...summaryColumns(summary, now),
    })
    .onConflict((oc) =>
      oc.columns(['owner_id', 'other_id']).doUpdateSet(summaryColumns(summary, now)),
    )
    .execute();
}

export async function optedOutAmong(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('relationship_opt_outs')
    .select('account_id')
    .where('account_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.account_id));
}

/**
 * Rebuilds the tallies of the given pairs from the ledger, for when acts leave it (someone
 * no longer going to an event), then re-summarises them. Pairs with someone who opted out
 * are left alone: nothing is computed about them.
 */
export async function rebuildPairs(db: Db, pairs: Array<[number, number]>): Promise<void> {
  for (const [a, b] of pairs) {
    // Asked after the lock, which turning insights off takes too: never a stale answer.
    await lockActors(db, [a, b]);
    if ((await optedOutAmong(db, [a, b])).size > 0) continue;
    const acts = await db
      .selectFrom('interactions')
      .select(['actor_id', 'target_id', 'kind', 'context', 'created_at'])
      .where((eb) =>
        eb.or([
          eb.and([eb('actor_id', '=', a), eb('target_id', '=', b)]),
          eb.and([eb('actor_id', '=', b), eb('target_id', '=', a)]),
        ]),
      )
      .execute();
    await db
      .deleteFrom('interaction_tallies')
      .where((eb) =>
        eb.or([
          eb.and([eb('actor_id', '=', a), eb('target_id', '=', b)]),
          eb.and([eb('actor_id', '=', b), eb('target_id', '=', a)]),
        ]),
      )
      .execute();
    const tallies = tallyActs(acts.map((act) => ({ ...act, context: act.context ?? 'timeline' })));
    for (const tally of tallies) await addTally(db, tally);
    await refreshPair(db, a, b);
  }
}
