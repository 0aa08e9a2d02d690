import type { AnalyticsQuery, SilosReport } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { reportInput } from './analytics.service';
import { analyticsRunner } from './runner';

/** The silos report: admins only, and always about the whole organisation. */
export async function silosReport(
  ctx: AppContext,
  viewer: Viewer,
  query: Pick<AnalyticsQuery, 'from' | 'to'>,
): Promise<SilosReport> {
  const input = await reportInput(ctx, viewer, { ...query, scope: 'organisation' });
  return analyticsRunner(ctx).run('silos', input, input.asked);
}
