import { ParticipationReport } from '@rapport/schema';
import type { AppContext } from '../../context';
import { validationFailed } from '../../errors';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { AnalyticsQuery, read, sendReport, tags } from './analytics.routes';
import { reportCsv, reportInput } from './analytics.service';
import { PARTICIPATION_TABLES } from './participation.csv';
import { analyticsRunner } from './runner';

/**
 * `GET /api/rapport/v1/analytics/participation`: how participation is spread in a scope
 * over a period (participation.ts has the definitions), as JSON or one CSV table.
 */
export function participationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/analytics/participation',
    {
      config: read,
      schema: { tags, querystring: AnalyticsQuery, response: { 200: ParticipationReport } },
    },
    async (request, reply) => {
      const { format, table } = request.query;
      // A table that does not exist is refused before anything is computed.
      if (table !== undefined && !(table in PARTICIPATION_TABLES)) {
        throw validationFailed({
          table: [`must be one of ${Object.keys(PARTICIPATION_TABLES).join(', ')}`],
        });
      }
      const input = await reportInput(ctx, viewerOf(request), request.query);
      const report = await analyticsRunner(ctx).run('participation', input, input.asked);
      return sendReport(reply, format, 'participation', report, () =>
        reportCsv(report, PARTICIPATION_TABLES, table),
      );
    },
  );
}
