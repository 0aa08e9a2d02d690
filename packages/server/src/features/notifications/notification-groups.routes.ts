import {
  Account,
  Empty,
  GroupAccountsQuery,
  GroupedNotificationsQuery,
  GroupedNotificationsResults,
  GroupedUnreadCountQuery,
  GroupKeyParams,
  UnreadCount,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { idPage } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks, setIdRangeLinks } from '../../http/pagination';
import {
  dismissGroup,
  getNotificationGroup,
  groupAccounts,
  groupedNotificationsPage,
  unreadGroupCount,
} from './notification-groups.service';
import { filterOf, groupedTypesOf } from './query-filters';

const tags = ['notifications'];

/** Mastodon's grouped notifications (API v2, Mastodon 4.3). */
export function notificationGroupsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v2/notifications',
    {
      config: { auth: 'user', scopes: ['read:notifications'] },
      schema: {
        tags,
        querystring: GroupedNotificationsQuery,
        response: { 200: GroupedNotificationsResults },
      },
    },
    async (request, reply) => {
      const page = idPage(request.query, 40, 80);
      const { results, range, more } = await groupedNotificationsPage(
        ctx,
        viewerOf(request),
        {
          filter: filterOf(request.query),
          grouped: groupedTypesOf(request.query.grouped_types),
          partialAvatars: request.query.expand_accounts === 'partial_avatars',
        },
        page,
      );
      // rel="next" only when the walk stopped at a group beyond the page.
      setIdRangeLinks(request, reply, ctx.config.publicUrl, range, more);
      return results;
    },
  );

  app.get(
    '/api/v2/notifications/unread_count',
    {
      config: { auth: 'user', scopes: ['read:notifications'] },
      schema: { tags, querystring: GroupedUnreadCountQuery, response: { 200: UnreadCount } },
    },
    async (request) => ({
      count: await unreadGroupCount(
        ctx,
        viewerOf(request),
        filterOf(request.query),
        groupedTypesOf(request.query.grouped_types),
        request.query.limit ?? 100,
      ),
    }),
  );

  app.get(
    '/api/v2/notifications/:group_key',
    {
      config: { auth: 'user', scopes: ['read:notifications'] },
      schema: { tags, params: GroupKeyParams, response: { 200: GroupedNotificationsResults } },
    },
    async (request) => getNotificationGroup(ctx, viewerOf(request), request.params.group_key),
  );

  app.get(
    '/api/v2/notifications/:group_key/accounts',
    {
      config: { auth: 'user', scopes: ['read:notifications'] },
      schema: {
        tags,
        params: GroupKeyParams,
        querystring: GroupAccountsQuery,
        response: { 200: Account.array() },
      },
    },
    async (request, reply) => {
      const page = idPage(request.query, 40, 80);
      const result = await groupAccounts(ctx, viewerOf(request), request.params.group_key, page);
      setIdPageLinks(request, reply, ctx.config.publicUrl, result.ids, page);
      return result.accounts;
    },
  );

  app.post(
    '/api/v2/notifications/:group_key/dismiss',
    {
      config: { auth: 'user', scopes: ['write:notifications'] },
      schema: { tags, params: GroupKeyParams, response: { 200: Empty } },
    },
    async (request) => {
      await dismissGroup(ctx, viewerOf(request), request.params.group_key);
      return {};
    },
  );
}
