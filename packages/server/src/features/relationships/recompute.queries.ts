import { sql } from 'kysely';
import { dialectOf } from '../../db/dialect';
import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import type { InteractionKind } from '../../db/tables/communities.table';
import type { PairSummary, Tally } from './model';
import { type ModelAct, summaryColumns } from './model.queries';
import type { RelationshipRow } from './relationships.queries';

/** The next accounts after `after`, by id: the recomputation walks everyone this way. */
export async function accountIdsAfter(db: Db, after: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

export async function countAccounts(db: Db): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everyone who opted out: a short list, read whole. */
export async function allOptedOut(db: Db): Promise<Set<number>> {
  const rows = await db.selectFrom('relationship_opt_outs').select('account_id').execute();
  return new Set(rows.map((row) => row.account_id));
}

/**
 * Lock waits give up quickly inside the recomputation (PostgreSQL): a request that holds
 * a row the recomputation wants goes first, and the batch is tried again.
 */
export async function yieldOnLockWaits(trx: Db): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`set local lock_timeout = '250ms'`.execute(trx);
}

/** Errors after which a batch is simply tried again: it waited too long for someone else. */
export function isContention(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '55P03' || // lock_not_available (lock_timeout)
    code === '40P01' || // deadlock_detected
    code === '40001' || // serialization_failure
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_BUSY_SNAPSHOT'
  );
}

export async function deleteTalliesOf(trx: Db, actorIds: number[]): Promise<void> {
  await trx.deleteFrom('interaction_tallies').where('actor_id', 'in', actorIds).execute();
}

/** Every act these people did, as the model reads them. */
export async function actsOf(trx: Db, actorIds: number[]): Promise<ModelAct[]> {
  if (actorIds.length === 0) return [];
  const rows = await trx
    .selectFrom('interactions')
    .select(['actor_id', 'target_id', 'kind', 'context', 'created_at'])
    .where('actor_id', 'in', actorIds)
    .execute();
  return rows.map((row) => ({
    actor_id: row.actor_id,
    target_id: row.target_id,
    kind: row.kind as InteractionKind,
    context: row.context ?? 'timeline',
    created_at: row.created_at,
  }));
}

export async function insertTallies(trx: Db, tallies: Tally[]): Promise<void> {
  for (let i = 0; i < tallies.length; i += 500) {
    await trx
      .insertInto('interaction_tallies')
      .values(tallies.slice(i, i + 500))
      .execute();
  }
}

/** Every relationship row carrying a mark: marks are rare, so read whole, once. */
export async function markedRows(
  db: Db,
): Promise<
  Array<{ owner_id: number; other_id: number; mark_trusted: number; mark_close: number }>
> {
  return db
    .selectFrom('relationships')
    .select(['owner_id', 'other_id', 'mark_trusted', 'mark_close'])
    .where((eb) => eb.or([eb('mark_trusted', '=', 1), eb('mark_close', '=', 1)]))
    .execute();
}

export async function rowsOwnedBy(trx: Db, ownerIds: number[]): Promise<RelationshipRow[]> {
  return trx.selectFrom('relationships').selectAll().where('owner_id', 'in', ownerIds).execute();
}

/** The tallies in which any of these people acted or was acted towards. */
export async function talliesAround(trx: Db, ids: number[]): Promise<Tally[]> {
  const [outgoing, incoming] = await Promise.all([
    trx.selectFrom('interaction_tallies').selectAll().where('actor_id', 'in', ids).execute(),
    trx.selectFrom('interaction_tallies').selectAll().where('target_id', 'in', ids).execute(),
  ]);
  // A tally between two of them came back twice.
  const within = new Set(ids);
  return [...outgoing, ...incoming.filter((t) => !within.has(t.actor_id))];
}

/**
 * Writes a recomputed summary unless the row changed since it was read (a request updated
 * the pair meanwhile): false then, and the caller refreshes that pair again.
 */
export async function rewriteSummary(
  trx: Db,
  row: RelationshipRow,
  summary: PairSummary,
  now: number,
): Promise<boolean> {
  const result = await trx
    .updateTable('relationships')
    .set(summaryColumns(summary, now))
    .where('id', '=', row.id)
    .where('updated_at', '=', row.updated_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Rows for pairs their owners had none for; a row a request wrote meanwhile wins. */
export async function insertSummaries(
  trx: Db,
  rows: Array<{ ownerId: number; otherId: number; summary: PairSummary }>,
  now: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('relationships')
      .values(
        rows.slice(i, i + 200).map(({ ownerId, otherId, summary }) => ({
          id: newId(),
          owner_id: ownerId,
          other_id: otherId,
          note: '',
          remind_every_days: null,
          mark_trusted: 0,
          mark_close: 0,
          ...summaryColumns(summary, now),
        })),
      )
      .onConflict((oc) => oc.columns(['owner_id', 'other_id']).doNothing())
      .execute();
  }
}

/** Whether the ledger holds any act at all (a new installation's does not). */
export async function ledgerIsEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('interactions').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Who runs the recomputation now, kept in server_settings so every process sees it. */
export interface RecomputeLease {
  token: string;
  started_at: number;
  heartbeat_at: number;
}

const LEASE_KEY = 'relationship_recompute_lease';

export async function readLease(db: Db): Promise<{ raw: string; lease: RecomputeLease } | null> {
  const row = await db
    .selectFrom('server_settings')
    .select('value')
    .where('key', '=', LEASE_KEY)
    .executeTakeFirst();
  if (!row) return null;
  try {
    return { raw: row.value, lease: JSON.parse(row.value) as RecomputeLease };
  } catch {
    return { raw: row.value, lease: { token: '', started_at: 0, heartbeat_at: 0 } };
  }
}

/**
 * Takes the lease unless someone else holds a live one (heartbeat after `staleBefore`):
 * at most one recomputation runs at a time, across processes and nodes. Returns the
 * holder's lease when it is taken.
 */
export async function claimLease(
  db: Db,
  lease: RecomputeLease,
  staleBefore: number,
): Promise<RecomputeLease | null> {
  const value = JSON.stringify(lease);
  const inserted = await db
    .insertInto('server_settings')
    .values({ key: LEASE_KEY, value, updated_at: lease.started_at })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return null;
  const held = await readLease(db);
  if (!held) return claimLease(db, lease, staleBefore);
  if (held.lease.heartbeat_at >= staleBefore) return held.lease;
  // A process that died mid-run left its lease behind: take it over, unless another did.
  const taken = await db
    .updateTable('server_settings')
    .set({ value, updated_at: lease.started_at })
    .where('key', '=', LEASE_KEY)
    .where('value', '=', held.raw)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1 ? null : held.lease;
}

/** Keeps our lease alive; false when it is no longer ours. */
export async function renewLease(db: Db, token: string, now: number): Promise<boolean> {
  const held = await readLease(db);
  if (held?.lease.token !== token) return false;
  const value = JSON.stringify({ ...held.lease, heartbeat_at: now });
  const result = await db
    .updateTable('server_settings')
    .set({ value, updated_at: now })
    .where('key', '=', LEASE_KEY)
    .where('value', '=', held.raw)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseLease(db: Db, token: string): Promise<void> {
  const held = await readLease(db);
  if (held?.lease.token !== token) return;
  await db
    .deleteFrom('server_settings')
    .where('key', '=', LEASE_KEY)
    .where('value', '=', held.raw)
    .execute();
}
