import {
  SEARCH_LIMITS,
  SearchQuery,
  SearchResults,
  UnifiedSearchQuery,
  UnifiedSearchResults,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { decodeCursor, type SortKey } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setCursorLink, setMaxIdLink } from '../../http/pagination';
import { search } from './search.service';
import { unifiedSearch } from './unified-search.service';

/** Both cursors this search hands out (communities, pages) are [time, id] pairs. */
const CURSOR_KEYS: SortKey[] = [
  { column: 'at', direction: 'desc' },
  { column: 'id', direction: 'desc' },
];

/** Mastodon's v2 search, and Rapport's search over everything the viewer may see. */
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

  app.get(
    '/api/rapport/v1/search',
    {
      config: { auth: 'user', scopes: ['read:search'] },
      schema: {
        tags: ['search'],
        querystring: UnifiedSearchQuery,
        response: { 200: UnifiedSearchResults },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const page = await unifiedSearch(ctx, viewerOf(request), {
        q: q.q,
        type: q.type,
        limit: q.limit ?? (q.type ? SEARCH_LIMITS.page : SEARCH_LIMITS.overview),
        maxId: q.max_id === undefined ? undefined : Number(q.max_id),
        after: q.cursor === undefined ? undefined : decodeCursor(q.cursor, CURSOR_KEYS),
      });
      const { next } = page;
      if (next && 'maxId' in next) setMaxIdLink(request, reply, ctx.config.publicUrl, next.maxId);
      if (next && 'after' in next)
        setCursorLink(request, reply, ctx.config.publicUrl, next.after, true);
      return page.results;
    },
  );
}
