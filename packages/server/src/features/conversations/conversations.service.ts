import type { Conversation } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { IdPage } from '../../db/pagination';
import { notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { presentAccount } from '../accounts/accounts.presenter';
import { referencedAccounts } from '../accounts/accounts.queries';
import { presentStatuses } from '../statuses/statuses.present';
import { visibleAccounts } from '../visibility/account-visibility';
import {
  type ConversationChange,
  type ConversationRow,
  findConversation,
  listConversations,
  markConversationRead,
  participantIdsOf,
  removeConversation,
} from './conversations.queries';

/**
 * Conversations as the viewer sees them: the other participants they may see (suspended
 * ones left out) and the newest status through the one status presenter, so a status the
 * viewer may no longer see shows as none.
 */
export async function presentConversations(
  ctx: AppContext,
  viewer: Viewer,
  rows: ConversationRow[],
): Promise<Conversation[]> {
  const lookup = await referencedAccounts(ctx.db, rows.flatMap(participantIdsOf));
  const statuses = await presentStatuses(
    ctx,
    viewer,
    rows.map((row) => row.last_status_id),
  );
  const byId = new Map(statuses.map((status) => [status.id, status]));
  const result: Conversation[] = [];
  for (const row of rows) {
    const people = participantIdsOf(row).flatMap((id) => {
      const account = lookup(id);
      return account && account.suspended === 0 ? [account] : [];
    });
    const shown = await visibleAccounts(ctx.db, viewer, people);
    result.push({
      id: String(row.id),
      unread: row.unread === 1,
      accounts: shown.map((account) => presentAccount(ctx, account)),
      last_status: byId.get(String(row.last_status_id)) ?? null,
    });
  }
  return result;
}

export async function conversationsPage(ctx: AppContext, viewer: Viewer, page: IdPage) {
  const rows = await listConversations(ctx.db, viewer.id, page);
  return {
    conversations: await presentConversations(ctx, viewer, rows),
    keys: rows.map((row) => row.last_status_id),
  };
}

async function ownConversation(ctx: AppContext, viewer: Viewer, id: number) {
  const row = await findConversation(ctx.db, viewer.id, id);
  if (!row) throw notFound('Conversation');
  return row;
}

export async function readConversation(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<Conversation> {
  const row = await ownConversation(ctx, viewer, id);
  if (row.unread === 1) {
    await markConversationRead(ctx.db, id, Date.now());
    announceConversations(ctx, [{ accountId: viewer.id, conversationId: id }]);
  }
  const [conversation] = await presentConversations(ctx, viewer, [{ ...row, unread: 0 }]);
  if (!conversation) throw notFound('Conversation');
  return conversation;
}

/** Removes the conversation from the viewer's list; the statuses stay, and a new one brings it back. */
export async function forgetConversation(ctx: AppContext, viewer: Viewer, id: number) {
  await ownConversation(ctx, viewer, id);
  await removeConversation(ctx.db, id);
  ctx.events.emit({
    type: 'conversation.removed',
    conversation_id: String(id),
    account_id: String(viewer.id),
  });
}

/** After commit: each participant's direct stream hears of the conversation as it now is. */
export function announceConversations(ctx: AppContext, changes: ConversationChange[]): void {
  for (const change of changes) {
    ctx.events.emit({
      type: 'conversation.updated',
      conversation_id: String(change.conversationId),
      account_id: String(change.accountId),
    });
  }
}
