import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import type { InteractionKind } from '../../db/tables/communities.table';
import type { ModelAct } from './model.queries';

/** An imported act, ready for the ledger. */
export interface ImportedAct extends ModelAct {
  import_key: string;
}

/** Account ids by lower-cased username (every account is local). */
export async function accountIdsByUsername(db: Db, keys: string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'username_key'])
    .where('username_key', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.username_key, row.id]));
}

/**
 * Writes the acts whose key the ledger does not hold yet and returns those alone: a line
 * imported before (or twice in one file) adds nothing.
 */
export async function insertImportedActs(db: Db, acts: ImportedAct[]): Promise<ImportedAct[]> {
  if (acts.length === 0) return [];
  const inserted = await db
    .insertInto('interactions')
    .values(
      acts.map((act) => ({
        id: newId(),
        kind: act.kind,
        actor_id: act.actor_id,
        target_id: act.target_id,
        // Imported history is about no status, page or event of Rapport's.
        subject_type: 'import',
        subject_id: 0,
        community_id: null,
        created_at: act.created_at,
        context: act.context,
        import_key: act.import_key,
      })),
    )
    .onConflict((oc) => oc.column('import_key').doNothing())
    .returning(['actor_id', 'target_id', 'kind', 'context', 'created_at', 'import_key'])
    .execute();
  return inserted.map((row) => ({
    actor_id: row.actor_id,
    target_id: row.target_id,
    kind: row.kind as InteractionKind,
    context: row.context ?? 'imported',
    created_at: row.created_at,
    import_key: row.import_key ?? '',
  }));
}
