import type { Selectable } from 'kysely';
import { newId } from '../../db/ids';
import { applyIdPage, finishIdPage, type IdPage } from '../../db/pagination';
import type { Db } from '../../db/tables';
import type { AccountConversationsTable } from '../../db/tables/conversations.table';

export type ConversationRow = Selectable<AccountConversationsTable>;

/** Who a conversation changed for, so streams can tell each of them after commit. */
export interface ConversationChange {
  accountId: number;
  conversationId: number;
}

interface DirectStatus {
  id: number;
  account_id: number;
  thread_id: number;
}

const idsOf = (json: string): number[] => JSON.parse(json) as number[];

/**
 * Files a new direct status under its thread for the author and everyone it addresses:
 * each gets the thread as a conversation with the others (people added later in the thread
 * join it), unread for all but the author, who has just written in it.
 */
export async function trackConversation(
  trx: Db,
  status: DirectStatus,
  mentionIds: number[],
  now: number,
): Promise<ConversationChange[]> {
  const everyone = [...new Set([status.account_id, ...mentionIds])];
  const existing = await trx
    .selectFrom('account_conversations')
    .selectAll()
    .where('thread_id', '=', status.thread_id)
    .where('account_id', 'in', everyone)
    .execute();
  const byAccount = new Map(existing.map((row) => [row.account_id, row]));
  const changes: ConversationChange[] = [];
  for (const accountId of everyone) {
    const unread = accountId === status.account_id ? 0 : 1;
    const row = byAccount.get(accountId);
    const others = everyone.filter((id) => id !== accountId);
    if (row) {
      const participants = [...new Set([...idsOf(row.participant_ids), ...others])];
      await trx
        .updateTable('account_conversations')
        .set({
          participant_ids: JSON.stringify(participants),
          last_status_id: Math.max(row.last_status_id, status.id),
          unread,
          updated_at: now,
        })
        .where('id', '=', row.id)
        .execute();
      changes.push({ accountId, conversationId: row.id });
    } else {
      const id = newId();
      await trx
        .insertInto('account_conversations')
        .values({
          id,
          account_id: accountId,
          thread_id: status.thread_id,
          participant_ids: JSON.stringify(others),
          last_status_id: status.id,
          unread,
          updated_at: now,
        })
        .execute();
      changes.push({ accountId, conversationId: id });
    }
  }
  return changes;
}

/**
 * Before a direct status is deleted: each conversation it was the newest status of falls
 * back to the participant's previous direct status in the thread, or goes when none is left.
 */
export async function untrackConversation(
  trx: Db,
  status: DirectStatus,
  now: number,
): Promise<ConversationChange[]> {
  const rows = await trx
    .selectFrom('account_conversations')
    .selectAll()
    .where('thread_id', '=', status.thread_id)
    .where('last_status_id', '=', status.id)
    .execute();
  const changes: ConversationChange[] = [];
  for (const row of rows) {
    const previous = await trx
      .selectFrom('statuses as s')
      .select('s.id')
      .where('s.thread_id', '=', status.thread_id)
      .where('s.visibility', '=', 'direct')
      .where('s.id', '<', status.id)
      .where((eb) =>
        eb.or([
          eb('s.account_id', '=', row.account_id),
          eb.exists(
            eb
              .selectFrom('status_mentions as sm')
              .select('sm.account_id')
              .whereRef('sm.status_id', '=', 's.id')
              .where('sm.account_id', '=', row.account_id),
          ),
        ]),
      )
      .orderBy('s.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (previous) {
      await trx
        .updateTable('account_conversations')
        .set({ last_status_id: previous.id, updated_at: now })
        .where('id', '=', row.id)
        .execute();
    } else {
      await trx.deleteFrom('account_conversations').where('id', '=', row.id).execute();
    }
    changes.push({ accountId: row.account_id, conversationId: row.id });
  }
  return changes;
}

/** A participant's conversations, newest status first, paged by that status's id as Mastodon does. */
export async function listConversations(
  db: Db,
  accountId: number,
  page: IdPage,
): Promise<ConversationRow[]> {
  const rows = await applyIdPage(
    db.selectFrom('account_conversations').selectAll().where('account_id', '=', accountId),
    'last_status_id',
    page,
  ).execute();
  return finishIdPage(rows, page);
}

export async function findConversation(
  db: Db,
  accountId: number,
  id: number,
): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('account_conversations')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export async function markConversationRead(db: Db, id: number, now: number): Promise<void> {
  await db
    .updateTable('account_conversations')
    .set({ unread: 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function removeConversation(db: Db, id: number): Promise<void> {
  await db.deleteFrom('account_conversations').where('id', '=', id).execute();
}

export const participantIdsOf = (row: ConversationRow): number[] => idsOf(row.participant_ids);
