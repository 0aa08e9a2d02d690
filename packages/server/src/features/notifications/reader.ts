import { NotificationType } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { preferencesOf } from '../notification-preferences/preferences.service';
import { accountScope } from '../visibility/visibility';
import type { NotificationReader } from './shown.queries';

/**
 * Who is reading their notifications, and which types they turned off in the app. Those
 * are still written (email and push decide for themselves from `notification.created`),
 * but never listed, counted as unread or streamed to the reader.
 */
export async function readerOf(ctx: AppContext, viewer: Viewer): Promise<NotificationReader> {
  const prefs = await preferencesOf(ctx.db, viewer.id);
  return {
    id: viewer.id,
    scope: accountScope(viewer),
    hidden: NotificationType.options.filter((type) => !prefs.types[type].in_app),
  };
}
