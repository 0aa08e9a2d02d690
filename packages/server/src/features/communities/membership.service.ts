import type { Community, CommunityRole, DomainEvent, MembershipState } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import { HttpError, notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { findAccountsByIds } from '../accounts/accounts.queries';
import { recordInteractions } from '../interactions/interactions.queries';
import {
  insertNotification,
  type NotificationSubject,
} from '../notifications/notifications.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import { communityPath, presentCommunity } from './communities.presenter';
import { type CommunityRow, lockCommunity } from './communities.queries';
import {
  communityNotFound,
  loadAccess,
  owns,
  requireInviting,
  requireOwner,
  requireRunning,
  requireVisible,
  runs,
} from './community-access';
import {
  backfillCommunityHome,
  bumpMembersCount,
  deleteMember,
  findMember,
  findMembers,
  type MemberRow,
  memberIdsWithRoles,
  putMember,
  removeCommunityFromHome,
  setMemberRole,
} from './members.queries';

/**
 * A community this small is a working group: joining it counts as meeting each of its
 * members (a `same_community` interaction, DESIGN.md's co-presence), larger ones do not.
 */
export const SMALL_COMMUNITY = 12;

/** What a membership change announces after commit. */
class Announcements {
  readonly events: DomainEvent[] = [];

  constructor(
    private readonly communityId: number,
    private readonly byId: number,
  ) {}

  place(accountId: number, place: Pick<MemberRow, 'state' | 'role'> | null) {
    this.events.push({
      type: 'community.membership_changed',
      community_id: String(this.communityId),
      account_id: String(accountId),
      state: place?.state ?? null,
      role: place?.state === 'member' ? place.role : null,
      by_id: String(this.byId),
    });
  }

  notified(id: number | null, accountId: number) {
    if (id === null) return;
    this.events.push({
      type: 'notification.created',
      notification_id: String(id),
      account_id: String(accountId),
    });
  }

  emit(ctx: AppContext) {
    for (const event of this.events) ctx.events.emit(event);
  }
}

function subjectOf(community: CommunityRow): NotificationSubject {
  return {
    type: 'community',
    id: community.id,
    title: community.name,
    path: communityPath(community.id),
    communityId: community.id,
  };
}

/** The community, locked for the change (see lockCommunity), and the person's fresh place. */
async function lockPlace(trx: Db, communityId: number, accountId: number) {
  const community = await lockCommunity(trx, communityId);
  if (!community) throw communityNotFound();
  return { community, place: (await findMember(trx, communityId, accountId)) ?? null };
}

/**
 * Makes someone a member: the counter, the community's recent conversations in their home
 * feed, and in a small community an interaction with each member.
 */
async function admit(
  trx: Db,
  community: CommunityRow,
  accountId: number,
  by: { invitedById: number | null; at: number },
): Promise<void> {
  await putMember(
    trx,
    {
      community_id: community.id,
      account_id: accountId,
      role: 'member',
      state: 'member',
      invited_by_id: by.invitedById,
    },
    by.at,
  );
  await bumpMembersCount(trx, community.id, 1);
  await backfillCommunityHome(trx, accountId, community.id);
  if (community.members_count + 1 <= SMALL_COMMUNITY) {
    const others = await memberIdsWithRoles(trx, community.id, ['owner', 'moderator', 'member']);
    await recordInteractions(
      trx,
      others.map((targetId) => ({
        kind: 'same_community' as const,
        actorId: accountId,
        targetId,
        subjectType: 'community',
        subjectId: community.id,
        communityId: community.id,
        at: by.at,
      })),
    );
  }
}

/**
 * Takes someone out: the counter, and unless the community is public (whose statuses they
 * may still read), its statuses leave their home feed.
 */
async function dismiss(trx: Db, community: CommunityRow, place: MemberRow): Promise<void> {
  await deleteMember(trx, community.id, place.account_id);
  if (place.state !== 'member') return;
  await bumpMembersCount(trx, community.id, -1);
  if (community.privacy !== 'public') {
    await removeCommunityFromHome(trx, place.account_id, community.id);
  }
}

async function ownerCount(trx: Db, communityId: number): Promise<number> {
  return (await memberIdsWithRoles(trx, communityId, ['owner'])).length;
}

const lastOwner = (message: string) => new HttpError(422, 'validation_failed', message);

/**
 * Join: a public community at once; a private one by asking (the owners and moderators
 * hear of it); an invitation, in any community, is accepted. Secret communities are
 * joined only by invitation. Joining again changes nothing.
 */
export async function joinCommunity(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<Community> {
  requireVisible(viewer, await loadAccess(ctx.db, viewer, id));
  const said = new Announcements(id, viewer.id);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const { community, place } = await lockPlace(trx, id, viewer.id);
    const now = Date.now();
    if (place?.state === 'member') return { community, place };
    if (place?.state === 'invited' || community.privacy === 'public') {
      await admit(trx, community, viewer.id, {
        invitedById: place?.invited_by_id ?? null,
        at: now,
      });
      const joined = { state: 'member', role: 'member' } as const;
      said.place(viewer.id, joined);
      return {
        community: { ...community, members_count: community.members_count + 1 },
        place: joined,
      };
    }
    if (place?.state === 'requested') return { community, place };
    if (community.privacy === 'secret') {
      throw new HttpError(403, 'forbidden', 'A secret community can only be joined by invitation');
    }
    const asked = { state: 'requested', role: 'member' } as const;
    await putMember(
      trx,
      { community_id: id, account_id: viewer.id, ...asked, invited_by_id: null },
      now,
    );
    said.place(viewer.id, asked);
    for (const managerId of await memberIdsWithRoles(trx, id, ['owner', 'moderator'])) {
      const notificationId = await insertNotification(trx, {
        accountId: managerId,
        type: 'community_request',
        fromAccountId: viewer.id,
        statusId: null,
        subject: subjectOf(community),
      });
      said.notified(notificationId, managerId);
    }
    return { community, place: asked };
  });
  said.emit(ctx);
  return presentCommunity(ctx, result.community, result.place);
}

/**
 * Leave, withdraw a request or decline an invitation. The last owner may not leave: the
 * community would have nobody to run it.
 */
export async function leaveCommunity(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<Community> {
  requireVisible(viewer, await loadAccess(ctx.db, viewer, id));
  const said = new Announcements(id, viewer.id);
  const community = await ctx.db.transaction().execute(async (trx) => {
    const { community, place } = await lockPlace(trx, id, viewer.id);
    if (!place) return community;
    if (place.state === 'member' && place.role === 'owner' && (await ownerCount(trx, id)) <= 1) {
      throw lastOwner(
        'You are the only owner of this community: make another member an owner before leaving, or delete the community',
      );
    }
    await dismiss(trx, community, place);
    said.place(viewer.id, null);
    return {
      ...community,
      members_count: community.members_count - (place.state === 'member' ? 1 : 0),
    };
  });
  said.emit(ctx);
  return presentCommunity(ctx, community, null);
}

/**
 * Invites people the viewer may see. Members of a public or private community invite;
 * in a secret one, its owners and moderators. Someone who asked to join and is invited by
 * whoever runs the community is let in; members and those already invited stay as they
 * are. Unknown people (or people the viewer may not see) refuse the whole request.
 */
export async function inviteMembers(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  accountIds: number[],
): Promise<MemberRow[]> {
  const access = await loadAccess(ctx.db, viewer, id);
  requireInviting(viewer, access);
  const wanted = [...new Set(accountIds)];
  const found = await visibleAccounts(ctx.db, viewer, await findAccountsByIds(ctx.db, wanted));
  const known = new Set(found.filter((a) => a.suspended === 0).map((a) => a.id));
  const unknown = wanted.filter((accountId) => !known.has(accountId));
  if (unknown.length > 0) {
    throw validationFailed({
      account_ids: [
        `name people who do not exist or whom you cannot invite: ${unknown.join(', ')}`,
      ],
    });
  }
  const said = new Announcements(id, viewer.id);
  const places = await ctx.db.transaction().execute(async (trx) => {
    const community = await lockCommunity(trx, id);
    if (!community) throw communityNotFound();
    const existing = await findMembers(trx, id, wanted);
    const now = Date.now();
    const result: MemberRow[] = [];
    for (const accountId of wanted) {
      const place = existing.get(accountId);
      if (place?.state === 'requested' && runs(access)) {
        await admit(trx, community, accountId, { invitedById: viewer.id, at: now });
        community.members_count += 1;
        said.place(accountId, { state: 'member', role: 'member' });
        await notifyApproved(trx, said, community, viewer.id, accountId);
      } else if (!place) {
        const invited = { role: 'member', state: 'invited' } as const;
        await putMember(
          trx,
          { community_id: id, account_id: accountId, ...invited, invited_by_id: viewer.id },
          now,
        );
        said.place(accountId, invited);
        const notificationId = await insertNotification(trx, {
          accountId,
          type: 'community_invitation',
          fromAccountId: viewer.id,
          statusId: null,
          subject: subjectOf(community),
        });
        said.notified(notificationId, accountId);
      }
      const current = await findMember(trx, id, accountId);
      if (current) result.push(current);
    }
    return result;
  });
  said.emit(ctx);
  return places;
}

async function notifyApproved(
  trx: Db,
  said: Announcements,
  community: CommunityRow,
  byId: number,
  accountId: number,
) {
  const notificationId = await insertNotification(trx, {
    accountId,
    type: 'community_approved',
    fromAccountId: byId,
    statusId: null,
    subject: subjectOf(community),
  });
  said.notified(notificationId, accountId);
}

/** A member's place, for the routes that act on one (404 when they have none of this kind). */
async function lockTarget(trx: Db, communityId: number, accountId: number, state: MembershipState) {
  const locked = await lockPlace(trx, communityId, accountId);
  if (locked.place?.state !== state) {
    throw notFound(state === 'requested' ? 'Join request' : 'Member');
  }
  return locked as { community: CommunityRow; place: MemberRow };
}

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
    await notifyApproved(trx, said, community, viewer.id, accountId);
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
