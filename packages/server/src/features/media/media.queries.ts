import type { Selectable, Updateable } from 'kysely';
import { preparedByIds } from '../../db/prepared';
import type { Db } from '../../db/tables';
import type { MediaAttachmentsTable } from '../../db/tables/statuses.table';

export type MediaRow = Selectable<MediaAttachmentsTable>;

export async function insertMedia(db: Db, row: MediaRow): Promise<void> {
  await db.insertInto('media_attachments').values(row).execute();
}

/** One of the account's uploads, attached or not. */
export async function findOwnMedia(
  db: Db,
  accountId: number,
  id: number,
): Promise<MediaRow | undefined> {
  return db
    .selectFrom('media_attachments')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

/**
 * Changes an upload still waiting for a status; false when it is gone or was attached
 * meanwhile (the status edit owns its description from then on).
 */
export async function updateUnattachedMedia(
  db: Db,
  accountId: number,
  id: number,
  patch: Updateable<MediaAttachmentsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('media_attachments')
    .set(patch)
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('status_id', 'is', null)
    .where('chat_message_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Attachments of these statuses, by status and position (index media_attachments_status). */
const mediaOfStatuses = preparedByIds((db, statusIds) =>
  db
    .selectFrom('media_attachments')
    .selectAll()
    .where('status_id', 'in', statusIds)
    .orderBy('status_id')
    .orderBy('position'),
);

export function findMediaOfStatuses(db: Db, statusIds: number[]): Promise<MediaRow[]> {
  return mediaOfStatuses(db, [...new Set(statusIds)]);
}

/**
 * Gives an upload to a status at `position`, only if it is the account's and still free
 * (or already this status's): false otherwise. Checking and taking in one statement means
 * two statuses posted at once cannot both take the same upload.
 */
export async function claimMedia(
  db: Db,
  media: { id: number; accountId: number; statusId: number; position: number },
): Promise<boolean> {
  const result = await db
    .updateTable('media_attachments')
    .set({ status_id: media.statusId, position: media.position })
    .where('id', '=', media.id)
    .where('account_id', '=', media.accountId)
    .where((eb) => eb.or([eb('status_id', 'is', null), eb('status_id', '=', media.statusId)]))
    .where('chat_message_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setMediaDescription(
  db: Db,
  statusId: number,
  id: number,
  description: string,
): Promise<void> {
  await db
    .updateTable('media_attachments')
    .set({ description })
    .where('id', '=', id)
    .where('status_id', '=', statusId)
    .execute();
}

/**
 * Detaches every attachment of the status not in `keepIds`; the clean-up removes them and
 * their files (they are older than a day by then, or become so).
 */
export async function detachMediaExcept(db: Db, statusId: number, keepIds: number[]) {
  let query = db
    .updateTable('media_attachments')
    .set({ status_id: null, position: 0 })
    .where('status_id', '=', statusId);
  if (keepIds.length > 0) query = query.where('id', 'not in', keepIds);
  await query.execute();
}

/** Ids of uploads no status (nor chat message) took, created before `before` (oldest first). */
export async function findUnattachedBefore(
  db: Db,
  before: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('media_attachments')
    .select('id')
    .where('status_id', 'is', null)
    .where('chat_message_id', 'is', null)
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** Deletes those of `ids` still unattached; returns their files. */
export async function deleteUnattached(
  db: Db,
  ids: number[],
): Promise<Array<{ file: string; preview_file: string }>> {
  if (ids.length === 0) return [];
  return db
    .deleteFrom('media_attachments')
    .where('id', 'in', ids)
    .where('status_id', 'is', null)
    .where('chat_message_id', 'is', null)
    .returning(['file', 'preview_file'])
    .execute();
}
