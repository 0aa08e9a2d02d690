import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, tokenFor } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api, formBody } from '../../../test/http';
import {
  block,
  follow,
  mute,
  type Person,
  person,
  unblock,
  unfollow,
} from '../streaming/streaming.fixtures';
import { insertNotification } from './notifications.queries';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const ids = (body: Array<{ id: string }>) => body.map((item) => item.id);

/** A follow notification written directly (the follow routes notify through the same query). */
async function notifyFollow(to: Person, from: Person): Promise<string> {
  const id = await insertNotification(t.ctx.db, {
    accountId: to.account.id,
    type: 'follow',
    fromAccountId: from.account.id,
    statusId: null,
  });
  return String(id);
}

/** ana receives a follow, a mention, a favourite and a boost, in that order. */
async function busyMorning() {
  const ana = await person(t);
  const bo = await person(t);
  const cy = await person(t);
  const own = await ana.api.post('/api/v1/statuses', { status: 'my plan' });
  const followed = await notifyFollow(ana, cy);
  const mention = await bo.api.post('/api/v1/statuses', {
    status: `@${ana.account.username} look`,
  });
  expect(mention.status).toBe(200);
  expect((await bo.api.post(`/api/v1/statuses/${own.body.id}/favourite`)).status).toBe(200);
  expect((await cy.api.post(`/api/v1/statuses/${own.body.id}/reblog`)).status).toBe(200);
  await t.ctx.events.settled();
  const list = await ana.api.get('/api/v1/notifications');
  expect(list.status).toBe(200);
  return { ana, bo, cy, own: own.body, mention: mention.body, followed, list: list.body };
}

describe('listing notifications', () => {
  it('shows the viewer’s notifications newest first in Mastodon’s shape', async () => {
    const { bo, cy, own, mention, followed, list } = await busyMorning();
    expect(list.map((n: { type: string }) => n.type)).toEqual([
      'reblog',
      'favourite',
      'mention',
      'follow',
    ]);
    const [reblog, favourite, mentioned, followNote] = list;
    expect(reblog).toMatchObject({
      type: 'reblog',
      group_key: expect.stringMatching(new RegExp(`^reblog-${own.id}-\\d+$`)),
      account: { id: String(cy.account.id) },
      status: { id: own.id },
    });
    expect(favourite).toMatchObject({
      account: { id: String(bo.account.id) },
      status: { id: own.id },
    });
    expect(mentioned.status.id).toBe(mention.id);
    // Mentions are never grouped.
    expect(mentioned.group_key).toBe(`ungrouped-${mentioned.id}`);
    expect(followNote.id).toBe(followed);
    expect(followNote.status).toBeUndefined();
    expect(new Date(followNote.created_at).toISOString()).toBe(followNote.created_at);

    // bo sees none of ana's notifications.
    expect((await bo.api.get('/api/v1/notifications')).body).toEqual([]);
  });

  it('filters by types, exclude_types and account_id, ignoring types it does not know', async () => {
    const { ana, bo, list } = await busyMorning();
    const of = async (query: string) =>
      (await ana.api.get(`/api/v1/notifications?${query}`)).body.map(
        (n: { type: string }) => n.type,
      );
    expect(await of('types[]=mention&types[]=follow')).toEqual(['mention', 'follow']);
    expect(await of('types=favourite')).toEqual(['favourite']);
    expect(await of('exclude_types[]=reblog&exclude_types[]=follow_request')).toEqual([
      'favourite',
      'mention',
      'follow',
    ]);
    expect(await of(`account_id=${bo.account.id}`)).toEqual(['favourite', 'mention']);
    expect(await of('types[]=follow_request')).toEqual([]);
    expect(list).toHaveLength(4);
    expect((await ana.api.get('/api/v1/notifications?account_id=abc')).status).toBe(400);
  });

  it('pages by id with Link headers', async () => {
    const { ana, list } = await busyMorning();
    const all = ids(list);
    const first = await ana.api.get('/api/v1/notifications?limit=2');
    expect(ids(first.body)).toEqual(all.slice(0, 2));
    const link = String(first.headers.link);
    expect(link).toContain(`max_id=${all[1]}>; rel="next"`);
    expect(link).toContain(`min_id=${all[0]}>; rel="prev"`);
    const next = new URL(/<([^>]+)>; rel="next"/.exec(link)?.[1] as string);
    const second = await ana.api.get(`${next.pathname}${next.search}`);
    expect(ids(second.body)).toEqual(all.slice(2, 4));
    const newer = await ana.api.get(`/api/v1/notifications?limit=2&min_id=${all[3]}`);
    expect(ids(newer.body)).toEqual(all.slice(1, 3));
    const since = await ana.api.get(`/api/v1/notifications?since_id=${all[2]}`);
    expect(ids(since.body)).toEqual(all.slice(0, 2));
  });

  it('leaves out what the viewer may no longer see', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const cy = await person(t);
    await follow(t, ana, bo);
    const priv = await bo.api.post('/api/v1/statuses', {
      status: 'followers only',
      visibility: 'private',
    });
    const statusNote = await insertNotification(t.ctx.db, {
      accountId: ana.account.id,
      type: 'status',
      fromAccountId: bo.account.id,
      statusId: Number(priv.body.id),
    });
    const deleted = await bo.api.post('/api/v1/statuses', {
      status: `@${ana.account.username} soon gone`,
    });
    const cyFollow = await notifyFollow(ana, cy);
    await t.ctx.events.settled();
    const before = ids((await ana.api.get('/api/v1/notifications')).body);
    expect(before).toContain(String(statusNote));
    expect(before).toContain(cyFollow);
    expect(before).toHaveLength(3);

    // Deleted status: its notification goes with it.
    expect((await bo.api.delete(`/api/v1/statuses/${deleted.body.id}`)).status).toBe(200);
    // Unfollowed private author: the status is out of sight, and so is its notification.
    await unfollow(t, ana, bo);
    // Blocked sender.
    await block(t, ana, cy);
    expect((await ana.api.get('/api/v1/notifications')).body).toEqual([]);
    expect((await ana.api.get(`/api/v1/notifications/${statusNote}`)).status).toBe(404);
    expect((await ana.api.get('/api/v1/notifications/unread_count')).body).toEqual({ count: 0 });

    await unblock(t, ana, cy);
    expect(ids((await ana.api.get('/api/v1/notifications')).body)).toEqual([cyFollow]);
  });

  it('leaves out notifications from muted (notifications hidden), blocking, suspended and unseen accounts', async () => {
    const ana = await person(t);
    const quiet = await person(t);
    const loud = await person(t);
    const blocker = await person(t);
    const gone = await person(t);
    const guest = await createAccount(t.ctx, { role: 'guest' });
    const fromGuest = { account: guest, token: '', api: api(t.app) } as Person;
    const keep = await notifyFollow(ana, loud);
    await notifyFollow(ana, quiet);
    await notifyFollow(ana, blocker);
    await notifyFollow(ana, gone);
    await notifyFollow(ana, fromGuest);
    await mute(t, ana, quiet, { notifications: true });
    await mute(t, ana, loud, { notifications: false });
    await block(t, blocker, ana);
    await t.ctx.db
      .updateTable('accounts')
      .set({ suspended: 1 })
      .where('id', '=', gone.account.id)
      .execute();
    expect(ids((await ana.api.get('/api/v1/notifications')).body)).toEqual([keep]);
    expect((await ana.api.get('/api/v1/notifications/unread_count')).body).toEqual({ count: 1 });

    // Admins see guests; the same notification shows for an admin.
    const admin = await createAccount(t.ctx, { role: 'admin' });
    const adminToken = await tokenFor(t.ctx, admin);
    const toAdmin = await insertNotification(t.ctx.db, {
      accountId: admin.id,
      type: 'follow',
      fromAccountId: guest.id,
      statusId: null,
    });
    expect(ids((await api(t.app, adminToken).get('/api/v1/notifications')).body)).toEqual([
      String(toAdmin),
    ]);
  });
});

describe('one notification, dismiss and clear', () => {
  it('shows the viewer’s own notification and 404s anybody else’s', async () => {
    const { ana, bo, list } = await busyMorning();
    const [first] = list;
    const own = await ana.api.get(`/api/v1/notifications/${first.id}`);
    expect(own.status).toBe(200);
    expect(own.body).toEqual(first);
    const other = await bo.api.get(`/api/v1/notifications/${first.id}`);
    expect(other.status).toBe(404);
    expect(other.body.error).toEqual(expect.any(String));
    expect((await ana.api.get('/api/v1/notifications/99999999')).status).toBe(404);
    expect((await ana.api.get('/api/v1/notifications/abc')).status).toBe(404);
  });

  it('dismisses one, and clears all, of the viewer’s notifications only', async () => {
    const { ana, bo, list } = await busyMorning();
    const boNote = await notifyFollow(bo, ana);
    const [first, second] = list;
    expect((await bo.api.post(`/api/v1/notifications/${first.id}/dismiss`)).status).toBe(404);
    expect(ids((await ana.api.get('/api/v1/notifications')).body)).toContain(first.id);

    const dismissed = await ana.api.post(`/api/v1/notifications/${first.id}/dismiss`);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toEqual({});
    expect(ids((await ana.api.get('/api/v1/notifications')).body)[0]).toBe(second.id);
    expect((await ana.api.post(`/api/v1/notifications/${first.id}/dismiss`)).status).toBe(404);

    const cleared = await ana.api.post('/api/v1/notifications/clear');
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({});
    expect((await ana.api.get('/api/v1/notifications')).body).toEqual([]);
    expect(ids((await bo.api.get('/api/v1/notifications')).body)).toEqual([boNote]);
  });

  it('asks for the notification scopes', async () => {
    const { ana } = await busyMorning();
    const statusesOnly = api(t.app, await tokenFor(t.ctx, ana.account, ['read:statuses']));
    expect((await statusesOnly.get('/api/v1/notifications')).status).toBe(403);
    const readOnly = api(t.app, await tokenFor(t.ctx, ana.account, ['read:notifications']));
    expect((await readOnly.get('/api/v1/notifications')).status).toBe(200);
    expect((await readOnly.get('/api/v1/notifications/unread_count')).status).toBe(200);
    expect((await readOnly.post('/api/v1/notifications/clear')).status).toBe(403);
    expect((await api(t.app).get('/api/v1/notifications')).status).toBe(401);
  });
});

describe('markers and the unread count', () => {
  it('counts notifications newer than the notifications marker, up to the limit', async () => {
    const { ana, list } = await busyMorning();
    const all = ids(list);
    const count = async (query = '') =>
      (await ana.api.get(`/api/v1/notifications/unread_count${query}`)).body.count;
    expect(await count()).toBe(4);
    expect(await count('?limit=2')).toBe(2);
    expect(await count('?types[]=mention')).toBe(1);
    expect(await count('?exclude_types[]=mention')).toBe(3);
    expect((await ana.api.get('/api/v1/notifications/unread_count?limit=1001')).status).toBe(400);

    const saved = await ana.api.post('/api/v1/markers', {
      notifications: { last_read_id: all[1] },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.notifications).toMatchObject({ last_read_id: all[1], version: 0 });
    expect(await count()).toBe(1);
    await ana.api.post('/api/v1/markers', { notifications: { last_read_id: all[0] } });
    expect(await count()).toBe(0);
  });

  it('stores markers per timeline, bumps the version, and never moves one back', async () => {
    const ana = await person(t);
    const bo = await person(t);
    expect((await ana.api.get('/api/v1/markers')).body).toEqual({});
    const first = await ana.api.post('/api/v1/markers', {
      home: { last_read_id: '100' },
      notifications: { last_read_id: '200' },
    });
    expect(first.body).toEqual({
      home: { last_read_id: '100', version: 0, updated_at: expect.any(String) },
      notifications: { last_read_id: '200', version: 0, updated_at: expect.any(String) },
    });
    const form = formBody({ 'home[last_read_id]': '150' });
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/markers',
      payload: form.payload,
      headers: { ...form.headers, authorization: `Bearer ${ana.token}` },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({
      home: { last_read_id: '150', version: 1, updated_at: expect.any(String) },
    });
    // An older position (a late write from another device) leaves the marker where it is.
    const stale = await ana.api.post('/api/v1/markers', { home: { last_read_id: '120' } });
    expect(stale.body.home).toMatchObject({ last_read_id: '150', version: 1 });

    const both = await ana.api.get('/api/v1/markers?timeline[]=home&timeline[]=notifications');
    expect(both.body.home).toMatchObject({ last_read_id: '150', version: 1 });
    expect(both.body.notifications).toMatchObject({ last_read_id: '200', version: 0 });
    const one = await ana.api.get('/api/v1/markers?timeline[]=notifications');
    expect(Object.keys(one.body)).toEqual(['notifications']);
    expect((await bo.api.get('/api/v1/markers')).body).toEqual({});
    expect((await ana.api.get('/api/v1/markers?timeline[]=lists')).status).toBe(400);
    expect((await ana.api.post('/api/v1/markers', { home: { last_read_id: 'x' } })).status).toBe(
      422,
    );
  });

  it('keeps the newest of concurrent saves', async () => {
    const ana = await person(t);
    const positions = Array.from({ length: 12 }, (_, i) => String(1000 + i));
    await Promise.all(
      [...positions]
        .reverse()
        .map((id) => ana.api.post('/api/v1/markers', { notifications: { last_read_id: id } })),
    );
    const markers = await ana.api.get('/api/v1/markers');
    expect(markers.body.notifications.last_read_id).toBe('1011');
  });

  it('asks for the statuses scopes', async () => {
    const ana = await person(t);
    const notes = api(t.app, await tokenFor(t.ctx, ana.account, ['read:notifications']));
    expect((await notes.get('/api/v1/markers')).status).toBe(403);
    const reader = api(t.app, await tokenFor(t.ctx, ana.account, ['read:statuses']));
    expect((await reader.get('/api/v1/markers')).status).toBe(200);
    expect((await reader.post('/api/v1/markers', { home: { last_read_id: '1' } })).status).toBe(
      403,
    );
  });
});
