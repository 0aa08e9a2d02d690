import type { ResponseTarget, UpdateResponseTarget } from '@rapport/schema';
import type { AppContext } from '../../context';
import { validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { analyticsRunner } from './runner';
import { authorisedScope } from './scope';
import { ownTargetKey, responseTarget } from './targets';
import { storeTarget } from './targets.queries';

/**
 * `GET /analytics/targets?scope=`: the target a dashboard compares against, for whoever
 * may open that dashboard (a department shows the organisation's).
 */
export async function getResponseTarget(
  ctx: AppContext,
  viewer: Viewer,
  scopeParam: string,
): Promise<ResponseTarget> {
  const scope = await authorisedScope(ctx, viewer, scopeParam);
  return responseTarget(ctx.db, scope);
}

/**
 * `PUT /analytics/targets`: the organisation's target is the admins' to set, a community's
 * its owners' and moderators' (and admins'), as for seeing their dashboards. Departments
 * are not teams that answer questions together, so they follow the organisation's target.
 */
export async function updateResponseTarget(
  ctx: AppContext,
  viewer: Viewer,
  input: UpdateResponseTarget,
): Promise<ResponseTarget> {
  if (input.scope.startsWith('department:')) {
    throw validationFailed({
      scope: ["cannot be a department: departments follow the organisation's target"],
    });
  }
  const scope = await authorisedScope(ctx, viewer, input.scope);
  const key = ownTargetKey(scope);
  if (key === null) throw validationFailed({ scope: ['cannot have a target of its own'] });
  await storeTarget(ctx.db, {
    scope: key,
    answer_within_hours: input.answer_within_hours,
    // Stored in whole percent: a target is a round number people remember.
    answered_percent: Math.round(input.answered_share * 100),
    updated_by_id: viewer.id,
    updated_at: Date.now(),
  });
  // Reports computed with the old target (or the old minimum, or before someone opted
  // out) are not served again by this process.
  analyticsRunner(ctx).forget();
  ctx.events.emit({ type: 'analytics.target_updated', scope: key, by_id: String(viewer.id) });
  return responseTarget(ctx.db, scope);
}
