import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import type { InteractionKind } from '../../db/tables/communities.table';

export interface InteractionInput {
  kind: InteractionKind;
  actorId: number;
  targetId: number;
  subjectType: string;
  subjectId: number;
  communityId: number | null;
  at: number;
}

/**
 * Records acts between two people for the relationship model (the ledger DESIGN.md calls
 * interactions). Nobody acts towards themselves, so such rows are dropped.
 */
export async function recordInteractions(db: Db, rows: InteractionInput[]): Promise<void> {
  const values = rows
    .filter((row) => row.actorId !== row.targetId)
    .map((row) => ({
      id: newId(),
      kind: row.kind,
      actor_id: row.actorId,
      target_id: row.targetId,
      subject_type: row.subjectType,
      subject_id: row.subjectId,
      community_id: row.communityId,
      created_at: row.at,
    }));
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insertInto('interactions')
      .values(values.slice(i, i + 500))
      .execute();
  }
}
