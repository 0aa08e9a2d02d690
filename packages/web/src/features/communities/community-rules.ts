import type { Community, Role } from '@rapport/schema';

/**
 * What the page offers, from the viewer's place in a community. The server decides (these
 * only choose what to show); they follow its rules in features/visibility/visibility.ts
 * and features/communities/community-access.ts.
 */
export type CommunityAction = 'join' | 'request' | 'requested' | 'accept' | 'leave' | 'none';

export function actionFor(community: Community): CommunityAction {
  switch (community.membership.state) {
    case 'member':
      return 'leave';
    case 'invited':
      return 'accept';
    case 'requested':
      // A community that became public lets in whoever asked.
      return community.privacy === 'public' ? 'join' : 'requested';
    default:
      if (community.privacy === 'public') return 'join';
      if (community.privacy === 'private') return 'request';
      // A secret community is joined by invitation only (admins see it, and cannot join).
      return 'none';
  }
}

export const isMember = (community: Community) => community.membership.state === 'member';

/** Owners and moderators. */
export const runs = (community: Community) =>
  isMember(community) && community.membership.role !== 'member';

export const owns = (community: Community) =>
  isMember(community) && community.membership.role === 'owner';

/** Members read what is posted; the staff too when the community is public. */
export function canReadContent(community: Community, role: Role): boolean {
  return isMember(community) || (community.privacy === 'public' && role !== 'guest');
}

export function canInvite(community: Community, role: Role): boolean {
  if (role === 'admin') return true;
  if (!isMember(community)) return false;
  return community.privacy !== 'secret' || runs(community);
}

/** A status the community's timeline shows: a conversation started in it. */
export function belongsToTimeline(communityId: string) {
  return (status: {
    community: { id: string } | null;
    in_reply_to_id: string | null;
    reblog?: unknown;
  }) => status.community?.id === communityId && status.in_reply_to_id === null && !status.reblog;
}
