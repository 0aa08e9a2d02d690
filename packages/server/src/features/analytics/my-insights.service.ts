import type { AnalyticsQuery, MyInsights } from '@rapport/schema';
import type { AppContext } from '../../context';
import { validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { askedPeriod } from './analytics.service';
import { toCsv } from './csv';
import { MY_INSIGHTS_TABLES } from './my-insights';
import { parsePeriod } from './period';
import { analyticsRunner } from './runner';

/**
 * The signed-in person's own insights. Whose they are comes from the session alone: no
 * parameter names a person, so nobody (admins included) can read someone else's.
 */
export async function myInsights(
  ctx: AppContext,
  viewer: Viewer,
  query: Pick<AnalyticsQuery, 'from' | 'to'>,
): Promise<MyInsights> {
  const now = Date.now();
  const period = parsePeriod(query, now);
  // One person's repeated visits within a few minutes share a report, like the dashboards'.
  return analyticsRunner(ctx).run(
    'my_insights',
    { accountId: viewer.id, period, now },
    askedPeriod(`me:${viewer.id}`, query),
  );
}

/** One table of someone's insights as CSV (`summary` when none is named). */
export function myInsightsCsv(report: MyInsights, table: string | undefined): string {
  const names = Object.keys(MY_INSIGHTS_TABLES);
  const make = MY_INSIGHTS_TABLES[table ?? 'summary'];
  if (!make) throw validationFailed({ table: [`must be one of ${names.join(', ')}`] });
  const { header, rows } = make(report);
  return toCsv(header, rows);
}
