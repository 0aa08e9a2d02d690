import { idFor } from '../db/ids';
import type { Db } from '../db/tables';
import { rebuildPairs } from '../features/relationships/model.queries';

/** People the owner stands at recognition or above with (stored), strongest first. */
export async function knownPeople(db: Db, ownerId: number, limit = 40): Promise<number[]> {
  const rows = await db
    .selectFrom('relationships')
    .select('other_id')
    .where('owner_id', '=', ownerId)
    .where('stage', 'in', ['recognition', 'collaboration', 'trusted', 'close'])
    .orderBy('score', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.other_id);
}

/**
 * The service stamps each step with the current time; the demo dates the introduction, its
 * notifications (with ids minted for their moment, as ids order lists) and, once accepted,
 * its acts in the ledger (then the pair is re-summarised from them).
 */
export async function backdateIntroduction(
  db: Db,
  introduction: { id: number; requesterId: number; targetId: number },
  at: { created: number; updated: number; notified: (type: string) => number },
): Promise<void> {
  await db
    .updateTable('introductions')
    .set({ created_at: at.created, updated_at: at.updated })
    .where('id', '=', introduction.id)
    .execute();
  const notices = await db
    .selectFrom('notifications')
    .select(['id', 'type'])
    .where('subject_type', '=', 'introduction')
    .where('subject_id', '=', introduction.id)
    .execute();
  for (const notice of notices) {
    const when = at.notified(notice.type);
    await db
      .updateTable('notifications')
      .set({ id: idFor(when), created_at: when })
      .where('id', '=', notice.id)
      .execute();
  }
  const acts = await db
    .updateTable('interactions')
    .set({ created_at: at.updated })
    .where('subject_type', '=', 'introduction')
    .where('subject_id', '=', introduction.id)
    .executeTakeFirst();
  if (Number(acts.numUpdatedRows) > 0) {
    await rebuildPairs(db, [[introduction.requesterId, introduction.targetId]]);
  }
}
