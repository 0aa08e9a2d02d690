import { AnalyticsQuery, SilosReport } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { read, sendReport, tags } from './analytics.routes';
import { reportCsv } from './analytics.service';
import { SILOS_TABLES } from './silos';
import { silosReport } from './silos.service';

/** Silos are about the whole organisation: no scope to name. */
const SilosQuery = AnalyticsQuery.omit({ scope: true });

/**
 * `GET /api/rapport/v1/analytics/silos`: the department-by-department interaction matrix,
 * cross-department share and reciprocity (admins). `?format=csv&table=matrix|departments`.
 */
export function silosRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/analytics/silos',
    { config: read, schema: { tags, querystring: SilosQuery, response: { 200: SilosReport } } },
    async (request, reply) => {
      const { format, table } = request.query;
      const report = await silosReport(ctx, viewerOf(request), request.query);
      return sendReport(reply, format, 'silos', report, () =>
        reportCsv(report, SILOS_TABLES, table),
      );
    },
  );
}
