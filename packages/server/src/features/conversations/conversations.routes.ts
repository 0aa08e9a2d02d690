import { Conversation, Empty, IdParams, PageQuery } from '@rapport/schema';
import type { AppContext } from '../../context';
import { idPage } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks } from '../../http/pagination';
import { conversationsPage, forgetConversation, readConversation } from './conversations.service';

const tags = ['conversations'];

/** Mastodon's conversations: threads of direct statuses, one list per participant. */
export function conversationsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/conversations',
    {
      config: { auth: 'user', scopes: ['read:statuses'] },
      schema: { tags, querystring: PageQuery, response: { 200: Conversation.array() } },
    },
    async (request, reply) => {
      const page = idPage(request.query, 20, 40);
      const result = await conversationsPage(ctx, viewerOf(request), page);
      // Mastodon pages conversations by their newest status's id.
      setIdPageLinks(request, reply, ctx.config.publicUrl, result.keys, page);
      return result.conversations;
    },
  );

  app.post(
    '/api/v1/conversations/:id/read',
    {
      config: { auth: 'user', scopes: ['write:conversations'] },
      schema: { tags, params: IdParams, response: { 200: Conversation } },
    },
    async (request) => readConversation(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.delete(
    '/api/v1/conversations/:id',
    {
      config: { auth: 'user', scopes: ['write:conversations'] },
      schema: { tags, params: IdParams, response: { 200: Empty } },
    },
    async (request) => {
      await forgetConversation(ctx, viewerOf(request), Number(request.params.id));
      return {};
    },
  );
}
