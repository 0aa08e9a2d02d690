import { describe, expect, it } from 'vitest';
import { blockedAmong, followingAmong, isFollowing, mutedAmong } from './graph.queries';
import { relationshipsOf } from './graph.service';

import { homeFeed, person, post, t, useGraphApp } from './graph.test-support';

useGraphApp();

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
