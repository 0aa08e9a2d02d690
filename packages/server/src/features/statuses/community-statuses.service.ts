import type { StatusAudience } from '@rapport/schema';
import { sql } from 'kysely';
import type { AppContext } from '../../context';
import { unindexStatus } from '../../db/dialect';
import type { Db } from '../../db/tables';
import { loadAudience, type StatusRow } from './statuses.queries';

/** What deleting a community's statuses leaves to do after commit. */
export interface DeletedStatuses {
  audiences: StatusAudience[];
  files: string[];
}

const BATCH = 500;

/**
 * Deletes every status posted in a community (its conversations, replies and boosts),
 * inside the caller's transaction: authors' counters go down, the search index forgets
 * them, and home feeds, mentions, tags, polls and notifications go with the rows. The
 * caller announces `status.deleted` for each audience and removes the files after commit
 * (`announceDeletedStatuses`).
 */
export async function deleteCommunityStatuses(
  trx: Db,
  communityId: number,
): Promise<DeletedStatuses> {
  const deleted: DeletedStatuses = { audiences: [], files: [] };
  // Boosts first (a boost stays in the community of what it boosts): deleting an original
  // would cascade to its boosts without counting them.
  for (const boosts of [true, false]) {
    for (;;) {
      const rows = await trx
        .selectFrom('statuses')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('reblog_of_id', boosts ? 'is not' : 'is', null)
        .orderBy('id', 'desc')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) break;
      await deleteBatch(trx, rows, deleted);
    }
  }
  return deleted;
}

async function deleteBatch(trx: Db, rows: StatusRow[], deleted: DeletedStatuses): Promise<void> {
  const ids = rows.map((row) => row.id);
  const perAuthor = new Map<number, number>();
  for (const row of rows) {
    deleted.audiences.push(await loadAudience(trx, row));
    await unindexStatus(trx, row.id);
    perAuthor.set(row.account_id, (perAuthor.get(row.account_id) ?? 0) + 1);
  }
  for (const [accountId, count] of perAuthor) {
    await trx
      .updateTable('accounts')
      .set({
        statuses_count: sql<number>`case when statuses_count > ${count} then statuses_count - ${count} else 0 end`,
      })
      .where('id', '=', accountId)
      .execute();
  }
  const files = await trx
    .selectFrom('media_attachments')
    .select(['file', 'preview_file'])
    .where('status_id', 'in', ids)
    .execute();
  for (const file of files) deleted.files.push(file.file, file.preview_file);
  await trx.deleteFrom('statuses').where('id', 'in', ids).execute();
}

/** After commit: streams drop the statuses, and their files leave the disk. */
export async function announceDeletedStatuses(
  ctx: AppContext,
  deleted: DeletedStatuses,
): Promise<void> {
  for (const audience of deleted.audiences) ctx.events.emit({ type: 'status.deleted', audience });
  for (const file of deleted.files) await ctx.media.remove(file);
}
