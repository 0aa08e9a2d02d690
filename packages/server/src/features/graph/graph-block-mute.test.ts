import { describe, expect, it } from 'vitest';
import { mutedAmong } from './graph.queries';

import { counters, eventsOf, homeFeed, person, post, t, useGraphApp } from './graph.test-support';

useGraphApp();

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
