import { sql } from 'kysely';
import { idAt } from '../../db/ids';
import type { Db } from '../../db/tables';
import type { Period } from './period';

/** Each person's department as they list it ('' for none), for the people who may be members. */
export async function accountDepartments(db: Db): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'department'])
    .where('role', 'in', ['member', 'admin'])
    .execute();
  return new Map(rows.map((row) => [Number(row.id), row.department]));
}

/** The people who asked to be counted in organisation totals only. */
export async function optedOutIds(db: Db): Promise<Set<number>> {
  const rows = await db.selectFrom('analytics_opt_outs').select('account_id').execute();
  return new Set(rows.map((row) => Number(row.account_id)));
}

/** How often one person reached another in the period. */
export interface PairCount {
  actor_id: number;
  target_id: number;
  count: number;
}

/**
 * The interactions ledger in the period, counted per ordered pair of people. Only that an
 * act happened is read (the ledger holds no message contents). Ids are minted when a row is
 * written, never before the act (imported history is written later than it happened), so
 * `id >= idAt(from)` bounds the primary-key range scan from below without losing a row;
 * there is no upper id bound for the same reason, and `created_at` decides the period.
 */
export async function interactionPairs(db: Db, period: Period): Promise<PairCount[]> {
  const rows = await db
    .selectFrom('interactions')
    .select(['actor_id', 'target_id', sql<number>`count(*)`.as('count')])
    .where('id', '>=', idAt(period.from))
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.to)
    .groupBy(['actor_id', 'target_id'])
    .execute();
  return rows.map((row) => ({
    actor_id: Number(row.actor_id),
    target_id: Number(row.target_id),
    count: Number(row.count),
  }));
}
