import {
  Empty,
  InboxItem,
  InboxItemParams,
  InboxQuery,
  InboxUnreadCount,
  InboxUnreadCountQuery,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { decodeCursor } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setCursorLink } from '../../http/pagination';
import { inboxPage, inboxUnreadCount, readInboxItem, readWholeInbox } from './inbox.service';

const tags = ['inbox'];
const CURSOR_KEYS = [
  { column: 'position', direction: 'desc' },
  { column: 'rank', direction: 'desc' },
] as const;

/** The blended inbox: mentions, replies, answers and direct messages, newest first. */
export function inboxRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/inbox',
    {
      config: { auth: 'user', scopes: ['read:notifications'] },
      schema: { tags, querystring: InboxQuery, response: { 200: InboxItem.array() } },
    },
    async (request, reply) => {
      const { filter = 'all', cursor, limit = 20 } = request.query;
      const after = cursor === undefined ? undefined : decodeCursor(cursor, [...CURSOR_KEYS]);
      const page = await inboxPage(
        ctx,
        viewerOf(request),
        filter,
        after ? { position: Number(after[0]), rank: Number(after[1]) } : undefined,
        Math.min(limit, 40),
      );
      const next = page.next ? [page.next.position, page.next.rank] : undefined;
      setCursorLink(request, reply, ctx.config.publicUrl, next, next !== undefined);
      return page.items;
    },
  );

  app.get(
    '/api/rapport/v1/inbox/unread_count',
    {
      config: { auth: 'user', scopes: ['read:notifications'] },
      schema: { tags, querystring: InboxUnreadCountQuery, response: { 200: InboxUnreadCount } },
    },
    async (request) => ({
      count: await inboxUnreadCount(ctx, viewerOf(request), request.query.limit ?? 100),
    }),
  );

  app.post(
    '/api/rapport/v1/inbox/read',
    {
      config: { auth: 'user', scopes: ['write:notifications'] },
      schema: { tags, response: { 200: Empty } },
    },
    async (request) => {
      await readWholeInbox(ctx, viewerOf(request));
      return {};
    },
  );

  app.post(
    '/api/rapport/v1/inbox/:id/read',
    {
      config: { auth: 'user', scopes: ['write:notifications'] },
      schema: { tags, params: InboxItemParams, response: { 200: Empty } },
    },
    async (request) => {
      await readInboxItem(ctx, viewerOf(request), request.params.id);
      return {};
    },
  );
}
