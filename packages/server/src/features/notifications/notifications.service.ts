import type { Notification } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { IdPage } from '../../db/pagination';
import { notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { presentNotifications } from './notifications.presenter';
import {
  countNotifications,
  countUnread,
  deleteAllNotifications,
  deleteNotification,
  findNotification,
  listNotifications,
  type NotificationFilter,
} from './notifications.queries';
import { markerOf } from './read-state.service';
import { readerOf } from './reader';

/** A page of notifications and the ids its Link header continues from (before presenting). */
export async function notificationsPage(
  ctx: AppContext,
  viewer: Viewer,
  filter: NotificationFilter,
  page: IdPage,
): Promise<{ notifications: Notification[]; ids: number[] }> {
  const rows = await listNotifications(ctx.db, await readerOf(ctx, viewer), filter, page);
  return {
    notifications: await presentNotifications(ctx, viewer, rows),
    ids: rows.map((row) => row.id),
  };
}

/** One of the viewer's notifications as they would see it in the list, or undefined. */
export async function findVisibleNotification(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<Notification | undefined> {
  const row = await findNotification(ctx.db, await readerOf(ctx, viewer), id);
  return row ? (await presentNotifications(ctx, viewer, [row]))[0] : undefined;
}

/** 404 for someone else's notification as for a missing one, so ids do not leak. */
export async function getNotification(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<Notification> {
  const notification = await findVisibleNotification(ctx, viewer, id);
  if (!notification) throw notFound('Notification');
  return notification;
}

export async function dismissNotification(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<void> {
  if (!(await deleteNotification(ctx.db, viewer.id, id))) throw notFound('Notification');
}

export async function clearNotifications(ctx: AppContext, viewer: Viewer): Promise<void> {
  await deleteAllNotifications(ctx.db, viewer.id);
}

/**
 * Unread notifications: newer than the viewer's notifications marker (all of them without
 * one) and not opened one by one (read-state.service.ts), counted no further than `limit`.
 */
export async function unreadCount(
  ctx: AppContext,
  viewer: Viewer,
  filter: NotificationFilter,
  limit: number,
): Promise<number> {
  const [reader, markerId] = await Promise.all([readerOf(ctx, viewer), markerOf(ctx, viewer.id)]);
  const plain = !filter.types && !filter.excludeTypes?.length && filter.fromAccountId === undefined;
  // The badge's own question (no filter) takes the prepared path.
  if (plain) return countUnread(ctx.db, reader, markerId, { inbox: false, limit });
  return countNotifications(ctx.db, reader, { ...filter, unread: { markerId } }, limit);
}
