import type { CommunityFile, CommunityRef, FileVersion } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { toIso } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import { findAccountsByIds } from '../accounts/accounts.queries';
import type { CommunityAccess } from '../visibility/community-facts';
import { canSee } from '../visibility/visibility';
import { type FileRow, findMemberRoles, type VersionRow } from './files.queries';
import { mayDelete } from './files.service';

export function communityRef(ctx: AppContext, access: CommunityAccess): CommunityRef {
  return {
    id: String(access.community.id),
    name: access.name,
    privacy: access.community.privacy,
    url: `${ctx.config.publicUrl}/communities/${access.community.id}`,
  };
}

export function downloadUrl(ctx: AppContext, fileId: number, n?: number): string {
  const base = `${ctx.config.publicUrl}/api/rapport/v1/files/${fileId}/download`;
  return n === undefined ? base : `${base}?version=${n}`;
}

async function accountsOf(ctx: AppContext, ids: number[]) {
  const rows = await findAccountsByIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, presentAccount(ctx, row)]));
}

/**
 * Files as the API shows them, in a constant number of queries, keeping only those whose
 * community's content the viewer may see (`access` holds the communities loaded for it).
 * The uploader is shown as a status's author is: with the content they shared.
 */
export async function presentFiles(
  ctx: AppContext,
  viewer: Viewer,
  rows: FileRow[],
  access: Map<number, CommunityAccess>,
): Promise<CommunityFile[]> {
  const visible = rows.filter((row) => {
    const place = access.get(row.community_id);
    return place !== undefined && canSee(viewer, { kind: 'community_content', ...place });
  });
  const communityIds = [...new Set(visible.map((row) => row.community_id))];
  const [accounts, roles] = await Promise.all([
    accountsOf(
      ctx,
      visible.map((row) => row.uploaded_by_id),
    ),
    findMemberRoles(ctx.db, communityIds, viewer.id),
  ]);
  return visible.flatMap((row) => {
    const place = access.get(row.community_id) as CommunityAccess;
    const uploader = accounts.get(row.uploaded_by_id);
    if (!uploader) return [];
    const role = roles.get(row.community_id) ?? null;
    return [
      {
        id: String(row.id),
        name: row.name,
        description: row.description,
        mime: row.mime,
        size: row.size,
        community: communityRef(ctx, place),
        uploaded_by: uploader,
        versions_count: row.versions_count,
        current_version: row.current_version,
        created_at: toIso(row.created_at),
        updated_at: toIso(row.updated_at),
        download_url: downloadUrl(ctx, row.id),
        can_delete: mayDelete(row, viewer, role),
        can_add_version: place.membership === 'member',
      },
    ];
  });
}

export async function presentVersions(
  ctx: AppContext,
  file: FileRow,
  rows: VersionRow[],
): Promise<FileVersion[]> {
  const accounts = await accountsOf(
    ctx,
    rows.map((row) => row.uploaded_by_id),
  );
  return rows.flatMap((row) => {
    const uploader = accounts.get(row.uploaded_by_id);
    if (!uploader) return [];
    return [
      {
        id: String(row.id),
        n: row.n,
        filename: row.filename,
        size: row.size,
        mime: row.mime,
        sha256: row.sha256,
        uploaded_by: uploader,
        created_at: toIso(row.created_at),
        current: row.n === file.current_version,
        download_url: downloadUrl(ctx, file.id, row.n),
      },
    ];
  });
}
