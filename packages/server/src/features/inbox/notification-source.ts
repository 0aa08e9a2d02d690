import type { InboxFilter, InboxItem } from '@rapport/schema';
import { notFound } from '../../errors';
import { presentNotifications } from '../notifications/notifications.presenter';
import {
  countUnread,
  findNotification,
  listNotifications,
} from '../notifications/notifications.queries';
import {
  markAllNotificationsRead,
  markerOf,
  markNotificationRead,
  unreadAmong,
} from '../notifications/read-state.service';
import { readerOf } from '../notifications/reader';
import type { InboxNotificationKind, NotificationRow } from '../notifications/shown.queries';
import { type InboxSource, positionBelow } from './inbox.source';

/** Ranked above chats at one position (two ids alike in two tables: a rare tie). */
const RANK = 1;

const KINDS: Partial<Record<InboxFilter, InboxNotificationKind[] | 'all'>> = {
  all: 'all',
  unread: 'all',
  mentions: ['mention'],
  replies: ['reply'],
  answers: ['answer'],
};

/**
 * Mentions, replies to the person's statuses and answers to their questions: their
 * `mention` notifications, with the kind written when each was (notifications_inbox
 * indexes). Read state is the notifications' own (read-state.service.ts), so Mastodon apps
 * and the inbox agree through the notifications marker.
 */
export const notificationSource: InboxSource = {
  name: 'notification',
  rank: RANK,
  filters: new Set(Object.keys(KINDS) as InboxFilter[]),

  async list(ctx, viewer, filter, before, limit) {
    const inbox = KINDS[filter];
    if (!inbox) return [];
    const [reader, markerId] = await Promise.all([
      readerOf(ctx, viewer),
      filter === 'unread' ? markerOf(ctx, viewer.id) : undefined,
    ]);
    const rows = await listNotifications(
      ctx.db,
      reader,
      { inbox, unread: filter === 'unread' ? { markerId } : undefined },
      { maxId: positionBelow(before, RANK), sinceId: undefined, minId: undefined, limit },
    );
    return rows.map((row) => ({ position: row.id, id: row.id, value: row }));
  },

  async present(ctx, viewer, values) {
    // Only this source's `list` made these values.
    const rows = values as NotificationRow[];
    const [notifications, unread] = await Promise.all([
      presentNotifications(ctx, viewer, rows),
      unreadAmong(
        ctx,
        viewer.id,
        rows.map((row) => row.id),
      ),
    ]);
    const kinds = new Map(rows.map((row) => [String(row.id), row.inbox_kind]));
    return notifications.flatMap((notification): InboxItem[] => {
      const kind = kinds.get(notification.id);
      if (!kind || !notification.status) return [];
      return [
        {
          id: `notification-${notification.id}`,
          kind,
          created_at: notification.created_at,
          unread: unread.has(Number(notification.id)),
          account: notification.account,
          status: notification.status,
        },
      ];
    });
  },

  async unreadCount(ctx, viewer, limit) {
    const [reader, markerId] = await Promise.all([readerOf(ctx, viewer), markerOf(ctx, viewer.id)]);
    return countUnread(ctx.db, reader, markerId, { inbox: true, limit });
  },

  async markRead(ctx, viewer, id) {
    const row = await findNotification(ctx.db, await readerOf(ctx, viewer), id);
    if (!row?.inbox_kind) throw notFound('Inbox item');
    await markNotificationRead(ctx, viewer, id);
  },

  markAllRead: markAllNotificationsRead,
};
