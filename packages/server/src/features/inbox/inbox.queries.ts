import type { Db } from '../../db/tables';

export interface InboxChatRow {
  chat_id: number;
  /** The conversation's latest message (index chat_members_list's order). */
  activity_id: number;
  unread_count: number;
  muted: number;
}

/**
 * The person's conversations whose latest message is someone else's, latest first, below
 * `below`: a walk down the chat_members_list index, each candidate checked against its
 * latest message by primary key. A conversation the person answered last waits on nobody.
 */
export async function listInboxChats(
  db: Db,
  accountId: number,
  options: { unreadOnly: boolean; below: number | undefined; limit: number },
): Promise<InboxChatRow[]> {
  let query = db
    .selectFrom('chat_members as cm')
    .innerJoin('chat_messages as m', 'm.id', 'cm.activity_id')
    .select(['cm.chat_id', 'cm.activity_id', 'cm.unread_count', 'cm.muted'])
    .where('cm.account_id', '=', accountId)
    .where('cm.left_at', 'is', null)
    .where('m.account_id', '<>', accountId);
  if (options.unreadOnly) {
    query = query.where('cm.muted', '=', 0).where('cm.unread_count', '>', 0);
  }
  if (options.below !== undefined) query = query.where('cm.activity_id', '<', options.below);
  return query.orderBy('cm.activity_id', 'desc').limit(options.limit).execute();
}

/** The conversations "mark all read" reads: those in the unread badge (index chat_members_unread). */
export async function unreadChatIds(db: Db, accountId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('chat_members')
    .select('chat_id')
    .where('account_id', '=', accountId)
    .where('left_at', 'is', null)
    .where('muted', '=', 0)
    .where('unread_count', '>', 0)
    .execute();
  return rows.map((row) => row.chat_id);
}
