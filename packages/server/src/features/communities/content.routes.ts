import {
  CommunityPinParams,
  CommunityTimelineQuery,
  IdParams,
  PinInput,
  Status,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { idPage } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks } from '../../http/pagination';
import { read, tags, write } from './communities.routes';
import { communityTimeline, pinnedStatuses, pinStatus, unpinStatus } from './content.service';

/** What is posted in a community: its timeline and its pinned statuses. */
export function communityContentRoutes(app: App, ctx: AppContext): void {
  const statuses = { 200: Status.array() };

  app.get(
    '/api/rapport/v1/communities/:id/timeline',
    {
      config: read,
      schema: { tags, params: IdParams, querystring: CommunityTimelineQuery, response: statuses },
    },
    async (request, reply) => {
      const page = idPage(request.query);
      const result = await communityTimeline(
        ctx,
        viewerOf(request),
        Number(request.params.id),
        page,
        { withReplies: request.query.with_replies ?? false },
      );
      setIdPageLinks(request, reply, ctx.config.publicUrl, result.ids, page);
      return result.statuses;
    },
  );

  app.get(
    '/api/rapport/v1/communities/:id/pins',
    { config: read, schema: { tags, params: IdParams, response: statuses } },
    async (request) => pinnedStatuses(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.post(
    '/api/rapport/v1/communities/:id/pins',
    { config: write, schema: { tags, params: IdParams, body: PinInput, response: statuses } },
    async (request) =>
      pinStatus(ctx, viewerOf(request), Number(request.params.id), Number(request.body.status_id)),
  );

  app.delete(
    '/api/rapport/v1/communities/:id/pins/:status_id',
    { config: write, schema: { tags, params: CommunityPinParams, response: statuses } },
    async (request) =>
      unpinStatus(
        ctx,
        viewerOf(request),
        Number(request.params.id),
        Number(request.params.status_id),
      ),
  );
}
