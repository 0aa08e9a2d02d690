import type { DomainEvent } from '@rapport/schema';
import { afterAll, beforeAll, expect } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { accountRow, rowCounts } from '../../../test/state';

/** What the graph tests share: an app, the events it heard, people, feeds and counters. */
const HEARD = [
  'follow.created',
  'follow.removed',
  'block.created',
  'block.removed',
  'mute.created',
  'mute.removed',
  'notification.created',
] as const;
type Heard = Extract<DomainEvent, { type: (typeof HEARD)[number] }>;

export let t: TestApp;
const events: Heard[] = [];
/** One app per test file, listening to the graph's events. */
export function useGraphApp(): void {
  beforeAll(async () => {
    t = await startTestApp();
    for (const type of HEARD) {
      t.ctx.events.on(type, (event) => {
        events.push(event);
      });
    }
  });
  afterAll(() => t.close());
}

type Options = Parameters<typeof createAccountWithToken>[1];

export async function person(options: Options = {}, scopes?: string[]) {
  const { account, token } = await createAccountWithToken(t.ctx, options, scopes);
  return { account, id: String(account.id), token, api: api(t.app, token) };
}

/** Everything a refused graph action must leave as it was. */
export async function graphState() {
  const count = async (table: 'follows' | 'blocks' | 'mutes' | 'home_feed' | 'notifications') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    rows: await rowCounts(t.ctx),
    follows: await count('follows'),
    blocks: await count('blocks'),
    mutes: await count('mutes'),
    home_feed: await count('home_feed'),
    notifications: await count('notifications'),
  };
}

export async function counters(id: number) {
  const row = await accountRow(t.ctx, id);
  return { followers: row.followers_count, following: row.following_count };
}

export async function eventsOf(type: Heard['type']) {
  await t.ctx.events.settled();
  return events.filter((event) => event.type === type);
}

export async function homeFeed(accountId: number): Promise<number[]> {
  const rows = await t.ctx.db
    .selectFrom('home_feed')
    .select('status_id')
    .where('account_id', '=', accountId)
    .orderBy('status_id', 'desc')
    .execute();
  return rows.map((row) => row.status_id);
}

export async function post(
  author: Awaited<ReturnType<typeof person>>,
  status: string,
  visibility = 'public',
): Promise<number> {
  const res = await author.api.post('/api/v1/statuses', { status, visibility });
  expect(res.status, res.text).toBe(200);
  return Number(res.body.id);
}
