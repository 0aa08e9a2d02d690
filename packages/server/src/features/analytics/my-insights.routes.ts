import { AnalyticsQuery, MyInsights } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { read, sendReport, tags } from './analytics.routes';
import { myInsights, myInsightsCsv } from './my-insights.service';

/** Only the period: the person is always the one signed in. */
const MyInsightsQuery = AnalyticsQuery.omit({ scope: true });

/**
 * `GET /api/rapport/v1/analytics/me`: the signed-in person's persona, contributions,
 * responses and answering, week by week (members and guests alike).
 * `?format=csv&table=summary|weekly|communities`.
 */
export function myInsightsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/analytics/me',
    {
      config: read,
      schema: { tags, querystring: MyInsightsQuery, response: { 200: MyInsights } },
    },
    async (request, reply) => {
      const { format, table } = request.query;
      const report = await myInsights(ctx, viewerOf(request), request.query);
      return sendReport(reply, format, 'my-insights', report, () => myInsightsCsv(report, table));
    },
  );
}
