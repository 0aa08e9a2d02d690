import type { Community, CommunityMember } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { toIso, toIsoOrNull } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import { findAccountsByIds } from '../accounts/accounts.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import type { CommunityRow } from './communities.queries';
import { findPlaces, type MemberRow } from './members.queries';

export function communityPath(id: number): string {
  return `/communities/${id}`;
}

/** A community as the viewer stands towards it (`place`: their row in its members, if any). */
export function presentCommunity(
  ctx: AppContext,
  row: CommunityRow,
  place: Pick<MemberRow, 'state' | 'role'> | null,
): Community {
  return {
    id: String(row.id),
    name: row.name,
    description: row.description,
    privacy: row.privacy,
    url: `${ctx.config.publicUrl}${communityPath(row.id)}`,
    cover: row.cover_file
      ? { url: ctx.media.url(row.cover_file), description: row.cover_description }
      : null,
    members_count: row.members_count,
    statuses_count: row.statuses_count,
    // Silent communities have no last status, whatever order the directory keeps.
    last_status_at: row.statuses_count > 0 ? toIsoOrNull(row.last_status_at) : null,
    created_at: toIso(row.created_at),
    membership: {
      state: place?.state ?? null,
      // A role is held by members; an invitation or a request carries none yet.
      role: place?.state === 'member' ? place.role : null,
    },
  };
}

/** Communities with the viewer's place in each (one query for the lot). */
export async function presentCommunities(
  ctx: AppContext,
  viewer: Viewer,
  rows: CommunityRow[],
): Promise<Community[]> {
  const places = await findPlaces(
    ctx.db,
    viewer.id,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentCommunity(ctx, row, places.get(row.id) ?? null));
}

/**
 * People's places in a community, in the order of `rows`; those the viewer may not see
 * (a guest of the community, to staff who are not in it) are left out.
 */
export async function presentMembers(
  ctx: AppContext,
  viewer: Viewer,
  rows: MemberRow[],
): Promise<CommunityMember[]> {
  const accounts = await visibleAccounts(
    ctx.db,
    viewer,
    await findAccountsByIds(
      ctx.db,
      rows.map((row) => row.account_id),
    ),
  );
  const byId = new Map(accounts.map((account) => [account.id, account]));
  return rows.flatMap((row): CommunityMember[] => {
    const account = byId.get(row.account_id);
    if (!account || account.suspended === 1) return [];
    return [
      {
        account: presentAccount(ctx, account),
        role: row.role,
        state: row.state,
        since: toIso(row.updated_at),
      },
    ];
  });
}
