import { dialectOf } from '../../db/dialect';
import type { Db } from '../../db/tables';
import { type Marks, type PairSummary, summarisePair, type Tally } from './model';
import { lockActors, rebuildPairs, refreshPair, tallyActs } from './model.queries';
import { optOut, partnersOf } from './privacy.queries';
import {
  accountIdsAfter,
  actsOf,
  allOptedOut,
  countAccounts,
  deleteTalliesOf,
  insertSummaries,
  insertTallies,
  isContention,
  markedRows,
  rewriteSummary,
  rowsOwnedBy,
  talliesAround,
  yieldOnLockWaits,
} from './recompute.queries';
import type { RelationshipRow } from './relationships.queries';

/**
 * The full recomputation of the relationship model, for when its weights or rules change
 * (and to backfill an installation that had a ledger before the model). It runs in a
 * worker thread (recompute.worker.mjs) on its own connection, beside a server that keeps
 * answering: everyone is walked by id (keyset), a few people per short transaction, so
 * memory stays flat whatever the size of the ledger and no request waits long for it.
 *
 * 1. Tallies: each person's tallies are rebuilt from the ledger (their acts towards
 *    others), under the same per-actor lock as the incremental update (`lockActors`).
 * 2. Relationships: each person's rows are re-summarised from the tallies both ways and
 *    both people's marks, written as absolute values; a row a request changed meanwhile
 *    is left to that request and refreshed once more afterwards.
 * People who opted out are left out: nothing of theirs is tallied and the summaries of
 * their rows (and of others' rows about them) are emptied; private fields stay. Who opted
 * out is read once at the start; changes during the run are reconciled at its end.
 */

export interface RecomputeProgress {
  phase: 'tallies' | 'relationships';
  done: number;
  total: number;
}

export interface RecomputeFigures {
  /** People whose relationships were recomputed (everyone but those who opted out). */
  people: number;
  /** Pairs at a stage above `none`. */
  pairs: number;
  interactions: number;
  duration_ms: number;
}

/** What the recomputation thread tells the server. */
export type RecomputeMessage =
  | { type: 'progress'; progress: RecomputeProgress }
  | { type: 'finished'; figures: RecomputeFigures }
  | { type: 'failed'; message: string };

/** Sent by the server to stop the thread's run between two batches (on shutdown). */
export const STOP = 'stop';

export interface RecomputeOptions {
  /** Awaited: a test can act between two pages of the walk. */
  onProgress?: (progress: RecomputeProgress) => void | Promise<void>;
  /** Checked between batches; the run stops with an error when it says so. */
  shouldStop?: () => boolean;
  now?: number;
}

/** Accounts read per page of the walk. */
const PAGE = 500;
/** Time one batch's transaction should take: the batch size adapts to it. */
const TARGET_MS = 20;
const RETRIES = 50;

const NONE: PairSummary = {
  stage: 'none',
  declared: false,
  score: 0,
  reciprocated: false,
  firstInteractionAt: null,
  lastInteractionAt: null,
  lastSubstantiveAt: null,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` over `ids` a few at a time, each batch in its own transaction, sizing batches
 * so a transaction takes about TARGET_MS. On SQLite (one writer for the whole file) it
 * then pauses as long again, so the server's own writes get their turn.
 */
class Batches {
  private size = 10;

  constructor(
    private readonly db: Db,
    private readonly options: RecomputeOptions,
  ) {}

  async run(ids: number[], work: (trx: Db, batch: number[]) => Promise<void>): Promise<void> {
    for (let i = 0; i < ids.length; ) {
      if (this.options.shouldStop?.()) throw new Error('The recomputation was stopped');
      const batch = ids.slice(i, i + this.size);
      const started = performance.now();
      await this.retrying(() =>
        this.db.transaction().execute(async (trx) => {
          await yieldOnLockWaits(trx);
          await work(trx, batch);
        }),
      );
      const took = performance.now() - started;
      i += batch.length;
      if (took < TARGET_MS / 2) this.size = Math.min(200, this.size * 2);
      else if (took > TARGET_MS * 2) this.size = Math.max(1, Math.floor(this.size / 2));
      if (dialectOf(this.db) === 'sqlite') await sleep(Math.min(took, 50));
    }
  }

  async retrying<T>(attempt: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!isContention(error) || tries >= RETRIES) throw error;
        this.size = Math.max(1, Math.floor(this.size / 2));
        await sleep(20 + Math.random() * 80);
      }
    }
  }
}

/** Walks every account id in pages, handing each page to `visit`. */
async function walkAccounts(db: Db, visit: (ids: number[]) => Promise<void>): Promise<void> {
  let after = 0;
  for (;;) {
    const ids = await accountIdsAfter(db, after, PAGE);
    if (ids.length === 0) return;
    await visit(ids);
    after = ids[ids.length - 1] as number;
  }
}

const pairKey = (owner: number, other: number) => `${owner}:${other}`;

/** What a recomputed summary changes: nothing is written when nothing changed. */
function differs(row: RelationshipRow, summary: PairSummary): boolean {
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return (
    row.stage !== summary.stage ||
    row.declared !== (summary.declared ? 1 : 0) ||
    row.reciprocated !== (summary.reciprocated ? 1 : 0) ||
    row.first_interaction_at !== summary.firstInteractionAt ||
    row.last_interaction_at !== summary.lastInteractionAt ||
    row.last_substantive_at !== summary.lastSubstantiveAt ||
    !close(row.score, summary.score)
  );
}

type MarkMap = Map<string, { trusted: boolean; close: boolean }>;

async function loadMarks(db: Db): Promise<MarkMap> {
  return new Map(
    (await markedRows(db)).map((row) => [
      pairKey(row.owner_id, row.other_id),
      { trusted: row.mark_trusted === 1, close: row.mark_close === 1 },
    ]),
  );
}

/** Phase 1: each person's tallies rebuilt from their acts in the ledger. */
async function rebuildTallies(
  db: Db,
  options: RecomputeOptions,
  total: number,
  optedOut: Set<number>,
): Promise<number> {
  const batches = new Batches(db, options);
  let interactions = 0;
  let done = 0;
  await walkAccounts(db, async (ids) => {
    await batches.run(ids, async (trx, actors) => {
      await lockActors(trx, actors);
      await deleteTalliesOf(trx, actors);
      const acts = (
        await actsOf(
          trx,
          actors.filter((id) => !optedOut.has(id)),
        )
      ).filter((act) => !optedOut.has(act.target_id) && act.actor_id !== act.target_id);
      await insertTallies(trx, tallyActs(acts));
      interactions += acts.length;
    });
    done += ids.length;
    await options.onProgress?.({ phase: 'tallies', done, total });
  });
  return interactions;
}

/** Each owner's tallies grouped by the other person, for the owners of one batch. */
function talliesByPair(owners: number[], tallies: Tally[]): Map<string, Tally[]> {
  const inBatch = new Set(owners);
  const byPair = new Map<string, Tally[]>();
  const add = (owner: number, other: number, tally: Tally) => {
    const key = pairKey(owner, other);
    const list = byPair.get(key);
    if (list) list.push(tally);
    else byPair.set(key, [tally]);
  };
  for (const tally of tallies) {
    if (inBatch.has(tally.actor_id)) add(tally.actor_id, tally.target_id, tally);
    if (inBatch.has(tally.target_id)) add(tally.target_id, tally.actor_id, tally);
  }
  return byPair;
}

/** Phase 2: each person's rows re-summarised from the tallies and both people's marks. */
async function resummarise(
  db: Db,
  options: RecomputeOptions,
  total: number,
  now: number,
  optedOut: Set<number>,
): Promise<{ people: number; pairs: number }> {
  const batches = new Batches(db, options);
  const marksAtStart = await loadMarks(db);
  let people = 0;
  let pairs = 0;
  let done = 0;
  const retry: Array<[number, number]> = [];
  await walkAccounts(db, async (ids) => {
    await batches.run(ids, async (trx, owners) => {
      // Rows first, tallies second: a request that lands between the two changes the row,
      // so the guarded write below notices and leaves the row to that request.
      const rows = await rowsOwnedBy(trx, owners);
      const byPair = talliesByPair(owners, await talliesAround(trx, owners));
      const rowOf = new Map(rows.map((row) => [pairKey(row.owner_id, row.other_id), row]));
      const keys = [...new Set([...byPair.keys(), ...rowOf.keys()])]
        .map((key) => key.split(':').map(Number) as [number, number])
        .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      const inserts: Array<{ ownerId: number; otherId: number; summary: PairSummary }> = [];
      for (const [owner, other] of keys) {
        const key = pairKey(owner, other);
        const row = rowOf.get(key);
        const theirs = marksAtStart.get(pairKey(other, owner));
        const marks: Marks = {
          ownerTrusted: row?.mark_trusted === 1,
          ownerClose: row?.mark_close === 1,
          otherTrusted: theirs?.trusted === true,
          otherClose: theirs?.close === true,
        };
        const summary =
          optedOut.has(owner) || optedOut.has(other)
            ? NONE
            : summarisePair(owner, byPair.get(key) ?? [], marks);
        if (summary.stage !== 'none' && owner < other) pairs += 1;
        if (!row) {
          if (summary.stage !== 'none') inserts.push({ ownerId: owner, otherId: other, summary });
        } else if (differs(row, summary) && !(await rewriteSummary(trx, row, summary, now))) {
          retry.push([owner, other]);
        }
      }
      await insertSummaries(trx, inserts, now);
    });
    people += ids.filter((id) => !optedOut.has(id)).length;
    done += ids.length;
    await options.onProgress?.({ phase: 'relationships', done, total });
  });
  // Marks set or taken back during the run: those pairs are refreshed from fresh marks.
  const marksAtEnd = await loadMarks(db);
  for (const key of new Set([...marksAtStart.keys(), ...marksAtEnd.keys()])) {
    const [a, b] = key.split(':').map(Number) as [number, number];
    const [before, after] = [marksAtStart.get(key), marksAtEnd.get(key)];
    if (before?.trusted !== after?.trusted || before?.close !== after?.close) retry.push([a, b]);
  }
  for (const [a, b] of retry) {
    await batches.retrying(() =>
      db.transaction().execute(async (trx) => {
        await yieldOnLockWaits(trx);
        await refreshPair(trx, a, b, now);
      }),
    );
  }
  return { people, pairs };
}

/**
 * People who turned insights off or on while the run used the list from its start: the
 * former have what the run derived about them cleared again, the latter their pairs
 * rebuilt, as the privacy setting itself does.
 */
async function reconcileOptOuts(db: Db, before: Set<number>, now: number): Promise<void> {
  const after = await allOptedOut(db);
  for (const id of after) {
    if (!before.has(id)) await db.transaction().execute((trx) => optOut(trx, id, now));
  }
  for (const id of before) {
    if (after.has(id)) continue;
    const partners = await partnersOf(db, id);
    for (let i = 0; i < partners.length; i += 50) {
      await db.transaction().execute((trx) =>
        rebuildPairs(
          trx,
          partners.slice(i, i + 50).map((other) => [id, other]),
        ),
      );
    }
  }
}

/** Recomputes every tally and relationship from the ledger and the marks. */
export async function recomputeRelationships(
  db: Db,
  options: RecomputeOptions = {},
): Promise<RecomputeFigures> {
  const started = Date.now();
  const now = options.now ?? started;
  const total = await countAccounts(db);
  const optedOut = await allOptedOut(db);
  const interactions = await rebuildTallies(db, options, total, optedOut);
  const { people, pairs } = await resummarise(db, options, total, now, optedOut);
  await reconcileOptOuts(db, optedOut, now);
  return { people, pairs, interactions, duration_ms: Date.now() - started };
}
