import { IdParams, InviteInput, InviteResult } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { inviteToEvent, inviteToPage } from './invites.service';

const write = { auth: 'user' as const, scopes: ['write:statuses' as const] };

/** Inviting people to an event, or asking them to look at a page. */
export function invitesRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/rapport/v1/events/:id/invitations',
    {
      config: write,
      schema: {
        tags: ['events'],
        params: IdParams,
        body: InviteInput,
        response: { 200: InviteResult },
      },
    },
    async (request) =>
      inviteToEvent(ctx, viewerOf(request), Number(request.params.id), request.body),
  );

  app.post(
    '/api/rapport/v1/pages/:id/invitations',
    {
      config: write,
      schema: {
        tags: ['pages'],
        params: IdParams,
        body: InviteInput,
        response: { 200: InviteResult },
      },
    },
    async (request) =>
      inviteToPage(ctx, viewerOf(request), Number(request.params.id), request.body),
  );
}
