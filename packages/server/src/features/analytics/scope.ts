import type { AppContext } from '../../context';
import { forbidden, notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { loadCommunityAccess } from '../visibility/community-facts';
import { canSee } from '../visibility/visibility';
import { communityRoleOf, departments } from './scope.queries';

/** Whom a report is about: everyone, one department, or one community's members. */
export type AnalyticsScope =
  | { kind: 'organisation' }
  | { kind: 'department'; name: string }
  | { kind: 'community'; id: number; name: string };

export function scopeKey(scope: AnalyticsScope): string {
  if (scope.kind === 'organisation') return 'organisation';
  if (scope.kind === 'department') return `department:${scope.name}`;
  return `community:${scope.id}`;
}

export function scopeName(scope: AnalyticsScope): string {
  if (scope.kind === 'organisation') return 'The organisation';
  return scope.name;
}

/**
 * The scope a request names, once the viewer is allowed it: the organisation and its
 * departments are for admins; a community's dashboard for admins and that community's
 * owners and moderators. A community the viewer may not see is not found (as everywhere);
 * one they see but do not run is forbidden.
 */
export async function authorisedScope(
  ctx: AppContext,
  viewer: Viewer,
  param: string,
): Promise<AnalyticsScope> {
  if (param === 'organisation') {
    if (viewer.role !== 'admin') throw forbidden('Only admins can see organisation analytics');
    return { kind: 'organisation' };
  }
  if (param.startsWith('department:')) {
    if (viewer.role !== 'admin') throw forbidden('Only admins can see department analytics');
    const name = param.slice('department:'.length);
    const known = await departments(ctx.db);
    if (!known.some((row) => row.name === name)) throw notFound('Department');
    return { kind: 'department', name };
  }
  const id = Number(param.slice('community:'.length));
  const access = (await loadCommunityAccess(ctx.db, viewer.id, [id])).get(id);
  if (
    !access ||
    !canSee(viewer, {
      kind: 'community',
      community: access.community,
      membership: access.membership,
    })
  ) {
    throw notFound('Community');
  }
  if (viewer.role !== 'admin') {
    const role = await communityRoleOf(ctx.db, id, viewer.id);
    if (role !== 'owner' && role !== 'moderator') {
      throw forbidden("Only the community's owners and moderators can see its analytics");
    }
  }
  return { kind: 'community', id, name: access.name };
}
