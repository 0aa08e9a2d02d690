import type { CommunityMember, CommunityRole, Status } from '@rapport/schema';
import { COMMUNITY_LIMITS } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { IdPage } from '../../db/pagination';
import { HttpError, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { presentStatuses } from '../statuses/statuses.present';
import { getVisibleStatus } from '../statuses/statuses.service';
import { mutedIds } from '../statuses/thread.service';
import { presentMembers } from './communities.presenter';
import { lockCommunity } from './communities.queries';
import { communityNotFound, loadAccess, requireContent, requireRunning } from './community-access';
import {
  communityTimelinePage,
  countPins,
  deletePin,
  insertPin,
  listPinnedIds,
} from './content.queries';
import { listPlaces } from './members.queries';

/**
 * The community's statuses, newest first, for those who may read its content. Candidates
 * come from the community's index; presentStatuses applies the one visibility rule to
 * each (followers-only statuses in a community still reach only followers) and leaves out
 * muted authors.
 */
export async function communityTimeline(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  page: IdPage,
  options: { withReplies: boolean },
): Promise<{ statuses: Status[]; ids: number[] }> {
  requireContent(viewer, await loadAccess(ctx.db, viewer, id));
  const ids = await communityTimelinePage(ctx.db, id, page, options);
  const muted = await mutedIds(ctx, viewer.id);
  return { statuses: await presentStatuses(ctx, viewer, ids, { muted }), ids };
}

export async function pinnedStatuses(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<Status[]> {
  requireContent(viewer, await loadAccess(ctx.db, viewer, id));
  return presentStatuses(ctx, viewer, await listPinnedIds(ctx.db, id));
}

/**
 * Owners and moderators pin a status of the community they can see (a reply or a boost
 * is not a conversation to pin). Pinning again changes nothing.
 */
export async function pinStatus(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  statusId: number,
): Promise<Status[]> {
  requireRunning(viewer, await loadAccess(ctx.db, viewer, id));
  const status = await getVisibleStatus(ctx, viewer, statusId).catch(() => {
    throw validationFailed({ status_id: ['must be a status you can see'] });
  });
  if (status.community_id !== id) {
    throw validationFailed({ status_id: ['must be a status posted in this community'] });
  }
  if (status.reblog_of_id !== null) {
    throw validationFailed({ status_id: ['must be a status, not a boost'] });
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockCommunity(trx, id))) throw communityNotFound();
    const pinned = await listPinnedIds(trx, id);
    if (pinned.includes(statusId)) return;
    if ((await countPins(trx, id)) >= COMMUNITY_LIMITS.pins) {
      throw new HttpError(
        422,
        'validation_failed',
        `A community can pin at most ${COMMUNITY_LIMITS.pins} statuses: unpin one first`,
      );
    }
    await insertPin(trx, { communityId: id, statusId, byId: viewer.id, at: Date.now() });
  });
  ctx.events.emit({
    type: 'community.updated',
    community_id: String(id),
    by_id: String(viewer.id),
  });
  return pinnedStatuses(ctx, viewer, id);
}

export async function unpinStatus(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  statusId: number,
): Promise<Status[]> {
  requireRunning(viewer, await loadAccess(ctx.db, viewer, id));
  const removed = await ctx.db.transaction().execute((trx) => deletePin(trx, id, statusId));
  if (!removed) throw new HttpError(404, 'not_found', 'Pinned status not found');
  ctx.events.emit({
    type: 'community.updated',
    community_id: String(id),
    by_id: String(viewer.id),
  });
  return pinnedStatuses(ctx, viewer, id);
}

export interface PlacesPage {
  members: CommunityMember[];
  /** The last account id of a full page, to continue after. */
  next: number | undefined;
}

/** Members with their roles, for those who may read the community's content. */
export async function listMembers(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  options: {
    roles?: CommunityRole[] | undefined;
    state?: 'member' | 'invited' | undefined;
    after?: number | undefined;
    limit: number;
  },
): Promise<PlacesPage> {
  const access = await loadAccess(ctx.db, viewer, id);
  // Who was invited and has not answered is for those who run the community to follow up.
  if (options.state === 'invited') requireRunning(viewer, access);
  else requireContent(viewer, access);
  const rows = await listPlaces(ctx.db, {
    communityId: id,
    state: options.state ?? 'member',
    roles: options.roles,
    afterAccountId: options.after,
    limit: options.limit,
  });
  return {
    members: await presentMembers(ctx, viewer, rows),
    next: rows.length === options.limit ? rows.at(-1)?.account_id : undefined,
  };
}

/** People asking to join, for the owners and moderators who decide. */
export async function listRequests(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  options: { after?: number | undefined; limit: number },
): Promise<PlacesPage> {
  requireRunning(viewer, await loadAccess(ctx.db, viewer, id));
  const rows = await listPlaces(ctx.db, {
    communityId: id,
    state: 'requested',
    afterAccountId: options.after,
    limit: options.limit,
  });
  return {
    members: await presentMembers(ctx, viewer, rows),
    next: rows.length === options.limit ? rows.at(-1)?.account_id : undefined,
  };
}
