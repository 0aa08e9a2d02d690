import type { Community } from '@rapport/schema';
import type { AppContext } from '../../context';
import { HttpError, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { findAccountsByIds } from '../accounts/accounts.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import { presentCommunity } from './communities.presenter';
import { lockCommunity } from './communities.queries';
import {
  communityNotFound,
  loadAccess,
  requireInviting,
  requireVisible,
  runs,
} from './community-access';
import {
  findMember,
  findMembers,
  type MemberRow,
  memberIdsWithRoles,
  putMember,
} from './members.queries';
import {
  Announcements,
  admit,
  dismiss,
  lastOwner,
  lockPlace,
  ownerCount,
} from './membership-places';

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
      await said.notify(trx, community, {
        accountId: managerId,
        type: 'community_request',
        fromId: viewer.id,
      });
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
        await said.notify(trx, community, {
          accountId,
          type: 'community_approved',
          fromId: viewer.id,
        });
      } else if (!place) {
        const invited = { role: 'member', state: 'invited' } as const;
        await putMember(
          trx,
          { community_id: id, account_id: accountId, ...invited, invited_by_id: viewer.id },
          now,
        );
        said.place(accountId, invited);
        await said.notify(trx, community, {
          accountId,
          type: 'community_invitation',
          fromId: viewer.id,
        });
      }
      const current = await findMember(trx, id, accountId);
      if (current) result.push(current);
    }
    return result;
  });
  said.emit(ctx);
  return places;
}
