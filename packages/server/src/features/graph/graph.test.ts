import { describe, expect, it } from 'vitest';
import { api } from '../../../test/http';
import { isFollowing } from './graph.queries';

import { counters, eventsOf, graphState, person, t, useGraphApp } from './graph.test-support';

useGraphApp();

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
