import {
  AccountStatusesQuery,
  IdParams,
  Status,
  TagTimelineQuery,
  TimelineQuery,
} from '@rapport/schema';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { idPage } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks } from '../../http/pagination';
import { accountTimeline, homeTimeline, publicTimeline, tagTimeline } from './timelines.service';

const tags = ['timelines'];
const config = { auth: 'user', scopes: ['read:statuses'] } as {
  auth: 'user';
  scopes: Array<'read:statuses'>;
};
const response = { 200: Status.array() };

/** Mastodon's timelines: home, the organisation (public), a hashtag, one account's statuses. */
export function timelinesRoutes(app: App, ctx: AppContext): void {
  const link = (
    request: Parameters<typeof setIdPageLinks>[0],
    reply: Parameters<typeof setIdPageLinks>[1],
    ids: number[],
    page: ReturnType<typeof idPage>,
  ) => setIdPageLinks(request, reply, ctx.config.publicUrl, ids, page);

  app.get(
    '/api/v1/timelines/home',
    { config, schema: { tags, querystring: TimelineQuery, response } },
    async (request, reply) => {
      const page = idPage(request.query);
      const result = await homeTimeline(ctx, viewerOf(request), page);
      link(request, reply, result.ids, page);
      return result.statuses;
    },
  );

  app.get(
    '/api/v1/timelines/public',
    { config, schema: { tags, querystring: TimelineQuery, response } },
    async (request, reply) => {
      const page = idPage(request.query);
      const result = await publicTimeline(ctx, viewerOf(request), page, {
        onlyMedia: request.query.only_media ?? false,
        remoteOnly: request.query.remote ?? false,
      });
      link(request, reply, result.ids, page);
      return result.statuses;
    },
  );

  app.get(
    '/api/v1/timelines/tag/:hashtag',
    {
      config,
      schema: {
        tags,
        params: z.object({ hashtag: z.string().min(1).max(100) }),
        querystring: TagTimelineQuery,
        response,
      },
    },
    async (request, reply) => {
      const page = idPage(request.query);
      const result = await tagTimeline(ctx, viewerOf(request), request.params.hashtag, page, {
        any: request.query.any,
        all: request.query.all,
        none: request.query.none,
        onlyMedia: request.query.only_media ?? false,
      });
      link(request, reply, result.ids, page);
      return result.statuses;
    },
  );

  app.get(
    '/api/v1/accounts/:id/statuses',
    { config, schema: { tags, params: IdParams, querystring: AccountStatusesQuery, response } },
    async (request, reply) => {
      const page = idPage(request.query);
      const q = request.query;
      const result = await accountTimeline(
        ctx,
        viewerOf(request),
        Number(request.params.id),
        page,
        {
          excludeReplies: q.exclude_replies ?? false,
          excludeReblogs: q.exclude_reblogs ?? false,
          onlyMedia: q.only_media ?? false,
          pinned: q.pinned ?? false,
          tagged: q.tagged,
        },
      );
      link(request, reply, result.ids, page);
      return result.statuses;
    },
  );
}
