import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { forUpdate, prefixEnd } from '../../db/dialect';
import { applyCursor, type SortKey } from '../../db/pagination';
import type { Db } from '../../db/tables';
import type { CommunityFilesTable, FileVersionsTable } from '../../db/tables/files.table';
import type { Viewer } from '../../http/auth';

export type FileRow = Selectable<CommunityFilesTable>;
export type VersionRow = Selectable<FileVersionsTable>;

/** A library lists the most recently changed files first (index community_files_recent). */
export const FILES_ORDER: SortKey[] = [
  { column: 'community_files.updated_at', direction: 'desc' },
  { column: 'community_files.id', direction: 'desc' },
];

/** A file's versions, newest first (unique index file_versions_file_n). */
export const VERSIONS_ORDER: SortKey[] = [{ column: 'file_versions.n', direction: 'desc' }];

export async function findFile(db: Db, id: number): Promise<FileRow | undefined> {
  return db.selectFrom('community_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The file locked until the transaction ends, so two new versions queue instead of racing. */
export async function lockFile(trx: Db, id: number): Promise<FileRow | undefined> {
  return forUpdate(
    trx,
    trx.selectFrom('community_files').selectAll().where('id', '=', id),
  ).executeTakeFirst();
}

export async function listFiles(
  db: Db,
  communityId: number,
  after: Array<string | number> | undefined,
  limit: number,
): Promise<FileRow[]> {
  const query = db
    .selectFrom('community_files')
    .selectAll()
    .where('community_files.community_id', '=', communityId);
  return applyCursor(query, FILES_ORDER, after, limit).execute();
}

export async function listVersions(
  db: Db,
  fileId: number,
  after: Array<string | number> | undefined,
  limit: number,
): Promise<VersionRow[]> {
  const query = db.selectFrom('file_versions').selectAll().where('file_id', '=', fileId);
  return applyCursor(query, VERSIONS_ORDER, after, limit).execute();
}

export async function findVersion(
  db: Db,
  fileId: number,
  n: number,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom('file_versions')
    .selectAll()
    .where('file_id', '=', fileId)
    .where('n', '=', n)
    .executeTakeFirst();
}

export async function insertFile(
  trx: Db,
  file: FileRow,
  version: VersionRow,
  terms: string[],
): Promise<void> {
  await trx.insertInto('community_files').values(file).execute();
  await trx.insertInto('file_versions').values(version).execute();
  if (terms.length > 0) {
    await trx
      .insertInto('community_file_terms')
      .values(terms.map((term) => ({ term, file_id: file.id })))
      .execute();
  }
}

/** Makes `version` the file's current one. */
export async function insertVersion(trx: Db, version: VersionRow): Promise<void> {
  await trx.insertInto('file_versions').values(version).execute();
  await trx
    .updateTable('community_files')
    .set({
      current_version_id: version.id,
      current_version: version.n,
      size: version.size,
      mime: version.mime,
      versions_count: version.n,
      updated_at: version.created_at,
    })
    .where('id', '=', version.file_id)
    .execute();
}

/** Deletes the file with its versions and terms; answers where their bytes were. */
export async function deleteFileRows(trx: Db, id: number): Promise<VersionRow[]> {
  const versions = await trx
    .selectFrom('file_versions')
    .selectAll()
    .where('file_id', '=', id)
    .execute();
  await trx.deleteFrom('community_files').where('id', '=', id).execute();
  return versions;
}

export interface Usage {
  bytes: number;
  files_count: number;
}

export async function findUsage(db: Db, communityId: number): Promise<Usage> {
  const row = await db
    .selectFrom('community_file_usage')
    .select(['bytes', 'files_count'])
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  return row ?? { bytes: 0, files_count: 0 };
}

/**
 * Counts `bytes` (and `files`) against the community's quota, only if they fit: one
 * conditional update, so two uploads at once can never both take the last room.
 */
export async function reserveUsage(
  trx: Db,
  change: { communityId: number; bytes: number; files: number; quota: number },
): Promise<boolean> {
  await trx
    .insertInto('community_file_usage')
    .values({ community_id: change.communityId, bytes: 0, files_count: 0 })
    .onConflict((oc) => oc.column('community_id').doNothing())
    .execute();
  const result = await trx
    .updateTable('community_file_usage')
    .set({
      bytes: sql`bytes + ${change.bytes}`,
      files_count: sql`files_count + ${change.files}`,
    })
    .where('community_id', '=', change.communityId)
    .where(sql<boolean>`bytes + ${change.bytes} <= ${change.quota}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseUsage(
  trx: Db,
  change: { communityId: number; bytes: number; files: number },
): Promise<void> {
  await trx
    .updateTable('community_file_usage')
    .set({
      bytes: sql`bytes - ${change.bytes}`,
      files_count: sql`files_count - ${change.files}`,
    })
    .where('community_id', '=', change.communityId)
    .execute();
}

/** The viewer's role in the community when a member (owner, moderator, member), else null. */
export async function findMemberRole(db: Db, communityId: number, accountId: number) {
  const row = await db
    .selectFrom('community_members')
    .select('role')
    .where('community_id', '=', communityId)
    .where('account_id', '=', accountId)
    .where('state', '=', 'member')
    .executeTakeFirst();
  return row?.role ?? null;
}

/** Roles of the viewer in these communities (members only), for a page of files. */
export async function findMemberRoles(db: Db, communityIds: number[], accountId: number) {
  if (communityIds.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('community_members')
    .select(['community_id', 'role'])
    .where('community_id', 'in', communityIds)
    .where('account_id', '=', accountId)
    .where('state', '=', 'member')
    .execute();
  return new Map(rows.map((row) => [row.community_id, row.role as string]));
}

/**
 * Files whose name has a word starting with each of `terms`, newest first, in communities
 * whose content the viewer may see: the SQL form of `canSee(community_content)` (members;
 * staff in public communities). The service checks every result with `canSee` as well.
 */
export async function searchFileRows(
  db: Db,
  viewer: Viewer,
  terms: string[],
  limit: number,
): Promise<FileRow[]> {
  if (terms.length === 0) return [];
  let query = db
    .selectFrom('community_files')
    .innerJoin('communities', 'communities.id', 'community_files.community_id')
    .selectAll('community_files')
    .where((eb) => {
      const member = eb(
        'community_files.community_id',
        'in',
        eb
          .selectFrom('community_members')
          .select('community_id')
          .where('account_id', '=', viewer.id)
          .where('state', '=', 'member'),
      );
      return viewer.role === 'guest'
        ? member
        : eb.or([member, eb('communities.privacy', '=', 'public')]);
    });
  for (const term of terms.slice(0, 5)) {
    query = query.where(
      'community_files.id',
      'in',
      db
        .selectFrom('community_file_terms')
        .select('file_id')
        .where('term', '>=', term)
        .where('term', '<', prefixEnd(term)),
    );
  }
  return query.orderBy('community_files.id', 'desc').limit(limit).execute();
}
