import type { CommunityRole } from '@rapport/schema';
import type { Viewer } from '../../http/auth';
import type { CommunityAccess } from '../visibility/community-facts';
import { canSee } from '../visibility/visibility';

/** What the page rules need to know about one page and the viewer's place around it. */
export interface PageFacts {
  page: { community_id: number | null; created_by_id: number | null };
  /** The page's community with the viewer's membership (undefined: organisation-wide or gone). */
  access: CommunityAccess | undefined;
  /** The viewer's role in that community when they are a member. */
  role: CommunityRole | null;
}

/**
 * Reading: an organisation-wide page is organisation content, for the staff (members and
 * admins, never guests); a community's page is that community's content (`canSee`).
 */
export function canReadPage(viewer: Viewer, facts: PageFacts): boolean {
  if (facts.page.community_id === null) return viewer.role !== 'guest';
  if (!facts.access) return false;
  return canSee(viewer, {
    kind: 'community_content',
    community: facts.access.community,
    membership: facts.access.membership,
  });
}

/**
 * Editing: whoever reads it and belongs where it lives: the staff for organisation-wide
 * pages, the community's members (guests included) for a community's pages. Staff reading
 * a public community's pages from outside must join to edit them.
 */
export function canEditPage(viewer: Viewer, facts: PageFacts): boolean {
  if (!canReadPage(viewer, facts)) return false;
  if (facts.page.community_id === null) return viewer.role !== 'guest';
  return facts.access?.membership === 'member';
}

/**
 * Deleting: the page's creator; the owners and moderators of its community; admins for
 * organisation-wide pages (they get no reach into communities they are not in).
 */
export function canDeletePage(viewer: Viewer, facts: PageFacts): boolean {
  if (!canReadPage(viewer, facts)) return false;
  if (facts.page.created_by_id === viewer.id) return true;
  if (facts.page.community_id === null) return viewer.role === 'admin';
  return facts.role === 'owner' || facts.role === 'moderator';
}
