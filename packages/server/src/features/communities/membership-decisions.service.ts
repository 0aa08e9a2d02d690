import type { CommunityRole } from '@rapport/schema';
import type { AppContext } from '../../context';
import { HttpError, notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { loadAccess, owns, requireOwner, requireRunning } from './community-access';
import { findMember, type MemberRow, setMemberRole } from './members.queries';
import { leaveCommunity } from './membership.service';
import {
  Announcements,
  admit,
  dismiss,
  lastOwner,
  lockPlace,
  lockTarget,
  ownerCount,
} from './membership-places';

/*
 * What those who run a community decide about its people: roles, removals, and requests
 * to join.
 */

/** Owners give roles; a community always keeps at least one owner. */
export async function changeRole(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  accountId: number,
  role: CommunityRole,
): Promise<MemberRow> {
  requireOwner(viewer, await loadAccess(ctx.db, viewer, id));
  const said = new Announcements(id, viewer.id);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const { place } = await lockTarget(trx, id, accountId, 'member');
    if (place.role === role) return place;
    if (place.role === 'owner' && (await ownerCount(trx, id)) <= 1) {
      throw lastOwner('A community needs at least one owner: make another member an owner first');
    }
    const now = Date.now();
    await setMemberRole(trx, id, accountId, role, now);
    said.place(accountId, { state: 'member', role });
    return { ...place, role, updated_at: now };
  });
  said.emit(ctx);
  return updated;
}

/**
 * Removes someone from the community, or withdraws their invitation or request. Owners
 * remove anyone but the last owner; moderators remove members, not owners or moderators.
 * Removing oneself is leaving.
 */
export async function removeMember(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  accountId: number,
): Promise<void> {
  if (accountId === viewer.id) {
    await leaveCommunity(ctx, viewer, id);
    return;
  }
  const access = await loadAccess(ctx.db, viewer, id);
  requireRunning(viewer, access);
  const said = new Announcements(id, viewer.id);
  await ctx.db.transaction().execute(async (trx) => {
    const { community, place } = await lockPlace(trx, id, accountId);
    if (!place) throw notFound('Member');
    if (place.state === 'member' && place.role !== 'member' && !owns(access)) {
      throw new HttpError(403, 'forbidden', 'Only owners can remove owners and moderators');
    }
    if (place.state === 'member' && place.role === 'owner' && (await ownerCount(trx, id)) <= 1) {
      throw lastOwner('A community needs at least one owner: this is its only one');
    }
    await dismiss(trx, community, place);
    said.place(accountId, null);
  });
  said.emit(ctx);
}

/** Owners and moderators let in someone who asked; they hear it was approved. */
export async function approveRequest(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  accountId: number,
): Promise<MemberRow> {
  requireRunning(viewer, await loadAccess(ctx.db, viewer, id));
  const said = new Announcements(id, viewer.id);
  const place = await ctx.db.transaction().execute(async (trx) => {
    const { community } = await lockTarget(trx, id, accountId, 'requested');
    await admit(trx, community, accountId, { invitedById: null, at: Date.now() });
    said.place(accountId, { state: 'member', role: 'member' });
    await said.notify(trx, community, {
      accountId,
      type: 'community_approved',
      fromId: viewer.id,
    });
    return (await findMember(trx, id, accountId)) as MemberRow;
  });
  said.emit(ctx);
  return place;
}

/** Owners and moderators turn a request down; the person may ask again later. */
export async function rejectRequest(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  accountId: number,
): Promise<void> {
  requireRunning(viewer, await loadAccess(ctx.db, viewer, id));
  const said = new Announcements(id, viewer.id);
  await ctx.db.transaction().execute(async (trx) => {
    const { community, place } = await lockTarget(trx, id, accountId, 'requested');
    await dismiss(trx, community, place);
    said.place(accountId, null);
  });
  said.emit(ctx);
}
