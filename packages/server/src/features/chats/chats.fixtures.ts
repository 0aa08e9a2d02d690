import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness';
import { rowCounts } from '../../../test/state';
import type { Person } from '../streaming/streaming.fixtures';

export const CHATS = '/api/rapport/v1/chats';

/** Starts a conversation and expects it to work; returns its id. */
export async function chatWith(starter: Person, others: Person[], title?: string): Promise<string> {
  const res = await starter.api.post(CHATS, {
    account_ids: others.map((other) => String(other.account.id)),
    ...(title === undefined ? {} : { title }),
  });
  expect(res.status, res.text).toBe(200);
  return res.body.id as string;
}

/** Sends a message and expects it stored; returns it. */
export async function say(sender: Person, chatId: string, text: string, headers = {}) {
  const res = await sender.api.post(`${CHATS}/${chatId}/messages`, { text }, headers);
  expect(res.status, res.text).toBe(200);
  return res.body as { id: string; chat_id: string; text: string; html: string };
}

const CHAT_TABLES = [
  'chats',
  'chat_members',
  'chat_messages',
  'chat_message_terms',
  'message_policies',
  'interactions',
] as const;

/**
 * Row counts of the conversation tables (and the rest `rowCounts` watches), plus what the
 * members' rows say: a refused request must leave all of it as it was.
 */
export async function chatState(t: TestApp) {
  const counts: Record<string, number> = { ...(await rowCounts(t.ctx)) };
  for (const table of CHAT_TABLES) {
    const row = await t.ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const members = await t.ctx.db
    .selectFrom('chat_members')
    .selectAll()
    .orderBy('chat_id')
    .orderBy('account_id')
    .execute();
  const attached = await t.ctx.db
    .selectFrom('media_attachments')
    .select(['id', 'status_id', 'chat_message_id'])
    .orderBy('id')
    .execute();
  return { counts, members, attached };
}
