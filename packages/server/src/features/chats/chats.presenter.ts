import type { Account, Chat, ChatMessage, MediaAttachment } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import { toIso } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import { type AccountRow, findAccountsByIds } from '../accounts/accounts.queries';
import { presentMedia } from '../media/media.presenter';
import {
  findActiveMembers,
  findChatsByIds,
  findMediaOfMessages,
  findMessagesByIds,
  type MessageRow,
} from './chats.queries';

async function accountsById(ctx: AppContext, db: Db, ids: number[]) {
  const rows = await findAccountsByIds(db, [...new Set(ids)]);
  return new Map<number, Account>(
    rows.map((row: AccountRow) => [row.id, presentAccount(ctx, row)]),
  );
}

/**
 * Messages as API entities, in the order given: their senders and images in one query each.
 * A message reads the same for every participant, so streams render it once.
 */
export async function presentMessages(
  ctx: AppContext,
  db: Db,
  rows: MessageRow[],
  known: Map<number, Account> = new Map(),
): Promise<ChatMessage[]> {
  if (rows.length === 0) return [];
  const missing = rows.map((row) => row.account_id).filter((id) => !known.has(id));
  const accounts = new Map([...known, ...(await accountsById(ctx, db, missing))]);
  const media = new Map<number, MediaAttachment[]>();
  for (const row of await findMediaOfMessages(
    db,
    rows.map((row) => row.id),
  )) {
    const messageId = row.chat_message_id as number;
    media.set(messageId, [...(media.get(messageId) ?? []), presentMedia(ctx, row)]);
  }
  const presented: ChatMessage[] = [];
  for (const row of rows) {
    const account = accounts.get(row.account_id);
    // An account deleted meanwhile takes its messages with it (cascade); skip the gap.
    if (!account) continue;
    presented.push({
      id: String(row.id),
      chat_id: String(row.chat_id),
      account,
      text: row.text,
      html: row.html,
      media_attachments: media.get(row.id) ?? [],
      created_at: toIso(row.created_at),
    });
  }
  return presented;
}

/**
 * Conversations as `viewerId` sees them, in the order given, in a fixed number of queries:
 * the conversations, everyone still in them, their accounts, the last messages. Those the
 * viewer is not (or no longer) in are left out.
 */
export async function presentChats(
  ctx: AppContext,
  db: Db,
  viewerId: number,
  chatIds: number[],
): Promise<Chat[]> {
  if (chatIds.length === 0) return [];
  const [chats, members] = await Promise.all([
    findChatsByIds(db, chatIds),
    findActiveMembers(db, chatIds),
  ]);
  const lastIds = chats.flatMap((chat) =>
    chat.last_message_id === null ? [] : [chat.last_message_id],
  );
  const lastRows = await findMessagesByIds(db, lastIds);
  const accounts = await accountsById(ctx, db, [
    ...members.map((member) => member.account_id),
    ...lastRows.map((row) => row.account_id),
  ]);
  const lastMessages = new Map(
    (await presentMessages(ctx, db, lastRows, accounts)).map((message) => [
      message.chat_id,
      message,
    ]),
  );
  const chatById = new Map(chats.map((chat) => [chat.id, chat]));
  const membersOf = new Map<number, typeof members>();
  for (const member of members) {
    membersOf.set(member.chat_id, [...(membersOf.get(member.chat_id) ?? []), member]);
  }
  const presented: Chat[] = [];
  for (const id of chatIds) {
    const chat = chatById.get(id);
    const inIt = membersOf.get(id) ?? [];
    const own = inIt.find((member) => member.account_id === viewerId);
    if (!chat || !own) continue;
    presented.push({
      id: String(chat.id),
      kind: chat.kind,
      title: chat.title,
      accounts: inIt.flatMap((member) => {
        const account = accounts.get(member.account_id);
        return member.account_id === viewerId || !account ? [] : [account];
      }),
      unread_count: own.unread_count,
      last_message: lastMessages.get(String(chat.id)) ?? null,
      muted: own.muted === 1,
      read_states: inIt.map((member) => ({
        account_id: String(member.account_id),
        last_read_id:
          member.last_read_message_id === null ? null : String(member.last_read_message_id),
      })),
      created_at: toIso(chat.created_at),
      updated_at: toIso(chat.updated_at),
    });
  }
  return presented;
}
