import {
  type Chat,
  type CreateChatInput,
  MAX_CHAT_PARTICIPANTS,
  type UpdateChatInput,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { isUniqueViolation } from '../../db/dialect';
import { newId } from '../../db/ids';
import type { IdPage } from '../../db/pagination';
import type { Db } from '../../db/tables';
import { notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { findAccountsByIds } from '../accounts/accounts.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import { presentChats } from './chats.presenter';
import {
  type ChatRow,
  countMessagesAfter,
  countUnreadChats,
  directKey,
  findActiveMember,
  findActiveMembers,
  findChatById,
  findDirectChat,
  insertChat,
  listMemberships,
  lockActiveMember,
  type MemberRow,
  markLeft,
  messageInChat,
  setMuted,
  setTitle,
  updateReadState,
} from './chats.queries';
import { doesNotAcceptMessages, refusingRecipients } from './message-policy';

export const chatNotFound = () => notFound('Chat');

/**
 * The viewer's place in a conversation they are in; 404 otherwise (never 403), so whether
 * a conversation exists does not leak to those outside it, nor to those who left.
 */
export async function requireMember(db: Db, chatId: number, viewerId: number): Promise<MemberRow> {
  const member = await findActiveMember(db, chatId, viewerId);
  if (!member) throw chatNotFound();
  return member;
}

export async function presentChat(ctx: AppContext, viewer: Viewer, chatId: number): Promise<Chat> {
  const [chat] = await presentChats(ctx, ctx.db, viewer.id, [chatId]);
  if (!chat) throw chatNotFound();
  return chat;
}

const stringIds = (members: Array<{ account_id: number }>) =>
  members.map((member) => String(member.account_id));

/**
 * Starts a conversation with `account_ids`: each must be someone the starter may see and
 * who accepts messages from them, or nothing is stored. With one other person, their
 * existing one-to-one conversation is reused; a group (3+ people) is always new.
 */
export async function startChat(
  ctx: AppContext,
  viewer: Viewer,
  input: CreateChatInput,
  options: { at?: number } = {},
): Promise<{ chatId: number; created: boolean }> {
  const ids = [...new Set(input.account_ids.map(Number))].filter((id) => id !== viewer.id);
  if (ids.length === 0) throw validationFailed({ account_ids: ['name at least one other person'] });
  if (ids.length + 1 > MAX_CHAT_PARTICIPANTS) {
    throw validationFailed({
      account_ids: [`a conversation holds at most ${MAX_CHAT_PARTICIPANTS} people`],
    });
  }
  const visible = await visibleAccounts(ctx.db, viewer, await findAccountsByIds(ctx.db, ids));
  const found = new Set(visible.map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw validationFailed({ account_ids: [`${missing.join(', ')} not found`] });
  const refused = await refusingRecipients(ctx.db, viewer, visible);
  if (refused.length > 0) throw doesNotAcceptMessages(refused);

  const title = input.title?.trim() ?? '';
  const kind = ids.length === 1 ? 'direct' : 'group';
  if (kind === 'direct' && title !== '') {
    throw validationFailed({
      title: ['is for group conversations; a one-to-one one is named after the other person'],
    });
  }
  const key = kind === 'direct' ? directKey(viewer.id, ids[0] as number) : null;
  if (key) {
    const existing = await findDirectChat(ctx.db, key);
    if (existing) return { chatId: existing.id, created: false };
  }
  const at = options.at ?? Date.now();
  const id = newId();
  const chat: ChatRow = {
    id,
    kind,
    title,
    direct_key: key,
    created_by_id: viewer.id,
    last_message_id: null,
    created_at: at,
    updated_at: at,
  };
  const members: MemberRow[] = [viewer.id, ...ids].map((accountId) => ({
    chat_id: id,
    account_id: accountId,
    activity_id: id,
    last_read_message_id: null,
    unread_count: 0,
    muted: 0,
    interaction_day: 0,
    joined_at: at,
    left_at: null,
  }));
  try {
    await ctx.db.transaction().execute((trx) => insertChat(trx, chat, members));
  } catch (error) {
    // The other person started the same conversation at the same moment: theirs is it.
    if (key && isUniqueViolation(error)) {
      const existing = await findDirectChat(ctx.db, key);
      if (existing) return { chatId: existing.id, created: false };
    }
    throw error;
  }
  ctx.events.emit({
    type: 'chat.created',
    chat_id: String(id),
    by_id: String(viewer.id),
    title,
    participant_ids: stringIds(members),
  });
  return { chatId: id, created: true };
}

/** A page of the viewer's conversations, latest activity first; `ids` page the Link header. */
export async function listChats(
  ctx: AppContext,
  viewer: Viewer,
  page: IdPage,
): Promise<{ ids: number[]; chats: Chat[] }> {
  const rows = await listMemberships(ctx.db, viewer.id, page);
  const chats = await presentChats(
    ctx,
    ctx.db,
    viewer.id,
    rows.map((row) => row.chat_id),
  );
  return { ids: rows.map((row) => row.activity_id), chats };
}

export async function unreadChatsCount(ctx: AppContext, viewer: Viewer): Promise<number> {
  return countUnreadChats(ctx.db, viewer.id);
}

/** Renames a group conversation (any participant may) and mutes or unmutes it for the viewer. */
export async function updateChat(
  ctx: AppContext,
  viewer: Viewer,
  chatId: number,
  input: UpdateChatInput,
): Promise<Chat> {
  const member = await requireMember(ctx.db, chatId, viewer.id);
  const chat = await findChatById(ctx.db, chatId);
  if (!chat) throw chatNotFound();
  if (input.title !== undefined && chat.kind === 'direct') {
    throw validationFailed({
      title: ['is for group conversations; a one-to-one one is named after the other person'],
    });
  }
  if (input.title !== undefined && input.title !== chat.title) {
    await setTitle(ctx.db, chatId, input.title, Date.now());
    ctx.events.emit({
      type: 'chat.updated',
      chat_id: String(chatId),
      by_id: String(viewer.id),
      title: input.title,
      participant_ids: stringIds(await findActiveMembers(ctx.db, [chatId])),
    });
  }
  if (input.muted !== undefined && input.muted !== (member.muted === 1)) {
    await setMuted(ctx.db, chatId, viewer.id, input.muted);
    ctx.events.emit({
      type: 'chat.muted',
      chat_id: String(chatId),
      account_id: String(viewer.id),
      muted: input.muted,
    });
  }
  return presentChat(ctx, viewer, chatId);
}

/**
 * The viewer leaves: they no longer see the conversation nor receive its messages; the
 * others see them gone from its participants. A one-to-one conversation left by one side
 * is not found again for the pair: starting one anew makes a fresh conversation.
 */
export async function leaveChat(ctx: AppContext, viewer: Viewer, chatId: number): Promise<void> {
  const remaining = await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockActiveMember(trx, chatId, viewer.id))) throw chatNotFound();
    await markLeft(trx, chatId, viewer.id, Date.now());
    return findActiveMembers(trx, [chatId]);
  });
  ctx.events.emit({
    type: 'chat.left',
    chat_id: String(chatId),
    account_id: String(viewer.id),
    participant_ids: stringIds(remaining),
  });
}

/**
 * Marks the conversation read up to `lastReadId` (the newest message when not given). A
 * read position never moves backwards: an older id changes nothing. The participant's row
 * stays locked from reading the position to writing the new count, so a message arriving
 * meanwhile is counted either before or after, never lost.
 */
export async function readChat(
  ctx: AppContext,
  viewer: Viewer,
  chatId: number,
  lastReadId: number | undefined,
): Promise<Chat> {
  await requireMember(ctx.db, chatId, viewer.id);
  if (lastReadId !== undefined && !(await messageInChat(ctx.db, chatId, lastReadId))) {
    throw validationFailed({ last_read_id: ['is not a message of this conversation'] });
  }
  const moved = await ctx.db.transaction().execute(async (trx) => {
    const member = await lockActiveMember(trx, chatId, viewer.id);
    if (!member) throw chatNotFound();
    const target = lastReadId ?? (await findChatById(trx, chatId))?.last_message_id ?? null;
    const current = member.last_read_message_id;
    if (target === null || (current !== null && target <= current)) return null;
    const unread = await countMessagesAfter(trx, chatId, viewer.id, target);
    await updateReadState(trx, { chatId, accountId: viewer.id, lastReadId: target, unread });
    return { target, participants: await findActiveMembers(trx, [chatId]) };
  });
  if (moved) {
    ctx.events.emit({
      type: 'chat.read',
      chat_id: String(chatId),
      account_id: String(viewer.id),
      last_read_id: String(moved.target),
      participant_ids: stringIds(moved.participants),
    });
  }
  return presentChat(ctx, viewer, chatId);
}
