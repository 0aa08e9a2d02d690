import type { Role } from '@rapport/schema';
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

export type VisibleItem = { kind: 'account'; account: { id: number; role: Role } };

export function canSee(viewer: Viewer | null, item: VisibleItem): boolean {
  // Nothing in Rapport is public to the internet: signed-out visitors see nothing.
  if (!viewer) return false;
  switch (item.kind) {
    case 'account': {
      const scope = accountScope(viewer);
      if (item.account.id === viewer.id || scope === 'all') return true;
      return scope === 'staff' && item.account.role !== 'guest';
    }
  }
}
