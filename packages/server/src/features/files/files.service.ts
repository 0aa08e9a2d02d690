import { createHash } from 'node:crypto';
import type { FileUploadInput, FileVersionInput, UploadedFile } from '@rapport/schema';
import type { AppContext } from '../../context';
import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import { HttpError, notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { termsOf } from '../accounts/terms';
import { recordInteractions } from '../interactions/interactions.queries';
import { type CommunityAccess, loadCommunityAccess } from '../visibility/community-facts';
import { canSee } from '../visibility/visibility';
import { cleanFileName, formatBytes } from './file-names';
import { FileStore } from './file-store';
import { checkFileType, isTextType, typeLabel } from './file-types';
import {
  deleteFileRows,
  type FileRow,
  findFile,
  findMemberRole,
  findUsage,
  insertFile,
  insertVersion,
  lockFile,
  releaseUsage,
  reserveUsage,
  type VersionRow,
} from './files.queries';

const fileNotFound = () => notFound('File');
const communityNotFound = () => notFound('Community');

/**
 * The community as the viewer may know it: 404 when they may not see that it exists, and
 * (for its files) when they may not see its content, so nothing leaks about either.
 */
export async function contentAccess(
  ctx: AppContext,
  viewer: Viewer,
  communityId: number,
  notVisible: () => HttpError,
): Promise<CommunityAccess> {
  const access = (await loadCommunityAccess(ctx.db, viewer.id, [communityId])).get(communityId);
  if (!access || !canSee(viewer, { kind: 'community_content', ...access })) throw notVisible();
  return access;
}

/** A file the viewer may see (its community's content), with that community. */
export async function getVisibleFile(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<{ file: FileRow; access: CommunityAccess }> {
  const file = await findFile(ctx.db, id);
  if (!file) throw fileNotFound();
  return { file, access: await contentAccess(ctx, viewer, file.community_id, fileNotFound) };
}

/** Uploading needs membership: a staff member who only reads a public community may not. */
function requireMember(access: CommunityAccess, action: string): void {
  if (access.membership !== 'member') {
    throw new HttpError(403, 'forbidden', `Join the community to ${action}`);
  }
}

function refuse(reason: string): HttpError {
  return new HttpError(422, 'validation_failed', reason, { file: [reason] });
}

interface CheckedUpload {
  name: string;
  mime: string;
  data: Uint8Array;
  sha256: string;
}

/** Name, size and type of an upload, checked before anything is stored. */
function checkUpload(ctx: AppContext, upload: UploadedFile): CheckedUpload {
  const name = cleanFileName(upload.filename);
  if (!name) throw refuse('The file has no name');
  const max = ctx.config.files.maxBytes;
  // The multipart reader stops at the same limit; this covers bodies that bypass it.
  if (upload.data.length > max) {
    throw new HttpError(
      413,
      'payload_too_large',
      `The file is larger than the limit of ${formatBytes(max)}`,
    );
  }
  const type = checkFileType(name, upload.data);
  if (!type.ok) throw refuse(type.reason);
  return {
    name,
    mime: type.mime,
    data: upload.data,
    sha256: createHash('sha256').update(upload.data).digest('hex'),
  };
}

function overQuota(ctx: AppContext, used: number, size: number): HttpError {
  const quota = ctx.config.files.quotaBytes;
  const left = Math.max(0, quota - used);
  const reason = `This community's files would exceed its quota of ${formatBytes(quota)}: ${formatBytes(left)} left, and this file is ${formatBytes(size)}`;
  return new HttpError(422, 'validation_failed', reason, { file: [reason] });
}

/** Fails fast, before writing to disk, when the file cannot fit; the transaction decides. */
async function precheckQuota(ctx: AppContext, communityId: number, size: number): Promise<void> {
  const usage = await findUsage(ctx.db, communityId);
  if (usage.bytes + size > ctx.config.files.quotaBytes) throw overQuota(ctx, usage.bytes, size);
}

async function reserveOrRefuse(
  ctx: AppContext,
  trx: Db,
  change: { communityId: number; bytes: number; files: number },
): Promise<void> {
  const quota = ctx.config.files.quotaBytes;
  if (!(await reserveUsage(trx, { ...change, quota }))) {
    throw overQuota(ctx, (await findUsage(trx, change.communityId)).bytes, change.bytes);
  }
}

/**
 * Stores the bytes, then runs `write` in a transaction; if the transaction fails, the stored
 * file is removed again, so the disk never keeps bytes the database does not know.
 */
async function storeThenWrite<T>(
  ctx: AppContext,
  communityId: number,
  data: Uint8Array,
  write: (trx: Db, storageKey: string) => Promise<T>,
): Promise<T> {
  const store = FileStore.of(ctx);
  const storageKey = await store.put(communityId, data);
  try {
    return await ctx.db.transaction().execute((trx) => write(trx, storageKey));
  } catch (error) {
    await store.remove(storageKey);
    throw error;
  }
}

/** A new file in the community's library, by a member: checked, stored, counted. */
export async function uploadFile(
  ctx: AppContext,
  viewer: Viewer,
  communityId: number,
  input: FileUploadInput,
): Promise<FileRow> {
  // As for posting: a community the viewer does not know is "not found"; one they know
  // (a public or private one, for staff) but have not joined is a 403.
  const access = (await loadCommunityAccess(ctx.db, viewer.id, [communityId])).get(communityId);
  if (!access || !canSee(viewer, { kind: 'community', ...access })) throw communityNotFound();
  requireMember(access, 'share files in it');
  const upload = checkUpload(ctx, input.file);
  await precheckQuota(ctx, communityId, upload.data.length);
  const now = Date.now();
  const file: FileRow = {
    id: newId(),
    community_id: communityId,
    name: upload.name,
    description: input.description?.trim() ?? '',
    current_version_id: newId(),
    current_version: 1,
    size: upload.data.length,
    mime: upload.mime,
    versions_count: 1,
    uploaded_by_id: viewer.id,
    created_at: now,
    updated_at: now,
  };
  await storeThenWrite(ctx, communityId, upload.data, async (trx, storageKey) => {
    await reserveOrRefuse(ctx, trx, { communityId, bytes: file.size, files: 1 });
    const version = versionRow(file.id, 1, storageKey, upload, viewer, now);
    await insertFile(trx, file, { ...version, id: file.current_version_id }, termsOf(file.name));
  });
  ctx.events.emit({
    type: 'file.created',
    file_id: String(file.id),
    community_id: String(communityId),
    by_id: String(viewer.id),
  });
  return file;
}

function versionRow(
  fileId: number,
  n: number,
  storageKey: string,
  upload: CheckedUpload,
  viewer: Viewer,
  now: number,
): VersionRow {
  return {
    id: newId(),
    file_id: fileId,
    n,
    storage_key: storageKey,
    filename: upload.name,
    size: upload.data.length,
    mime: upload.mime,
    sha256: upload.sha256,
    uploaded_by_id: viewer.id,
    created_at: now,
  };
}

/**
 * The type a new version must have: the file's own. The file keeps its name (and so its
 * extension), so a PDF stays a PDF and a spreadsheet the same spreadsheet format; text
 * files (plain, CSV, Markdown) differ only by extension, so any text replaces any text and
 * keeps the file's text type.
 */
function versionType(file: FileRow, upload: CheckedUpload): string {
  if (upload.mime === file.mime) return file.mime;
  if (isTextType(upload.mime) && isTextType(file.mime)) return file.mime;
  throw refuse(
    `A new version must be of the same type as ${file.name} (${typeLabel(file.mime)}); this file is ${typeLabel(upload.mime)}`,
  );
}

/** A new current version of a file, by a member of its community. */
export async function addVersion(
  ctx: AppContext,
  viewer: Viewer,
  fileId: number,
  input: FileVersionInput,
): Promise<FileRow> {
  const { file, access } = await getVisibleFile(ctx, viewer, fileId);
  requireMember(access, 'upload new versions of its files');
  const checked = checkUpload(ctx, input.file);
  const upload = { ...checked, mime: versionType(file, checked) };
  await precheckQuota(ctx, file.community_id, upload.data.length);
  const now = Date.now();
  const version = await storeThenWrite(ctx, file.community_id, upload.data, async (trx, key) => {
    const locked = await lockFile(trx, fileId);
    if (!locked) throw fileNotFound();
    await reserveOrRefuse(ctx, trx, {
      communityId: file.community_id,
      bytes: upload.data.length,
      files: 0,
    });
    const row = versionRow(fileId, locked.versions_count + 1, key, upload, viewer, now);
    await insertVersion(trx, row);
    await recordCoAuthoring(trx, locked, viewer, row);
    return row;
  });
  ctx.events.emit({
    type: 'file.version_added',
    file_id: String(fileId),
    community_id: String(file.community_id),
    version: version.n,
    by_id: String(viewer.id),
  });
  return (await findFile(ctx.db, fileId)) ?? file;
}

/**
 * Improving someone's file is working on it together: the relationship model counts a new
 * version as co-authoring with the file's owner and those who uploaded earlier versions.
 */
async function recordCoAuthoring(trx: Db, file: FileRow, viewer: Viewer, version: VersionRow) {
  const earlier = await trx
    .selectFrom('file_versions')
    .select('uploaded_by_id')
    .distinct()
    .where('file_id', '=', file.id)
    .where('n', '<', version.n)
    .execute();
  const people = new Set([file.uploaded_by_id, ...earlier.map((row) => row.uploaded_by_id)]);
  await recordInteractions(
    trx,
    [...people].map((targetId) => ({
      kind: 'co_authored' as const,
      actorId: viewer.id,
      targetId,
      subjectType: 'file',
      subjectId: file.id,
      communityId: file.community_id,
      at: version.created_at,
    })),
  );
}

/** Its owner, or an owner or moderator of its community. */
export function mayDelete(file: FileRow, viewer: Viewer, role: string | null): boolean {
  return file.uploaded_by_id === viewer.id || role === 'owner' || role === 'moderator';
}

/** Deletes a file and every version: rows in one transaction, then the bytes from disk. */
export async function deleteFile(ctx: AppContext, viewer: Viewer, id: number): Promise<void> {
  const { file } = await getVisibleFile(ctx, viewer, id);
  const role = await findMemberRole(ctx.db, file.community_id, viewer.id);
  if (!mayDelete(file, viewer, role)) {
    throw new HttpError(
      403,
      'forbidden',
      "Only the file's owner or the community's owners and moderators can delete it",
    );
  }
  const versions = await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockFile(trx, id))) throw fileNotFound();
    const rows = await deleteFileRows(trx, id);
    const bytes = rows.reduce((sum, row) => sum + row.size, 0);
    await releaseUsage(trx, { communityId: file.community_id, bytes, files: 1 });
    return rows;
  });
  const store = FileStore.of(ctx);
  for (const version of versions) {
    await store.remove(version.storage_key).catch((error: unknown) => {
      ctx.log.warn({ err: error, key: version.storage_key }, 'removing a file from disk failed');
    });
  }
  ctx.events.emit({
    type: 'file.deleted',
    file_id: String(id),
    community_id: String(file.community_id),
    by_id: String(viewer.id),
  });
}

/** A deleted community's rows go with it (foreign keys); its folder of bytes goes here. */
export function registerFileCleanup(ctx: AppContext): void {
  ctx.events.on('community.deleted', async (event) => {
    await FileStore.of(ctx).removeCommunity(Number(event.community_id));
  });
}
