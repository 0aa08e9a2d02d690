import type { Selectable } from 'kysely';
import type { Db } from '../../db/tables';
import type { AnalyticsTargetsTable } from '../../db/tables/analytics.table';

export type TargetRow = Selectable<AnalyticsTargetsTable>;

/** The targets stored for these scope keys (`organisation`, `community:ID`). */
export async function findTargets(db: Db, scopes: string[]): Promise<TargetRow[]> {
  if (scopes.length === 0) return [];
  return db.selectFrom('analytics_targets').selectAll().where('scope', 'in', scopes).execute();
}

/** Sets a scope's target, replacing the one it had. */
export async function storeTarget(db: Db, row: TargetRow): Promise<void> {
  const { scope, ...values } = row;
  await db
    .insertInto('analytics_targets')
    .values(row)
    .onConflict((c) => c.column('scope').doUpdateSet(values))
    .execute();
}
