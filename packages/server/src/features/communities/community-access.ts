import type { Db } from '../../db/tables';
import { HttpError } from '../../errors';
import type { Viewer } from '../../http/auth';
import { canSee } from '../visibility/visibility';
import { type CommunityRow, findCommunity } from './communities.queries';
import { findMember, type MemberRow } from './members.queries';

/**
 * Who may do what in a community, in one place. Whether the community and its content are
 * visible is the one visibility rule's (`canSee`); roles decide the rest:
 * - owners edit the community, manage roles and remove anyone (an owner always remains);
 * - owners and moderators approve requests, pin statuses, remove members (not owners);
 * - members invite people, except in a secret community, where only those who run it do;
 *   admins invite into any community (guests only exist where they were invited).
 */
export interface CommunityAccess {
  community: CommunityRow;
  /** The viewer's place in it, if any. */
  place: MemberRow | null;
}

export const communityNotFound = () => new HttpError(404, 'not_found', 'Community not found');

export async function loadAccess(db: Db, viewer: Viewer, id: number): Promise<CommunityAccess> {
  const [community, place] = await Promise.all([
    findCommunity(db, id),
    findMember(db, id, viewer.id),
  ]);
  if (!community) throw communityNotFound();
  return { community, place: place ?? null };
}

const ruleItem = (access: CommunityAccess) => ({
  community: { id: access.community.id, privacy: access.community.privacy },
  membership: access.place?.state ?? null,
});

/** 404 unless the viewer may know the community exists (secret ones stay unknown). */
export function requireVisible(viewer: Viewer, access: CommunityAccess): void {
  if (!canSee(viewer, { kind: 'community', ...ruleItem(access) })) throw communityNotFound();
}

export function canSeeContent(viewer: Viewer, access: CommunityAccess): boolean {
  return canSee(viewer, { kind: 'community_content', ...ruleItem(access) });
}

/**
 * 404 for a community the viewer may not know of; 403 when they know it but may not read
 * what is posted in it (a private community they are not a member of).
 */
export function requireContent(viewer: Viewer, access: CommunityAccess): void {
  requireVisible(viewer, access);
  if (!canSeeContent(viewer, access)) {
    throw new HttpError(
      403,
      'forbidden',
      'Only members can see what is posted in this community: join it first',
    );
  }
}

export const isMember = (access: CommunityAccess) => access.place?.state === 'member';

export function runs(access: CommunityAccess): boolean {
  return isMember(access) && access.place?.role !== 'member';
}

export function owns(access: CommunityAccess): boolean {
  return isMember(access) && access.place?.role === 'owner';
}

/** Owners and moderators: approve requests, pin, remove members. */
export function requireRunning(viewer: Viewer, access: CommunityAccess): void {
  requireVisible(viewer, access);
  if (!runs(access)) {
    throw new HttpError(
      403,
      'forbidden',
      'Only owners and moderators of the community can do this',
    );
  }
}

export function requireOwner(viewer: Viewer, access: CommunityAccess): void {
  requireVisible(viewer, access);
  if (!owns(access)) {
    throw new HttpError(403, 'forbidden', 'Only owners of the community can do this');
  }
}

/**
 * Members invite in public and private communities; in secret ones, those who run it.
 * Admins invite into any community: they bring guests (whom only they may see before
 * sharing a community with anyone) to the communities made for them.
 */
export function requireInviting(viewer: Viewer, access: CommunityAccess): void {
  requireVisible(viewer, access);
  if (viewer.role === 'admin') return;
  if (!isMember(access)) {
    throw new HttpError(403, 'forbidden', 'Only members of the community can invite people');
  }
  if (access.community.privacy === 'secret' && !runs(access)) {
    throw new HttpError(
      403,
      'forbidden',
      'In a secret community only owners and moderators can invite people',
    );
  }
}
