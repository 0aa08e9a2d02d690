import { SearchQuery, SearchResults } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { search } from './search.service';

/** Mastodon's v2 search. */
export function searchRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v2/search',
    {
      config: { auth: 'user', scopes: ['read:search'] },
      schema: { tags: ['search'], querystring: SearchQuery, response: { 200: SearchResults } },
    },
    async (request) => {
      const q = request.query;
      return search(ctx, viewerOf(request), q.q, {
        type: q.type,
        limit: Math.min(q.limit ?? 20, 40),
        maxId: q.max_id === undefined ? undefined : Number(q.max_id),
        accountId: q.account_id === undefined ? undefined : Number(q.account_id),
      });
    },
  );
}
