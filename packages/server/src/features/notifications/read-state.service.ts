import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { advanceMarker, findMarkers } from './markers.queries';
import {
  deleteReadsUpTo,
  findReads,
  insertRead,
  newestNotificationId,
  newestReadBelow,
  oldestUnreadId,
} from './read-state.queries';
import { readerOf } from './reader';
import type { NotificationReader } from './shown.queries';

/**
 * Read state of notifications, shared by Mastodon apps and the web app. Mastodon's
 * notifications marker is a position: everything at or below it is read. Rapport's inbox
 * also opens notifications one at a time, out of order; such a read is kept as a row until
 * the marker can take it over, that is once every shown notification below it is read too.
 * So a notification is unread when it is newer than the marker and was not opened on its
 * own, the same rule for every list, count and app.
 */

export async function markerOf(ctx: AppContext, accountId: number): Promise<number | undefined> {
  const [marker] = await findMarkers(ctx.db, accountId, ['notifications']);
  return marker?.last_read_id;
}

/** The ids among `ids` (the account's notifications) that are still unread. */
export async function unreadAmong(
  ctx: AppContext,
  accountId: number,
  ids: number[],
): Promise<Set<number>> {
  const markerId = await markerOf(ctx, accountId);
  const above = ids.filter((id) => markerId === undefined || id > markerId);
  const reads = await findReads(ctx.db, accountId, above);
  return new Set(above.filter((id) => !reads.has(id)));
}

/**
 * Marks one notification read (the caller checked that the viewer is shown it), then moves
 * the marker over every read notification that no unread one precedes.
 */
export async function markNotificationRead(
  ctx: AppContext,
  viewer: Viewer,
  notificationId: number,
): Promise<void> {
  const markerId = await markerOf(ctx, viewer.id);
  if (markerId !== undefined && notificationId <= markerId) return;
  await insertRead(ctx.db, viewer.id, notificationId, Date.now());
  const moved = await advanceOverReads(ctx, await readerOf(ctx, viewer), markerId);
  ctx.events.emit({
    type: 'notifications.read',
    account_id: String(viewer.id),
    marker_id: moved === undefined ? null : String(moved),
    notification_ids: [String(notificationId)],
  });
}

async function advanceOverReads(
  ctx: AppContext,
  reader: NotificationReader,
  markerId: number | undefined,
): Promise<number | undefined> {
  const firstUnread = await oldestUnreadId(ctx.db, reader, markerId);
  const upTo = await newestReadBelow(ctx.db, reader.id, firstUnread);
  if (upTo === undefined || (markerId !== undefined && upTo <= markerId)) return undefined;
  await advanceMarker(ctx.db, reader.id, 'notifications', upTo, Date.now());
  await deleteReadsUpTo(ctx.db, reader.id, upTo);
  return upTo;
}

/** "Mark all read": the marker moves to the newest notification. */
export async function markAllNotificationsRead(ctx: AppContext, viewer: Viewer): Promise<void> {
  const newest = await newestNotificationId(ctx.db, viewer.id);
  if (newest === undefined) return;
  await advanceMarker(ctx.db, viewer.id, 'notifications', newest, Date.now());
  await markerSaved(ctx, viewer);
}

/** After the marker moved (here or from an app): reads it now covers go, and listeners hear. */
export async function markerSaved(ctx: AppContext, viewer: Viewer): Promise<void> {
  const markerId = await markerOf(ctx, viewer.id);
  if (markerId === undefined) return;
  await deleteReadsUpTo(ctx.db, viewer.id, markerId);
  ctx.events.emit({
    type: 'notifications.read',
    account_id: String(viewer.id),
    marker_id: String(markerId),
    notification_ids: [],
  });
}
