import type { CommunityFile, FileLibrary } from '@rapport/schema';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { termsOf } from '../accounts/terms';
import { loadCommunityAccess } from '../visibility/community-facts';
import { FileStore } from './file-store';
import { ACCEPTED_EXTENSIONS } from './file-types';
import { communityRef, presentFiles } from './files.presenter';
import {
  type FileRow,
  findUsage,
  findVersion,
  listFiles,
  listVersions,
  searchFileRows,
  type VersionRow,
} from './files.queries';
import { contentAccess, getVisibleFile } from './files.service';

const communityNotFound = () => notFound('Community');

/** One page of a community's library, most recently changed first. */
export async function filesPage(
  ctx: AppContext,
  viewer: Viewer,
  communityId: number,
  page: { after: Array<string | number> | undefined; limit: number },
): Promise<{ files: CommunityFile[]; last: FileRow | undefined }> {
  const access = await contentAccess(ctx, viewer, communityId, communityNotFound);
  const rows = await listFiles(ctx.db, communityId, page.after, page.limit);
  const files = await presentFiles(ctx, viewer, rows, new Map([[communityId, access]]));
  return { files, last: rows.at(-1) };
}

export async function presentFile(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<CommunityFile> {
  const { file, access } = await getVisibleFile(ctx, viewer, id);
  const [presented] = await presentFiles(
    ctx,
    viewer,
    [file],
    new Map([[file.community_id, access]]),
  );
  if (!presented) throw notFound('File');
  return presented;
}

export async function versionsPage(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  page: { after: Array<string | number> | undefined; limit: number },
): Promise<{ file: FileRow; versions: VersionRow[] }> {
  const { file } = await getVisibleFile(ctx, viewer, id);
  return { file, versions: await listVersions(ctx.db, id, page.after, page.limit) };
}

/** The bytes of the current version, or of version `n`, once the viewer may see the file. */
export async function openDownload(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  n: number | undefined,
): Promise<{ file: FileRow; version: VersionRow; open: () => NodeJS.ReadableStream }> {
  const { file } = await getVisibleFile(ctx, viewer, id);
  const version = await findVersion(ctx.db, id, n ?? file.current_version);
  if (!version) throw notFound('Version');
  return { file, version, open: () => FileStore.of(ctx).read(version.storage_key) };
}

/** The library as a whole: room used and left, limits, and whether the viewer may upload. */
export async function libraryOf(
  ctx: AppContext,
  viewer: Viewer,
  communityId: number,
): Promise<FileLibrary> {
  const access = await contentAccess(ctx, viewer, communityId, communityNotFound);
  const usage = await findUsage(ctx.db, communityId);
  return {
    community: communityRef(ctx, access),
    files_count: usage.files_count,
    used_bytes: usage.bytes,
    quota_bytes: ctx.config.files.quotaBytes,
    max_file_bytes: ctx.config.files.maxBytes,
    accepted_extensions: ACCEPTED_EXTENSIONS,
    can_upload: access.membership === 'member',
  };
}

/**
 * Files whose names match every word of `q` by prefix, newest first, in the communities
 * whose content the viewer may see. For the unified search: the query narrows by the SQL
 * form of the rule, and `presentFiles` keeps only what `canSee` allows.
 */
export async function searchFiles(
  ctx: AppContext,
  viewer: Viewer,
  q: string,
  limit: number,
): Promise<CommunityFile[]> {
  const rows = await searchFileRows(ctx.db, viewer, termsOf(q), limit);
  const access = await loadCommunityAccess(
    ctx.db,
    viewer.id,
    rows.map((row) => row.community_id),
  );
  return presentFiles(ctx, viewer, rows, access);
}
