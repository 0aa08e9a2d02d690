import type { DomainEvent } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { accountRow, rowCounts } from '../../../test/state';
import { mutedAmong } from './graph.queries';

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

let t: TestApp;
const events: Heard[] = [];
beforeAll(async () => {
  t = await startTestApp();
  for (const type of HEARD) {
    t.ctx.events.on(type, (event) => {
      events.push(event);
    });
  }
});
afterAll(() => t.close());

type Options = Parameters<typeof createAccountWithToken>[1];

async function person(options: Options = {}, scopes?: string[]) {
  const { account, token } = await createAccountWithToken(t.ctx, options, scopes);
  return { account, id: String(account.id), token, api: api(t.app, token) };
}

/** Everything a refused graph action must leave as it was. */
async function _graphState() {
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

async function counters(id: number) {
  const row = await accountRow(t.ctx, id);
  return { followers: row.followers_count, following: row.following_count };
}

async function eventsOf(type: Heard['type']) {
  await t.ctx.events.settled();
  return events.filter((event) => event.type === type);
}

async function homeFeed(accountId: number): Promise<number[]> {
  const rows = await t.ctx.db
    .selectFrom('home_feed')
    .select('status_id')
    .where('account_id', '=', accountId)
    .orderBy('status_id', 'desc')
    .execute();
  return rows.map((row) => row.status_id);
}

async function post(
  author: Awaited<ReturnType<typeof person>>,
  status: string,
  visibility = 'public',
): Promise<number> {
  const res = await author.api.post('/api/v1/statuses', { status, visibility });
  expect(res.status, res.text).toBe(200);
  return Number(res.body.id);
}

describe('block and unblock', () => {
  it('ends follows both ways with exact counters, and shows on both sides', async () => {
    const ana = await person();
    const bo = await person();
    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`);
    await bo.api.post(`/api/v1/accounts/${ana.id}/follow`);
    const res = await ana.api.post(`/api/v1/accounts/${bo.id}/block`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      blocking: true,
      blocked_by: false,
      following: false,
      followed_by: false,
    });
    expect(await counters(ana.account.id)).toEqual({ followers: 0, following: 0 });
    expect(await counters(bo.account.id)).toEqual({ followers: 0, following: 0 });
    const seen = await bo.api.get(`/api/v1/accounts/relationships?id=${ana.id}`);
    expect(seen.body).toEqual([expect.objectContaining({ blocking: false, blocked_by: true })]);
    expect((await ana.api.post(`/api/v1/accounts/${bo.id}/block`)).status).toBe(200);

    const removed = (await eventsOf('follow.removed')).filter((event) =>
      [ana.id, bo.id].includes(event.account_id),
    );
    expect(removed).toEqual([
      { type: 'follow.removed', account_id: ana.id, target_id: bo.id },
      { type: 'follow.removed', account_id: bo.id, target_id: ana.id },
    ]);
    expect(
      (await eventsOf('block.created')).filter((event) => event.account_id === ana.id),
    ).toEqual([{ type: 'block.created', account_id: ana.id, target_id: bo.id }]);

    const undone = await ana.api.post(`/api/v1/accounts/${bo.id}/unblock`);
    expect(undone.body).toMatchObject({ blocking: false, following: false });
    expect((await ana.api.post(`/api/v1/accounts/${bo.id}/unblock`)).status).toBe(200);
    expect(
      (await eventsOf('block.removed')).filter((event) => event.account_id === ana.id),
    ).toEqual([{ type: 'block.removed', account_id: ana.id, target_id: bo.id }]);
    expect((await ana.api.post(`/api/v1/accounts/${bo.id}/follow`)).body.following).toBe(true);
  });
});

describe('mute and unmute', () => {
  it('mutes with or without notifications, for a while or for good', async () => {
    const ana = await person();
    const bo = await person();
    const res = await ana.api.post(`/api/v1/accounts/${bo.id}/mute`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ muting: true, muting_notifications: true });
    const lighter = await ana.api.post(`/api/v1/accounts/${bo.id}/mute`, {
      notifications: false,
      duration: 3600,
    });
    expect(lighter.body).toMatchObject({ muting: true, muting_notifications: false });
    const row = await t.ctx.db
      .selectFrom('mutes')
      .selectAll()
      .where('account_id', '=', ana.account.id)
      .executeTakeFirstOrThrow();
    expect(row.expires_at).toBeGreaterThan(Date.now() + 3590_000);
    expect(row.expires_at).toBeLessThanOrEqual(Date.now() + 3600_000);
    expect(
      (await eventsOf('mute.created')).filter((event) => event.account_id === ana.id),
    ).toHaveLength(1);

    const undone = await ana.api.post(`/api/v1/accounts/${bo.id}/unmute`);
    expect(undone.body).toMatchObject({ muting: false, muting_notifications: false });
    expect((await eventsOf('mute.removed')).filter((event) => event.account_id === ana.id)).toEqual(
      [{ type: 'mute.removed', account_id: ana.id, target_id: bo.id }],
    );
  });

  it('counts an expired mute as no mute', async () => {
    const ana = await person();
    const bo = await person();
    await ana.api.post(`/api/v1/accounts/${bo.id}/mute`, { duration: 60 });
    await t.ctx.db
      .updateTable('mutes')
      .set({ expires_at: Date.now() - 1000 })
      .where('account_id', '=', ana.account.id)
      .execute();
    const res = await ana.api.get(`/api/v1/accounts/relationships?id[]=${bo.id}`);
    expect(res.body).toEqual([expect.objectContaining({ muting: false })]);
    expect((await mutedAmong(t.ctx.db, ana.account.id, [bo.account.id])).size).toBe(0);
    // Muting again starts a new mute (and says so).
    await ana.api.post(`/api/v1/accounts/${bo.id}/mute`);
    expect([...(await mutedAmong(t.ctx.db, ana.account.id, [bo.account.id]))]).toEqual([
      bo.account.id,
    ]);
    expect(
      (await eventsOf('mute.created')).filter((event) => event.account_id === ana.id),
    ).toHaveLength(2);
  });

  it('does not change home feeds', async () => {
    const ana = await person();
    const bo = await person();
    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`);
    await post(bo, 'still in the feed');
    const feed = await homeFeed(ana.account.id);
    await ana.api.post(`/api/v1/accounts/${bo.id}/mute`);
    expect(await homeFeed(ana.account.id)).toEqual(feed);
  });
});
