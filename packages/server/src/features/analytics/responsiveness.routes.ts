import {
  AnalyticsScopeParam,
  KnowledgeRiskReport,
  ResponseTarget,
  ResponsivenessReport,
  UnansweredQuery,
  UnansweredQuestion,
  UpdateResponseTarget,
} from '@rapport/schema';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setCursorLink } from '../../http/pagination';
import { AnalyticsQuery, read, sendReport, tags, write } from './analytics.routes';
import { knowledgeRiskCsv, knowledgeRiskReport } from './knowledge-risk.service';
import { responsivenessCsv, responsivenessReport } from './responsiveness.service';
import { getResponseTarget, updateResponseTarget } from './targets.service';
import { unansweredCsv, unansweredQueue } from './unanswered.service';

const TargetQuery = z.object({ scope: AnalyticsScopeParam.default('organisation') });

/**
 * Responsiveness against the target each scope set for itself, the queue of questions
 * still waiting, and where knowledge depends on one or two people (issue 7).
 */
export function responsivenessRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/analytics/targets',
    { config: read, schema: { tags, querystring: TargetQuery, response: { 200: ResponseTarget } } },
    async (request) => getResponseTarget(ctx, viewerOf(request), request.query.scope),
  );

  app.put(
    '/api/rapport/v1/analytics/targets',
    {
      config: write,
      schema: { tags, body: UpdateResponseTarget, response: { 200: ResponseTarget } },
    },
    async (request) => updateResponseTarget(ctx, viewerOf(request), request.body),
  );

  app.get(
    '/api/rapport/v1/analytics/responsiveness',
    {
      config: read,
      schema: { tags, querystring: AnalyticsQuery, response: { 200: ResponsivenessReport } },
    },
    async (request, reply) => {
      const { format, table } = request.query;
      const report = await responsivenessReport(ctx, viewerOf(request), request.query);
      return sendReport(reply, format, 'responsiveness', report, () =>
        responsivenessCsv(report, table),
      );
    },
  );

  app.get(
    '/api/rapport/v1/analytics/unanswered',
    {
      config: read,
      schema: { tags, querystring: UnansweredQuery, response: { 200: UnansweredQuestion.array() } },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      if (request.query.format === 'csv') {
        const csv = await unansweredCsv(ctx, viewer, request.query);
        return sendReport(reply, 'csv', 'unanswered', null, () => csv);
      }
      const page = await unansweredQueue(ctx, viewer, request.query);
      setCursorLink(
        request,
        reply,
        ctx.config.publicUrl,
        page.next === undefined ? undefined : [page.next],
        true,
      );
      reply.header('cache-control', 'private, no-store');
      return page.items;
    },
  );

  app.get(
    '/api/rapport/v1/analytics/knowledge_risk',
    {
      config: read,
      schema: { tags, querystring: AnalyticsQuery, response: { 200: KnowledgeRiskReport } },
    },
    async (request, reply) => {
      const { format, table } = request.query;
      const report = await knowledgeRiskReport(ctx, viewerOf(request), request.query);
      return sendReport(reply, format, 'knowledge-risk', report, () =>
        knowledgeRiskCsv(report, table),
      );
    },
  );
}
