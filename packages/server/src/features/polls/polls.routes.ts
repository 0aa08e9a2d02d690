import { IdParams, Poll, PollVoteInput } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { presentPollFor } from './polls.presenter';
import { getVisiblePoll, voteInPoll } from './polls.service';

const tags = ['polls'];

/** Mastodon's poll endpoints; a poll is visible exactly when its status is. */
export function pollsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/polls/:id',
    {
      config: { auth: 'user', scopes: ['read:statuses'] },
      schema: { tags, params: IdParams, response: { 200: Poll } },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const poll = await getVisiblePoll(ctx, viewer, Number(request.params.id));
      return presentPollFor(ctx.db, viewer.id, poll);
    },
  );

  app.post(
    '/api/v1/polls/:id/votes',
    {
      config: { auth: 'user', scopes: ['write:statuses'] },
      schema: { tags, params: IdParams, body: PollVoteInput, response: { 200: Poll } },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const poll = await voteInPoll(ctx, viewer, Number(request.params.id), request.body.choices);
      return presentPollFor(ctx.db, viewer.id, poll);
    },
  );
}
