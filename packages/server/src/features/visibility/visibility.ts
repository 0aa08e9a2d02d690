import type { Role, Visibility } from '@rapport/schema';
import type { Viewer } from '../../http/auth';

/**
 * The one visibility rule. Every route, list, search result, stream event and export asks
 * `canSee`, or filters its query by the matching scope below, which encodes the same rule
 * in SQL. Tests check the two agree.
 */

/**
 * Which accounts a viewer may see:
 * - `all`: admins see everyone, suspended accounts and guests included;
 * - `staff`: members see every member and admin, and themselves;
 * - `self`: guests (people from outside the organisation) see only themselves until
 *   communities give them company.
 */
export type AccountScope = 'all' | 'staff' | 'self';

export function accountScope(viewer: Viewer): AccountScope {
  if (viewer.role === 'admin') return 'all';
  if (viewer.role === 'member') return 'staff';
  return 'self';
}

/** What the rule needs to know about a status and its author. */
export interface StatusForRule {
  account_id: number;
  visibility: Visibility;
  author: { id: number; role: Role; suspended: number };
}

/**
 * How the viewer stands towards one status, loaded in bulk by `loadStatusFacts`
 * (statuses/status-facts.queries.ts) or carried by a stream event.
 */
export interface StatusFacts {
  /** The viewer follows the status's author. */
  following: boolean;
  /** The status mentions the viewer. */
  mentioned: boolean;
  /** The viewer blocks the author or the author blocks the viewer. */
  blocked: boolean;
}

export type VisibleItem =
  | { kind: 'account'; account: { id: number; role: Role } }
  | { kind: 'status'; status: StatusForRule; facts: StatusFacts };

export function canSee(viewer: Viewer | null, item: VisibleItem): boolean {
  // Nothing in Rapport is public to the internet: signed-out visitors see nothing.
  if (!viewer) return false;
  switch (item.kind) {
    case 'account': {
      const scope = accountScope(viewer);
      if (item.account.id === viewer.id || scope === 'all') return true;
      return scope === 'staff' && item.account.role !== 'guest';
    }
    case 'status':
      return canSeeStatus(viewer, item.status, item.facts);
  }
}

/**
 * A status is visible to its author; to nobody across a block or when its author is
 * suspended; to the people it mentions; and otherwise by visibility: `public` and
 * `unlisted` to everyone who may see the author (the organisation, never the internet),
 * `private` to the author's followers, `direct` to the mentioned only. Admins get no
 * special reach into private or direct statuses. A boost is visible when both the boost
 * and the boosted status are (callers check both).
 */
function canSeeStatus(viewer: Viewer, status: StatusForRule, facts: StatusFacts): boolean {
  if (status.account_id === viewer.id) return true;
  if (facts.blocked || status.author.suspended === 1) return false;
  if (facts.mentioned) return true;
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
