import type { CommunityRole } from '@rapport/schema';
import type { Viewer } from '../../http/auth';
import type { CommunityAccess } from '../visibility/community-facts';
import { canSee } from '../visibility/visibility';

/**
 * Who may see, create, answer and manage events. A community event is community content
 * (visibility.ts decides); an organisation-wide one is for the organisation's staff, as a
 * public status is: members and admins, never guests (who exist only in their communities).
 * events.queries.ts `visibleEventSql` says the same in SQL; the tests check they agree.
 */

export interface EventForRule {
  community_id: number | null;
  created_by_id: number;
}

/** `access` is the event's community as loadCommunityAccess gives it (absent when none). */
export function canSeeEvent(
  viewer: Viewer,
  event: EventForRule,
  access: CommunityAccess | undefined,
): boolean {
  if (event.community_id === null) return viewer.role !== 'guest';
  if (!access) return false;
  return canSee(viewer, { kind: 'community_content', ...access });
}

/**
 * Organisation-wide events are created by staff; community events by the community's
 * members (guests included, in their communities).
 */
export function canCreateEvent(viewer: Viewer, access: CommunityAccess | null): boolean {
  if (access === null) return viewer.role !== 'guest';
  return access.membership === 'member';
}

/**
 * Editing, cancelling and deleting: the organiser; for a community event its owners and
 * moderators; for an organisation-wide one the admins. `role` is the viewer's role in the
 * event's community, when a member.
 */
export function canManageEvent(
  viewer: Viewer,
  event: EventForRule,
  role: CommunityRole | null,
): boolean {
  if (event.created_by_id === viewer.id) return true;
  if (event.community_id === null) return viewer.role === 'admin';
  return role === 'owner' || role === 'moderator';
}
