import {
  CreateReportInput,
  IdParams,
  ModerationActionInput,
  ModerationNotice,
  ModerationQueueQuery,
  ModerationReport,
  ModerationScope,
  Report,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { idPage } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks } from '../../http/pagination';
import {
  presentFiledReport,
  presentModerationReports,
  presentNotice,
} from './moderation.presenter';
import {
  actOnReport,
  fileReport,
  getModeratedReport,
  moderationNotice,
  moderationQueue,
  moderationScope,
} from './moderation.service';

const tags = ['moderation'];

/**
 * Reports (Mastodon's `POST /api/v1/reports`) and Rapport's moderation queue, worked by
 * admins and, for reports about their communities, by community owners and moderators.
 */
export function moderationRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/reports',
    {
      config: { auth: 'user', scopes: ['write:reports'] },
      schema: { tags, body: CreateReportInput, response: { 200: Report } },
    },
    async (request) =>
      presentFiledReport(ctx, await fileReport(ctx, viewerOf(request), request.body)),
  );

  app.get(
    '/api/rapport/v1/moderation/scope',
    {
      config: { auth: 'user', scopes: ['read'] },
      schema: { tags, response: { 200: ModerationScope } },
    },
    async (request) => {
      const scope = await moderationScope(ctx, viewerOf(request));
      return { all: scope.all, community_ids: scope.communityIds.map(String) };
    },
  );

  app.get(
    '/api/rapport/v1/moderation/reports',
    {
      config: { auth: 'user', scopes: ['read'] },
      schema: {
        tags,
        querystring: ModerationQueueQuery,
        response: { 200: ModerationReport.array() },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const page = idPage(request.query);
      const rows = await moderationQueue(ctx, viewer, request.query.state ?? 'open', page);
      setIdPageLinks(
        request,
        reply,
        ctx.config.publicUrl,
        rows.map((row) => row.id),
        page,
      );
      return presentModerationReports(ctx, viewer, rows);
    },
  );

  app.get(
    '/api/rapport/v1/moderation/reports/:id',
    {
      config: { auth: 'user', scopes: ['read'] },
      schema: { tags, params: IdParams, response: { 200: ModerationReport } },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const report = await getModeratedReport(ctx, viewer, Number(request.params.id));
      const [presented] = await presentModerationReports(ctx, viewer, [report]);
      return presented as ModerationReport;
    },
  );

  app.post(
    '/api/rapport/v1/moderation/reports/:id/actions',
    {
      config: { auth: 'user', scopes: ['write'] },
      schema: {
        tags,
        params: IdParams,
        body: ModerationActionInput,
        response: { 200: ModerationReport },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const report = await actOnReport(ctx, viewer, Number(request.params.id), request.body);
      const [presented] = await presentModerationReports(ctx, viewer, [report]);
      return presented as ModerationReport;
    },
  );

  app.get(
    '/api/rapport/v1/moderation/notices/:id',
    {
      config: { auth: 'user', scopes: ['read'] },
      schema: { tags, params: IdParams, response: { 200: ModerationNotice } },
    },
    async (request) =>
      presentNotice(ctx, await moderationNotice(ctx, viewerOf(request), Number(request.params.id))),
  );
}
