import { NotificationPreferences, UpdateNotificationPreferences } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { preferencesOf, updatePreferences } from './preferences.service';

const tags = ['notifications'];

/** What each person wants to be told about, on which channel, and when not to be disturbed. */
export function preferencesRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/preferences/notifications',
    {
      config: { auth: 'user', scopes: ['read:accounts'] },
      schema: { tags, response: { 200: NotificationPreferences } },
    },
    async (request) => preferencesOf(ctx.db, viewerOf(request).id),
  );

  app.put(
    '/api/rapport/v1/preferences/notifications',
    {
      config: { auth: 'user', scopes: ['write:accounts'] },
      schema: {
        tags,
        body: UpdateNotificationPreferences,
        response: { 200: NotificationPreferences },
      },
    },
    async (request) => updatePreferences(ctx, viewerOf(request), request.body),
  );
}
