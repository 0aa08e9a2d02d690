import type { CommunityPrivacy, MembershipState, Role, Visibility } from '@rapport/schema';
import type { Viewer } from '../../http/auth';

/**
 * The one visibility rule. Every route, list, search result, stream event and export asks
 * `canSee`, or filters its query by the matching scope below, which encodes the same rule
 * in SQL. Tests check the two agree.
 */

/**
 * Which accounts a viewer may see, besides the people they share a community with (whom
 * everyone may see):
 * - `all`: admins see everyone, suspended accounts and guests included;
 * - `staff`: members see every member and admin, and themselves;
 * - `self`: guests (people from outside the organisation) see only themselves, and the
 *   people of the communities they were invited to.
 */
export type AccountScope = 'all' | 'staff' | 'self';

export function accountScope(viewer: Viewer): AccountScope {
  if (viewer.role === 'admin') return 'all';
  if (viewer.role === 'member') return 'staff';
  return 'self';
}

/** What the rule needs to know about a community. */
export interface CommunityForRule {
  id: number;
  privacy: CommunityPrivacy;
}

/** What the rule needs to know about a status and its author. */
export interface StatusForRule {
  account_id: number;
  visibility: Visibility;
  author: { id: number; role: Role; suspended: number };
  /** The community it was posted in, if any. */
  community: CommunityForRule | null;
  /** Hidden by a moderator: only its author still sees it. */
  hidden: boolean;
}

/**
 * How the viewer stands towards one status, loaded in bulk by `loadStatusFacts`
 * (visibility/status-facts.ts) or carried by a stream event.
 */
export interface StatusFacts {
  /** The viewer follows the status's author. */
  following: boolean;
  /** The status mentions the viewer. */
  mentioned: boolean;
  /** The viewer blocks the author or the author blocks the viewer. */
  blocked: boolean;
  /** The viewer's place in the status's community (null: none, or no community). */
  membership: MembershipState | null;
}

export type VisibleItem =
  | { kind: 'account'; account: { id: number; role: Role }; sharesCommunity?: boolean }
  | { kind: 'status'; status: StatusForRule; facts: StatusFacts }
  /** That the community exists: its name, description and members count. */
  | { kind: 'community'; community: CommunityForRule; membership: MembershipState | null }
  /** What is posted in it: statuses, questions, pages, events, files, its member list. */
  | {
      kind: 'community_content';
      community: CommunityForRule;
      membership: MembershipState | null;
    };

export function canSee(viewer: Viewer | null, item: VisibleItem): boolean {
  // Nothing in Rapport is public to the internet: signed-out visitors see nothing.
  if (!viewer) return false;
  switch (item.kind) {
    case 'account': {
      const scope = accountScope(viewer);
      if (item.account.id === viewer.id || scope === 'all' || item.sharesCommunity) return true;
      return scope === 'staff' && item.account.role !== 'guest';
    }
    case 'status':
      return canSeeStatus(viewer, item.status, item.facts);
    case 'community':
      return canSeeCommunity(viewer, item.community, item.membership);
    case 'community_content':
      return canSeeCommunityContent(viewer, item.community, item.membership);
  }
}

/**
 * A community is known to its members and to those who asked or were invited; otherwise a
 * secret one to nobody, and a public or private one to the organisation's staff. Admins
 * know every community exists (they govern them) but get no reach into the content.
 */
function canSeeCommunity(
  viewer: Viewer,
  community: CommunityForRule,
  membership: MembershipState | null,
): boolean {
  if (membership !== null || viewer.role === 'admin') return true;
  return community.privacy !== 'secret' && viewer.role !== 'guest';
}

/**
 * What is posted in a community: members always; the organisation's staff too when the
 * community is public; nobody else, admins included. Guests see only the communities they
 * are members of.
 */
function canSeeCommunityContent(
  viewer: Viewer,
  community: CommunityForRule,
  membership: MembershipState | null,
): boolean {
  if (membership === 'member') return true;
  return community.privacy === 'public' && viewer.role !== 'guest';
}

/**
 * A status is visible to its author; to nobody across a block or when its author is
 * suspended. In a community, only those who may see the community's content see it (a
 * mention does not open a private community), and then by visibility. Elsewhere it is
 * visible to the people it mentions, and otherwise by visibility: `public` and `unlisted`
 * to everyone who may see the author (the organisation, never the internet; guests see
 * only their communities), `private` to the author's followers, `direct` to the mentioned
 * only. Admins get no special reach into private or direct statuses. A boost is visible
 * when both the boost and the boosted status are (callers check both). A status a
 * moderator hid is seen by its author only.
 */
function canSeeStatus(viewer: Viewer, status: StatusForRule, facts: StatusFacts): boolean {
  if (status.account_id === viewer.id) return true;
  if (status.hidden || facts.blocked || status.author.suspended === 1) return false;
  if (status.community) {
    if (!canSeeCommunityContent(viewer, status.community, facts.membership)) return false;
    if (facts.mentioned) return true;
    switch (status.visibility) {
      case 'public':
      case 'unlisted':
        return true;
      case 'private':
        return facts.following;
      case 'direct':
        return false;
    }
  }
  if (facts.mentioned) return true;
  if (viewer.role === 'guest') return false;
  switch (status.visibility) {
    case 'public':
    case 'unlisted':
      return canSee(viewer, { kind: 'account', account: status.author });
    case 'private':
      return facts.following && canSee(viewer, { kind: 'account', account: status.author });
    case 'direct':
      return false;
  }
}
