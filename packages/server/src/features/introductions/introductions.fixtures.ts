import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness';
import type { Person } from '../streaming/streaming.fixtures';

export const BASE = '/api/rapport/v1/introductions';

async function post(author: Person, status: string, inReplyTo?: string): Promise<string> {
  const res = await author.api.post('/api/v1/statuses', {
    status,
    ...(inReplyTo ? { in_reply_to_id: inReplyTo } : {}),
  });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

/** Two people reply to each other, through the API: recognition for the model. */
export async function know(t: TestApp, a: Person, b: Person): Promise<void> {
  const first = await post(a, `Notes from the #planning session, @${b.account.username}`);
  const reply = await post(b, `@${a.account.username} thanks, very useful`, first);
  await post(a, `@${b.account.username} glad it helped`, reply);
  await t.ctx.events.settled();
}

/** Someone favourites someone else's status: an encounter, one way. */
export async function encounter(a: Person, b: Person): Promise<void> {
  const id = await post(b, 'A status to like');
  expect((await a.api.post(`/api/v1/statuses/${id}/favourite`)).status).toBe(200);
}

/** The notifications of one type a person got about an introduction. */
export async function noticesOf(person: Person, type: string) {
  const res = await person.api.get(`/api/v1/notifications?types[]=${type}`);
  expect(res.status).toBe(200);
  return res.body as Array<{
    type: string;
    account: { id: string };
    subject: { type: string; id: string; title: string; url: string } | null;
  }>;
}

export async function introductionCount(t: TestApp): Promise<number> {
  const row = await t.ctx.db
    .selectFrom('introductions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function optOut(t: TestApp, person: Person): Promise<void> {
  await t.ctx.db
    .insertInto('relationship_opt_outs')
    .values({ account_id: person.account.id, created_at: Date.now() })
    .execute();
}

export const ask = (requester: Person, introducer: Person, target: Person, message = 'Hi!') =>
  requester.api.post(BASE, {
    introducer_id: String(introducer.account.id),
    target_id: String(target.account.id),
    message,
  });
