import type { InboxItem } from '@rapport/schema';
import type { Db } from '../../db/tables';
import { presentChats } from '../chats/chats.presenter';
import { readChat, unreadChatsCount } from '../chats/chats.service';
import { preferencesOf } from '../notification-preferences/preferences.service';
import { type InboxChatRow, listInboxChats, unreadChatIds } from './inbox.queries';
import { type InboxSource, positionBelow } from './inbox.source';

const inApp = async (db: Db, accountId: number) =>
  (await preferencesOf(db, accountId)).types.chat_message.in_app;

/** Below notifications at one position (two ids alike in two tables: a rare tie). */
const RANK = 0;

/**
 * Direct messages: one item per conversation whose latest message is someone else's, at
 * that message's place in time. Read state is the conversation's own read marker: opening
 * the item reads the conversation (as POST /chats/:id/read does), and a muted conversation
 * never counts as unread, as in the messages badge. Someone who turned direct messages off
 * in the app finds them in their conversations, not here.
 */
export const chatSource: InboxSource = {
  name: 'chat',
  rank: RANK,
  filters: new Set(['all', 'unread', 'messages']),

  async list(ctx, viewer, filter, before, limit) {
    if (!(await inApp(ctx.db, viewer.id))) return [];
    const rows = await listInboxChats(ctx.db, viewer.id, {
      unreadOnly: filter === 'unread',
      below: positionBelow(before, RANK),
      limit,
    });
    return rows.map((row) => ({ position: row.activity_id, id: row.chat_id, value: row }));
  },

  async present(ctx, viewer, values) {
    // Only this source's `list` made these values.
    const rows = values as InboxChatRow[];
    const chats = await presentChats(
      ctx,
      ctx.db,
      viewer.id,
      rows.map((row) => row.chat_id),
    );
    return chats.flatMap((chat): InboxItem[] => {
      const message = chat.last_message;
      if (!message) return [];
      return [
        {
          id: `chat-${chat.id}`,
          kind: 'message',
          created_at: message.created_at,
          unread: chat.unread_count > 0 && !chat.muted,
          account: message.account,
          chat,
        },
      ];
    });
  },

  async unreadCount(ctx, viewer, limit) {
    if (!(await inApp(ctx.db, viewer.id))) return 0;
    return Math.min(limit, await unreadChatsCount(ctx, viewer));
  },

  async markRead(ctx, viewer, id) {
    // 404 for a conversation the viewer is not in, as everywhere in chats.
    await readChat(ctx, viewer, id, undefined);
  },

  async markAllRead(ctx, viewer) {
    for (const chatId of await unreadChatIds(ctx.db, viewer.id)) {
      await readChat(ctx, viewer, chatId, undefined);
    }
  },
};
