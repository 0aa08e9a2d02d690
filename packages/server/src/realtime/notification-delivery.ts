import type { AppContext } from '../context';
import { findVisibleNotification } from '../features/notifications/notifications.service';
import type { StreamConnection } from './connection';

/**
 * A notification reaches its account's connections that listen to `user` or
 * `user:notification` with a token that may read notifications, as the presenter shows it
 * (it applies the one visibility rule to the notification's account and status).
 */
export async function deliverNotification(
  ctx: AppContext,
  connections: Iterable<StreamConnection> | undefined,
  notificationId: number,
): Promise<void> {
  const listeners = [...(connections ?? [])].filter(
    (connection) =>
      connection.notifications &&
      !connection.loading &&
      (connection.streams.has('user') || connection.streams.has('user:notification')),
  );
  const first = listeners[0];
  if (!first) return;
  const notification = await findVisibleNotification(ctx, first.viewer, notificationId);
  if (!notification) return;
  const payload = JSON.stringify(JSON.stringify(notification));
  const messages = new Map<string, Buffer>();
  for (const connection of listeners) {
    for (const key of ['user', 'user:notification']) {
      const prefix = connection.streams.get(key);
      if (prefix === undefined) continue;
      let message = messages.get(prefix);
      if (!message) {
        message = Buffer.from(`${prefix}"notification","payload":${payload}}`);
        messages.set(prefix, message);
      }
      connection.send(message);
    }
  }
}
