import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import type { InteractionKind } from '../../db/tables/communities.table';
import { applyActs } from '../relationships/model.queries';

export interface InteractionInput {
  kind: InteractionKind;
  actorId: number;
  targetId: number;
  subjectType: string;
  subjectId: number;
  communityId: number | null;
  at: number;
  /** Where it happened, when the caller knows better than the subject (`tag:design`). */
  context?: string;
}

/** The caller's context, else pages, events, files and chats are their own, else the community. */
export function contextOf(row: InteractionInput): string {
  if (row.context) return row.context;
  if (['page', 'event', 'file', 'chat'].includes(row.subjectType)) {
    return `${row.subjectType}:${row.subjectId}`;
  }
  if (row.communityId !== null) return `community:${row.communityId}`;
  return 'timeline';
}

/**
 * Records acts between two people for the relationship model (the ledger DESIGN.md calls
 * interactions), and updates the model for the pairs they touch in the same transaction.
 * Nobody acts towards themselves, so such rows are dropped.
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
      context: contextOf(row),
      import_key: null,
    }));
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insertInto('interactions')
      .values(values.slice(i, i + 500))
      .execute();
  }
  await applyActs(db, values);
}
