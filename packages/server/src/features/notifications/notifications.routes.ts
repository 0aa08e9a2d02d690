import {
  Empty,
  IdParams,
  Markers,
  MarkersInput,
  MarkersQuery,
  Notification,
  NotificationsQuery,
  UnreadCount,
  UnreadCountQuery,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { idPage } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks } from '../../http/pagination';
import { getMarkers, saveMarkers } from './markers.service';
import { notificationGroupsRoutes } from './notification-groups.routes';
import {
  clearNotifications,
  dismissNotification,
  getNotification,
  notificationsPage,
  unreadCount,
} from './notifications.service';
import { filterOf } from './query-filters';

const tags = ['notifications'];

/** Mastodon's notifications and read markers. */
export function notificationsRoutes(app: App, ctx: AppContext): void {
  notificationGroupsRoutes(app, ctx);
  app.get(
    '/api/v1/notifications',
    {
      config: { auth: 'user', scopes: ['read:notifications'] },
      schema: { tags, querystring: NotificationsQuery, response: { 200: Notification.array() } },
    },
    async (request, reply) => {
      const page = idPage(request.query, 40, 80);
      const result = await notificationsPage(ctx, viewerOf(request), filterOf(request.query), page);
      setIdPageLinks(request, reply, ctx.config.publicUrl, result.ids, page);
      return result.notifications;
    },
  );

  app.get(
    '/api/v1/notifications/unread_count',
    {
      config: { auth: 'user', scopes: ['read:notifications'] },
      schema: { tags, querystring: UnreadCountQuery, response: { 200: UnreadCount } },
    },
    async (request) => ({
      count: await unreadCount(
        ctx,
        viewerOf(request),
        filterOf(request.query),
        request.query.limit ?? 100,
      ),
    }),
  );

  app.get(
    '/api/v1/notifications/:id',
    {
      config: { auth: 'user', scopes: ['read:notifications'] },
      schema: { tags, params: IdParams, response: { 200: Notification } },
    },
    async (request) => getNotification(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.post(
    '/api/v1/notifications/clear',
    {
      config: { auth: 'user', scopes: ['write:notifications'] },
      schema: { tags, response: { 200: Empty } },
    },
    async (request) => {
      await clearNotifications(ctx, viewerOf(request));
      return {};
    },
  );

  app.post(
    '/api/v1/notifications/:id/dismiss',
    {
      config: { auth: 'user', scopes: ['write:notifications'] },
      schema: { tags, params: IdParams, response: { 200: Empty } },
    },
    async (request) => {
      await dismissNotification(ctx, viewerOf(request), Number(request.params.id));
      return {};
    },
  );

  app.get(
    '/api/v1/markers',
    {
      config: { auth: 'user', scopes: ['read:statuses'] },
      schema: { tags: ['markers'], querystring: MarkersQuery, response: { 200: Markers } },
    },
    async (request) => getMarkers(ctx, viewerOf(request), request.query.timeline),
  );

  app.post(
    '/api/v1/markers',
    {
      config: { auth: 'user', scopes: ['write:statuses'] },
      schema: { tags: ['markers'], body: MarkersInput, response: { 200: Markers } },
    },
    async (request) => saveMarkers(ctx, viewerOf(request), request.body),
  );
}
