import type { DomainEvent } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { accountRow, rowCounts } from '../../../test/state';
import { blockedAmong, followingAmong, isFollowing, mutedAmong } from './graph.queries';
import { relationshipsOf } from './graph.service';

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
async function graphState() {
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

describe('POST /api/v1/accounts/:id/follow', () => {
  it('follows at once, returns the relationship and keeps both counters exact', async () => {
    const ana = await person();
    const bo = await person();
    const res = await ana.api.post(`/api/v1/accounts/${bo.id}/follow`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: bo.id,
      following: true,
      showing_reblogs: true,
      notifying: false,
      languages: null,
      followed_by: false,
      blocking: false,
      blocked_by: false,
      muting: false,
      muting_notifications: false,
      requested: false,
      requested_by: false,
      domain_blocking: false,
      endorsed: false,
      note: '',
    });
    expect(await counters(ana.account.id)).toEqual({ followers: 0, following: 1 });
    expect(await counters(bo.account.id)).toEqual({ followers: 1, following: 0 });

    // Following again changes nothing and answers the same.
    const again = await ana.api.post(`/api/v1/accounts/${bo.id}/follow`, {});
    expect(again.status).toBe(200);
    expect(again.body.following).toBe(true);
    expect(await counters(bo.account.id)).toEqual({ followers: 1, following: 0 });

    const back = await bo.api.post(`/api/v1/accounts/${ana.id}/follow`);
    expect(back.body).toMatchObject({ following: true, followed_by: true });
    const shown = await ana.api.get(`/api/v1/accounts/${bo.id}`);
    expect(shown.body).toMatchObject({ followers_count: 1, following_count: 1 });
    expect(
      (await eventsOf('follow.created')).filter((event) =>
        [ana.id, bo.id].includes(event.account_id),
      ),
    ).toEqual([
      { type: 'follow.created', account_id: ana.id, target_id: bo.id },
      { type: 'follow.created', account_id: bo.id, target_id: ana.id },
    ]);
  });

  it('takes reblogs and notify, as JSON or form fields, and updates them on a second call', async () => {
    const ana = await person();
    const bo = await person();
    const first = await ana.api.post(`/api/v1/accounts/${bo.id}/follow`, {
      reblogs: false,
      notify: true,
    });
    expect(first.body).toMatchObject({ following: true, showing_reblogs: false, notifying: true });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${bo.id}/follow`,
      headers: {
        authorization: `Bearer ${ana.token}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'reblogs=true',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ showing_reblogs: true, notifying: true });
    expect(await counters(bo.account.id)).toEqual({ followers: 1, following: 0 });
    const bare = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${bo.id}/unfollow`,
      headers: { authorization: `Bearer ${ana.token}` },
    });
    expect(bare.statusCode).toBe(200);
    expect(bare.json()).toMatchObject({ following: false });
  });

  it('keeps counters exact under 20 concurrent follows of one account', async () => {
    const star = await person();
    const fans = await Promise.all(Array.from({ length: 20 }, () => person()));
    const replies = await Promise.all(
      fans.map((fan) => fan.api.post(`/api/v1/accounts/${star.id}/follow`)),
    );
    expect(replies.map((res) => res.status)).toEqual(fans.map(() => 200));
    expect(await counters(star.account.id)).toEqual({ followers: 20, following: 0 });
    for (const fan of fans) {
      expect(await counters(fan.account.id)).toEqual({ followers: 0, following: 1 });
    }
    // The same pair, followed and unfollowed at once many times: the counters match the rows.
    const fan = fans[0] as (typeof fans)[number];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fan.api.post(`/api/v1/accounts/${star.id}/${i % 2 ? 'unfollow' : 'follow'}`),
      ),
    );
    const following = await isFollowing(t.ctx.db, fan.account.id, star.account.id);
    expect(await counters(star.account.id)).toEqual({
      followers: following ? 20 : 19,
      following: 0,
    });
    expect(await counters(fan.account.id)).toEqual({ followers: 0, following: following ? 1 : 0 });
  });

  it('notifies the followed person once, not again on a quick re-follow', async () => {
    const ana = await person();
    const bo = await person();
    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`);
    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`);
    await ana.api.post(`/api/v1/accounts/${bo.id}/unfollow`);
    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`);
    const rows = await t.ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('account_id', '=', bo.account.id)
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({ type: 'follow', from_account_id: ana.account.id, status_id: null }),
    ]);
    expect(
      (await eventsOf('notification.created')).filter((event) => event.account_id === bo.id),
    ).toEqual([
      { type: 'notification.created', notification_id: String(rows[0]?.id), account_id: bo.id },
    ]);
  });

  it('refuses to follow across a block, either way, with 403 and no change', async () => {
    const ana = await person();
    const bo = await person();
    await bo.api.post(`/api/v1/accounts/${ana.id}/block`);
    const before = await graphState();
    const res = await ana.api.post(`/api/v1/accounts/${bo.id}/follow`);
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('This action is not allowed');
    const res2 = await bo.api.post(`/api/v1/accounts/${ana.id}/follow`);
    expect(res2.status).toBe(403);
    expect(await graphState()).toEqual(before);
  });
});

describe('refused graph actions', () => {
  const ACTIONS = ['follow', 'unfollow', 'block', 'unblock', 'mute', 'unmute'];

  it('refuses acting on yourself with 422', async () => {
    const ana = await person();
    const before = await graphState();
    for (const action of ACTIONS) {
      const res = await ana.api.post(`/api/v1/accounts/${ana.id}/${action}`);
      expect(res.status, action).toBe(422);
      expect(res.body).toMatchObject({
        error: `You cannot ${action} yourself`,
        code: 'validation_failed',
      });
    }
    expect(await graphState()).toEqual(before);
    expect(await counters(ana.account.id)).toEqual({ followers: 0, following: 0 });
  });

  it('answers 404 for unknown, suspended and invisible accounts, changing nothing', async () => {
    const ana = await person();
    const gone = await person({ profile: { suspended: 1, suspended_at: Date.now() } });
    const guest = await person({ role: 'guest' });
    const admin = await person({ role: 'admin' });
    const before = await graphState();
    for (const action of ACTIONS) {
      for (const [viewer, target] of [
        [ana, '999999999'],
        [ana, gone.id],
        [admin, gone.id],
        [ana, guest.id],
        [guest, ana.id],
        [guest, admin.id],
      ] as const) {
        const res = await viewer.api.post(`/api/v1/accounts/${target}/${action}`);
        expect(res.status, `${action} ${target}`).toBe(404);
        expect(res.body).toEqual({ error: 'Record not found', code: 'not_found' });
      }
    }
    expect(await graphState()).toEqual(before);
  });

  it('needs a signed-in person (401) holding the scope (403)', async () => {
    const bo = await person();
    const reader = await person({}, ['read']);
    const blocker = await person({}, ['write:blocks']);
    const before = await graphState();
    for (const action of ACTIONS) {
      expect((await api(t.app).post(`/api/v1/accounts/${bo.id}/${action}`)).status).toBe(401);
      const refused = await reader.api.post(`/api/v1/accounts/${bo.id}/${action}`);
      expect(refused.status, action).toBe(403);
      expect(refused.body.code).toBe('insufficient_scope');
    }
    expect((await blocker.api.post(`/api/v1/accounts/${bo.id}/follow`)).status).toBe(403);
    expect((await blocker.api.post(`/api/v1/accounts/${bo.id}/mute`)).status).toBe(403);
    expect(await graphState()).toEqual(before);
    expect((await blocker.api.post(`/api/v1/accounts/${bo.id}/block`)).status).toBe(200);
  });

  it('accepts the specific write scopes, write, and the legacy follow scope', async () => {
    const bo = await person();
    for (const [scopes, action] of [
      [['write:follows'], 'follow'],
      [['write'], 'follow'],
      [['follow'], 'follow'],
      [['follow'], 'block'],
      [['write:mutes'], 'mute'],
      [['follow'], 'mute'],
    ] as const) {
      const someone = await person({}, [...scopes]);
      const res = await someone.api.post(`/api/v1/accounts/${bo.id}/${action}`);
      expect(res.status, `${scopes} ${action}`).toBe(200);
    }
  });
});

describe('unfollow', () => {
  it('ends the follow, fixes the counters and tells the streams once', async () => {
    const ana = await person();
    const bo = await person();
    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`);
    const res = await ana.api.post(`/api/v1/accounts/${bo.id}/unfollow`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: bo.id, following: false, showing_reblogs: false });
    const again = await ana.api.post(`/api/v1/accounts/${bo.id}/unfollow`);
    expect(again.status).toBe(200);
    expect(await counters(ana.account.id)).toEqual({ followers: 0, following: 0 });
    expect(await counters(bo.account.id)).toEqual({ followers: 0, following: 0 });
    expect(
      (await eventsOf('follow.removed')).filter((event) => event.account_id === ana.id),
    ).toEqual([{ type: 'follow.removed', account_id: ana.id, target_id: bo.id }]);
  });
});

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

describe('home feeds', () => {
  it('a new follow brings in the statuses the follower may see, the newest 40', async () => {
    const ana = await person();
    const bo = await person();
    const cy = await person();
    const seen: number[] = [];
    for (let i = 0; i < 38; i++) seen.push(await post(bo, `status ${i}`));
    seen.push(await post(bo, 'unlisted', 'unlisted'));
    seen.push(await post(bo, 'for followers', 'private'));
    const direct = await post(bo, `@${cy.account.username} just us`, 'direct');
    const toAna = await post(bo, `@${ana.account.username} a word`, 'direct');
    const boosted = await post(cy, 'worth a boost');
    const boost = await bo.api.post(`/api/v1/statuses/${boosted}/reblog`);
    expect(boost.status).toBe(200);
    const reply = await bo.api.post('/api/v1/statuses', {
      status: `@${cy.account.username} answering you`,
      in_reply_to_id: String(boosted),
    });
    expect(reply.status).toBe(200);

    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`);
    const feed = await homeFeed(ana.account.id);
    expect(feed).toHaveLength(40);
    expect(feed).not.toContain(direct);
    // A reply to someone Ana does not follow stays out, as with fan-out.
    expect(feed).not.toContain(Number(reply.body.id));
    expect(feed.slice(0, 2)).toEqual([Number(boost.body.id), toAna]);
    expect(feed.slice(2)).toEqual(seen.slice(-38).reverse());

    const timeline = await ana.api.get('/api/v1/timelines/home?limit=3');
    expect(timeline.body.map((status: { id: string }) => Number(status.id))).toEqual(
      feed.slice(0, 3),
    );
  });

  it('leaves boosts out for a follow without reblogs, and takes them out when turned off', async () => {
    const ana = await person();
    const bo = await person();
    const cy = await person();
    const original = await post(cy, 'boost me');
    const boost = Number((await bo.api.post(`/api/v1/statuses/${original}/reblog`)).body.id);
    const own = await post(bo, 'my own');
    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`, { reblogs: false });
    expect(await homeFeed(ana.account.id)).toEqual([own]);
    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`, { reblogs: true });
    expect(await homeFeed(ana.account.id)).toEqual([own, boost]);
    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`, { reblogs: false });
    expect(await homeFeed(ana.account.id)).toEqual([own]);
  });

  it('an unfollow takes the author’s statuses out, except those mentioning the reader', async () => {
    const ana = await person();
    const bo = await person();
    const cy = await person();
    const di = await person();
    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`);
    await ana.api.post(`/api/v1/accounts/${cy.id}/follow`);
    const plain = await post(bo, 'hello all');
    const mention = await post(bo, `hello @${ana.account.username}`);
    const direct = await post(bo, `@${ana.account.username} psst`, 'direct');
    const boosted = await post(di, 'someone Ana does not follow');
    const boost = Number((await bo.api.post(`/api/v1/statuses/${boosted}/reblog`)).body.id);
    const other = await post(cy, 'from cy');
    const own = await post(ana, 'my own');
    expect(await homeFeed(ana.account.id)).toEqual(
      [plain, mention, direct, boost, other, own].sort((a, b) => b - a),
    );
    await ana.api.post(`/api/v1/accounts/${bo.id}/unfollow`);
    expect(await homeFeed(ana.account.id)).toEqual(
      [mention, direct, other, own].sort((a, b) => b - a),
    );
  });

  it('a block takes each one’s statuses out of the other’s feed', async () => {
    const ana = await person();
    const bo = await person();
    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`);
    await bo.api.post(`/api/v1/accounts/${ana.id}/follow`);
    const fromBo = await post(bo, `hi @${ana.account.username}`);
    const fromAna = await post(ana, 'hi all');
    expect(await homeFeed(ana.account.id)).toContain(fromBo);
    expect(await homeFeed(bo.account.id)).toContain(fromAna);
    await bo.api.post(`/api/v1/accounts/${ana.id}/block`);
    expect(await homeFeed(ana.account.id)).toEqual([fromAna]);
    expect(await homeFeed(bo.account.id)).toEqual([fromBo]);
  });
});

describe('exported graph queries', () => {
  it('answer in batches, blocks either way, mutes only while active', async () => {
    const ana = await person();
    const [bo, cy, di, ed] = await Promise.all([person(), person(), person(), person()]);
    await ana.api.post(`/api/v1/accounts/${bo.id}/follow`);
    await ana.api.post(`/api/v1/accounts/${cy.id}/follow`);
    await ana.api.post(`/api/v1/accounts/${di.id}/block`);
    await ed.api.post(`/api/v1/accounts/${ana.id}/block`);
    await ana.api.post(`/api/v1/accounts/${cy.id}/mute`);
    const ids = [bo, cy, di, ed].map((p) => p.account.id);
    expect(await isFollowing(t.ctx.db, ana.account.id, bo.account.id)).toBe(true);
    expect(await isFollowing(t.ctx.db, bo.account.id, ana.account.id)).toBe(false);
    expect(await followingAmong(t.ctx.db, ana.account.id, ids)).toEqual(
      new Set([bo.account.id, cy.account.id]),
    );
    expect(await blockedAmong(t.ctx.db, ana.account.id, ids)).toEqual(
      new Set([di.account.id, ed.account.id]),
    );
    expect(await mutedAmong(t.ctx.db, ana.account.id, ids)).toEqual(new Set([cy.account.id]));
    expect(await followingAmong(t.ctx.db, ana.account.id, [])).toEqual(new Set());

    const relationships = await relationshipsOf(t.ctx.db, ana.account.id, [
      ed.account.id,
      bo.account.id,
      ed.account.id,
    ]);
    expect(relationships).toEqual([
      expect.objectContaining({ id: ed.id, blocked_by: true, following: false }),
      expect.objectContaining({ id: bo.id, following: true, blocked_by: false }),
    ]);
  });
});
