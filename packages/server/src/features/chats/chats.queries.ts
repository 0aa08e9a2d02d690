import { type Selectable, sql } from 'kysely';
import { forUpdate, prefixEnd } from '../../db/dialect';
import { applyIdPage, finishIdPage, type IdPage } from '../../db/pagination';
import { prepared } from '../../db/prepared';
import type { Db } from '../../db/tables';
import type { ChatMembersTable, ChatMessagesTable, ChatsTable } from '../../db/tables/chats.table';

export type ChatRow = Selectable<ChatsTable>;
export type MemberRow = Selectable<ChatMembersTable>;
export type MessageRow = Selectable<ChatMessagesTable>;

/** The key that finds the one-to-one conversation of two people, whoever started it. */
export const directKey = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;

export async function insertChat(trx: Db, chat: ChatRow, members: MemberRow[]): Promise<void> {
  await trx.insertInto('chats').values(chat).execute();
  await trx.insertInto('chat_members').values(members).execute();
}

export async function findChatById(db: Db, id: number): Promise<ChatRow | undefined> {
  return db.selectFrom('chats').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findChatsByIds(db: Db, ids: number[]): Promise<ChatRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('chats').selectAll().where('id', 'in', ids).execute();
}

export async function findDirectChat(db: Db, key: string): Promise<ChatRow | undefined> {
  return db.selectFrom('chats').selectAll().where('direct_key', '=', key).executeTakeFirst();
}

/** The conversation locked until the transaction ends: sends to it queue one behind another. */
export async function lockChat(trx: Db, id: number): Promise<ChatRow | undefined> {
  return forUpdate(
    trx,
    trx.selectFrom('chats').selectAll().where('id', '=', id),
  ).executeTakeFirst();
}

/** The person's place in a conversation they are still in. */
export async function findActiveMember(
  db: Db,
  chatId: number,
  accountId: number,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('chat_members')
    .selectAll()
    .where('chat_id', '=', chatId)
    .where('account_id', '=', accountId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
}

export async function lockActiveMember(
  trx: Db,
  chatId: number,
  accountId: number,
): Promise<MemberRow | undefined> {
  return forUpdate(
    trx,
    trx
      .selectFrom('chat_members')
      .selectAll()
      .where('chat_id', '=', chatId)
      .where('account_id', '=', accountId)
      .where('left_at', 'is', null),
  ).executeTakeFirst();
}

/** Everyone still in these conversations (primary key range per conversation). */
export async function findActiveMembers(db: Db, chatIds: number[]): Promise<MemberRow[]> {
  if (chatIds.length === 0) return [];
  return db
    .selectFrom('chat_members')
    .selectAll()
    .where('chat_id', 'in', chatIds)
    .where('left_at', 'is', null)
    .orderBy('chat_id')
    .orderBy('account_id')
    .execute();
}

/** A page of the person's conversations, latest activity first (index chat_members_list). */
export async function listMemberships(
  db: Db,
  accountId: number,
  page: IdPage,
): Promise<Array<{ chat_id: number; activity_id: number }>> {
  const query = db
    .selectFrom('chat_members')
    .select(['chat_id', 'activity_id'])
    .where('account_id', '=', accountId)
    .where('left_at', 'is', null);
  return finishIdPage(await applyIdPage(query, 'activity_id', page).execute(), page);
}

/**
 * How many of the person's conversations have unread messages, muted ones left out: the
 * navigation badge, asked on every page, so prepared. The condition is the partial index
 * chat_members_unread's, so only its entries (conversations with something unread) are read.
 */
const unreadChats = prepared((db, accountId: number) =>
  db
    .selectFrom('chat_members')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('account_id', '=', accountId)
    .where(sql<boolean>`left_at is null and muted = 0 and unread_count > 0`),
);

export async function countUnreadChats(db: Db, accountId: number): Promise<number> {
  const [row] = await unreadChats(db, accountId);
  return Number(row?.n ?? 0);
}

export async function insertMessage(trx: Db, row: MessageRow): Promise<void> {
  await trx.insertInto('chat_messages').values(row).execute();
}

export async function findMessageByKey(
  db: Db,
  chat: { chatId: number; accountId: number; key: string },
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('chat_id', '=', chat.chatId)
    .where('account_id', '=', chat.accountId)
    .where('idempotency_key', '=', chat.key)
    .executeTakeFirst();
}

export async function findMessagesByIds(db: Db, ids: number[]): Promise<MessageRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('chat_messages').selectAll().where('id', 'in', ids).execute();
}

export async function messageInChat(db: Db, chatId: number, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('chat_messages')
    .select('id')
    .where('id', '=', id)
    .where('chat_id', '=', chatId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A page of a conversation's messages (index chat_messages_chat), as Mastodon lists page. */
export async function listMessages(db: Db, chatId: number, page: IdPage): Promise<MessageRow[]> {
  const query = db.selectFrom('chat_messages').selectAll().where('chat_id', '=', chatId);
  return finishIdPage(await applyIdPage(query, 'id', page).execute(), page);
}

/** Messages by others after `afterId` (all of them when null): the unread count. */
export async function countMessagesAfter(
  db: Db,
  chatId: number,
  accountId: number,
  afterId: number | null,
): Promise<number> {
  const row = await db
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('chat_id', '=', chatId)
    .where('id', '>', afterId ?? 0)
    .where('account_id', '<>', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A new message moves the conversation to the top of everyone's list; the others have one
 * more unread message, and the sender has read up to their own.
 */
export async function recordMessageActivity(
  trx: Db,
  message: { chatId: number; id: number; senderId: number; at: number },
): Promise<void> {
  await trx
    .updateTable('chat_members')
    .set((eb) => ({ activity_id: message.id, unread_count: eb('unread_count', '+', 1) }))
    .where('chat_id', '=', message.chatId)
    .where('left_at', 'is', null)
    .where('account_id', '<>', message.senderId)
    .execute();
  await trx
    .updateTable('chat_members')
    .set({ activity_id: message.id, last_read_message_id: message.id, unread_count: 0 })
    .where('chat_id', '=', message.chatId)
    .where('account_id', '=', message.senderId)
    .execute();
  await trx
    .updateTable('chats')
    .set({ last_message_id: message.id, updated_at: message.at })
    .where('id', '=', message.chatId)
    .execute();
}

export async function updateReadState(
  trx: Db,
  read: { chatId: number; accountId: number; lastReadId: number; unread: number },
): Promise<void> {
  await trx
    .updateTable('chat_members')
    .set({ last_read_message_id: read.lastReadId, unread_count: read.unread })
    .where('chat_id', '=', read.chatId)
    .where('account_id', '=', read.accountId)
    .execute();
}

export async function setInteractionDay(
  trx: Db,
  chatId: number,
  accountId: number,
  day: number,
): Promise<void> {
  await trx
    .updateTable('chat_members')
    .set({ interaction_day: day })
    .where('chat_id', '=', chatId)
    .where('account_id', '=', accountId)
    .execute();
}

export async function setMuted(
  db: Db,
  chatId: number,
  accountId: number,
  muted: boolean,
): Promise<void> {
  await db
    .updateTable('chat_members')
    .set({ muted: muted ? 1 : 0 })
    .where('chat_id', '=', chatId)
    .where('account_id', '=', accountId)
    .execute();
}

export async function setTitle(db: Db, chatId: number, title: string, at: number): Promise<void> {
  await db.updateTable('chats').set({ title, updated_at: at }).where('id', '=', chatId).execute();
}

/** The person leaves; a one-to-one conversation stops being the one found for the pair. */
export async function markLeft(trx: Db, chatId: number, accountId: number, at: number) {
  await trx
    .updateTable('chat_members')
    .set({ left_at: at, unread_count: 0 })
    .where('chat_id', '=', chatId)
    .where('account_id', '=', accountId)
    .execute();
  await trx
    .updateTable('chats')
    .set({ direct_key: null, updated_at: at })
    .where('id', '=', chatId)
    .where('kind', '=', 'direct')
    .execute();
}

export async function insertTerms(
  trx: Db,
  chatId: number,
  messageId: number,
  terms: string[],
): Promise<void> {
  if (terms.length === 0) return;
  await trx
    .insertInto('chat_message_terms')
    .values(terms.map((term) => ({ chat_id: chatId, term, message_id: messageId })))
    .execute();
}

/**
 * Messages of the person's conversations (left ones excluded) holding every term, the last
 * one as the start of a word, newest first below `beforeId`. The primary key (chat_id, term,
 * message_id) gives each of the person's conversations a range scan, so a search costs the
 * matches in their own conversations, never the organisation's.
 */
export async function searchMessageIds(
  db: Db,
  search: { accountId: number; terms: string[]; beforeId: number | undefined; limit: number },
): Promise<number[]> {
  const exact = search.terms.slice(0, -1);
  const prefix = search.terms.at(-1);
  if (prefix === undefined) return [];
  const mine = db
    .selectFrom('chat_members')
    .select('chat_id')
    .where('account_id', '=', search.accountId)
    .where('left_at', 'is', null);
  let query = db
    .selectFrom('chat_message_terms as t')
    .select('t.message_id')
    .distinct()
    .where('t.chat_id', 'in', mine)
    .where('t.term', '>=', prefix)
    .where('t.term', '<', prefixEnd(prefix));
  if (search.beforeId !== undefined) query = query.where('t.message_id', '<', search.beforeId);
  for (const term of exact) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('chat_message_terms as o')
          .select('o.message_id')
          .whereRef('o.chat_id', '=', 't.chat_id')
          .where('o.term', '=', term)
          .whereRef('o.message_id', '=', 't.message_id'),
      ),
    );
  }
  const rows = await query.orderBy('t.message_id', 'desc').limit(search.limit).execute();
  return rows.map((row) => row.message_id);
}

/**
 * Gives an upload to a chat message at `position`, only if it is the sender's and neither a
 * status nor another message took it: false otherwise (one statement, so two sends at once
 * cannot both take it).
 */
export async function claimMediaForMessage(
  trx: Db,
  media: { id: number; accountId: number; messageId: number; position: number },
): Promise<boolean> {
  const result = await trx
    .updateTable('media_attachments')
    .set({ chat_message_id: media.messageId, position: media.position })
    .where('id', '=', media.id)
    .where('account_id', '=', media.accountId)
    .where('status_id', 'is', null)
    .where('chat_message_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The attachments of these messages, in order (index media_attachments_chat_message). */
export async function findMediaOfMessages(db: Db, messageIds: number[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('media_attachments')
    .selectAll()
    .where('chat_message_id', 'in', messageIds)
    .orderBy('chat_message_id')
    .orderBy('position')
    .execute();
}

export interface UnreadChat {
  chat_id: number;
  kind: 'direct' | 'group';
  title: string;
  unread_count: number;
  last_message_id: number;
  html: string;
  sender_name: string;
}

/**
 * The person's unmuted conversations with unread messages whose newest message came after
 * `afterId` (the digest's "since"), newest first, with that message and its sender: read
 * through the partial index chat_members_unread.
 */
export async function unreadChatsAfter(
  db: Db,
  accountId: number,
  afterId: number,
  limit: number,
): Promise<UnreadChat[]> {
  const rows = await db
    .selectFrom('chat_members as cm')
    .innerJoin('chats as c', 'c.id', 'cm.chat_id')
    .innerJoin('chat_messages as m', 'm.id', 'c.last_message_id')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select([
      'cm.chat_id',
      'c.kind',
      'c.title',
      'cm.unread_count',
      'm.id as last_message_id',
      'm.html',
      sql<string>`case when a.display_name = '' then a.username else a.display_name end`.as(
        'sender_name',
      ),
    ])
    .where('cm.account_id', '=', accountId)
    .where(sql<boolean>`cm.left_at is null and cm.muted = 0 and cm.unread_count > 0`)
    .where('m.id', '>', afterId)
    .orderBy('m.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, unread_count: Number(row.unread_count) }));
}
