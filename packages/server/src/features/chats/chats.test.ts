import { MAX_CHAT_PARTICIPANTS } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { person } from '../streaming/streaming.fixtures';
import { CHATS, chatState, chatWith, say } from './chats.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const ids = (people: Array<{ account: { id: number } }>) => people.map((p) => String(p.account.id));

describe('starting conversations', () => {
  it('starts a one-to-one conversation and finds it again instead of making a second', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const res = await ana.api.post(CHATS, { account_ids: [String(bo.account.id)] });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'direct',
      title: '',
      unread_count: 0,
      last_message: null,
      muted: false,
    });
    expect(res.body.accounts.map((a: { id: string }) => a.id)).toEqual(ids([bo]));
    expect(res.body.read_states).toHaveLength(2);

    const again = await ana.api.post(CHATS, { account_ids: [String(bo.account.id)] });
    expect(again.body.id).toBe(res.body.id);
    // Whoever starts it, and naming oneself too, the pair has one conversation.
    const fromBo = await bo.api.post(CHATS, {
      account_ids: [String(ana.account.id), String(bo.account.id)],
    });
    expect(fromBo.body.id).toBe(res.body.id);
    expect(fromBo.body.accounts.map((a: { id: string }) => a.id)).toEqual(ids([ana]));
  });

  it('always makes a new group conversation, with a title', async () => {
    const [ana, bo, cy] = await Promise.all([person(t), person(t), person(t)]);
    const first = await chatWith(ana, [bo, cy], 'Launch crew');
    const second = await chatWith(ana, [bo, cy]);
    expect(second).not.toBe(first);
    const seen = await cy.api.get(`${CHATS}/${first}`);
    expect(seen.body.title).toBe('Launch crew');
    expect(seen.body.kind).toBe('group');
    expect(seen.body.accounts.map((a: { id: string }) => a.id).sort()).toEqual(
      ids([ana, bo]).sort(),
    );
  });

  it('refuses 51 people, nobody, unknown people and a title on a one-to-one, storing nothing', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const crowd = await Promise.all(Array.from({ length: MAX_CHAT_PARTICIPANTS }, () => person(t)));
    const before = await chatState(t);
    const tooMany = await ana.api.post(CHATS, { account_ids: ids(crowd) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toMatch(/at most 50 people/);
    for (const body of [
      { account_ids: [] },
      { account_ids: [String(ana.account.id)] },
      { account_ids: ['999999999'] },
      { account_ids: ['not-an-id'] },
      { account_ids: [String(bo.account.id)], title: 'Just us' },
    ]) {
      const res = await ana.api.post(CHATS, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error).toBeTruthy();
    }
    expect(await chatState(t)).toEqual(before);
    // 50 people in all (the starter and 49) is fine.
    await chatWith(ana, crowd.slice(0, MAX_CHAT_PARTICIPANTS - 1));
  });

  it('needs a signed-in person', async () => {
    expect((await api(t.app).get(CHATS)).status).toBe(401);
    expect((await api(t.app).post(CHATS, { account_ids: ['1'] })).status).toBe(401);
  });
});

describe('the list of conversations', () => {
  it('orders by last activity, counts unread per conversation and pages with Link headers', async () => {
    const [ana, bo, cy, di] = await Promise.all([person(t), person(t), person(t), person(t)]);
    const withBo = await chatWith(ana, [bo]);
    const withCy = await chatWith(ana, [cy]);
    const group = await chatWith(di, [ana, bo], 'Budget');
    await say(bo, withBo, 'one');
    await say(bo, withBo, 'two');
    await say(cy, withCy, 'hello');
    await say(ana, group, 'I am here');
    await say(bo, withBo, 'three');

    const list = await ana.api.get(CHATS);
    expect(list.status).toBe(200);
    expect(list.body.map((c: { id: string }) => c.id)).toEqual([withBo, group, withCy]);
    expect(list.body.map((c: { unread_count: number }) => c.unread_count)).toEqual([3, 0, 1]);
    expect(list.body[0].last_message.text).toBe('three');
    expect((await ana.api.get(`${CHATS}/unread_count`)).body).toEqual({ count: 2 });

    const first = await ana.api.get(`${CHATS}?limit=2`);
    expect(first.body.map((c: { id: string }) => c.id)).toEqual([withBo, group]);
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1] as string;
    const rest = await ana.api.get(next.replace(/^https?:\/\/[^/]+/, ''));
    expect(rest.body.map((c: { id: string }) => c.id)).toEqual([withCy]);
  });

  it('leaves muted conversations out of the unread badge, though they still count unread', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    const chat = await chatWith(bo, [ana]);
    await say(bo, chat, 'ping');
    expect((await ana.api.get(`${CHATS}/unread_count`)).body).toEqual({ count: 1 });
    const muted = await ana.api.patch(`${CHATS}/${chat}`, { muted: true });
    expect(muted.body).toMatchObject({ muted: true, unread_count: 1 });
    expect((await ana.api.get(`${CHATS}/unread_count`)).body).toEqual({ count: 0 });
    await ana.api.patch(`${CHATS}/${chat}`, { muted: false });
    expect((await ana.api.get(`${CHATS}/unread_count`)).body).toEqual({ count: 1 });
  });
});

describe('read states', () => {
  it('move forward only, default to the newest message and show to the others', async () => {
    const [ana, bo, cy] = await Promise.all([person(t), person(t), person(t)]);
    const chat = await chatWith(ana, [bo, cy]);
    const m1 = await say(ana, chat, 'first');
    const m2 = await say(cy, chat, 'second');
    const m3 = await say(ana, chat, 'third');
    expect((await bo.api.get(`${CHATS}/${chat}`)).body.unread_count).toBe(3);

    const upTo2 = await bo.api.post(`${CHATS}/${chat}/read`, { last_read_id: m2.id });
    expect(upTo2.status, upTo2.text).toBe(200);
    expect(upTo2.body.unread_count).toBe(1);
    // An older position changes nothing.
    const back = await bo.api.post(`${CHATS}/${chat}/read`, { last_read_id: m1.id });
    expect(back.body.unread_count).toBe(1);
    const stateOf = (chatBody: {
      read_states: Array<{ account_id: string; last_read_id: string }>;
    }) => chatBody.read_states.find((s) => s.account_id === String(bo.account.id))?.last_read_id;
    expect(stateOf(back.body)).toBe(m2.id);

    // No body at all (as a plain `curl -X POST`): up to the newest message.
    const all = await t.app.inject({
      method: 'POST',
      url: `${CHATS}/${chat}/read`,
      headers: { authorization: `Bearer ${bo.token}` },
    });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().unread_count).toBe(0);
    expect(stateOf((await ana.api.get(`${CHATS}/${chat}`)).body)).toBe(m3.id);
    // Sending reads up to one's own message.
    const anaState = (await cy.api.get(`${CHATS}/${chat}`)).body.read_states.find(
      (s: { account_id: string }) => s.account_id === String(ana.account.id),
    );
    expect(anaState.last_read_id).toBe(m3.id);
  });

  it('refuses a message of another conversation', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    const chat = await chatWith(ana, [bo]);
    const other = await chatWith(ana, [await person(t)]);
    const elsewhere = await say(ana, other, 'elsewhere');
    const before = await chatState(t);
    const res = await bo.api.post(`${CHATS}/${chat}/read`, { last_read_id: elsewhere.id });
    expect(res.status).toBe(422);
    expect(await chatState(t)).toEqual(before);
  });
});

describe('title, mute and leave', () => {
  it('lets any participant rename a group, not a one-to-one', async () => {
    const [ana, bo, cy] = await Promise.all([person(t), person(t), person(t)]);
    const group = await chatWith(ana, [bo, cy]);
    const renamed = await cy.api.patch(`${CHATS}/${group}`, { title: 'Q3 planning' });
    expect(renamed.status).toBe(200);
    expect((await ana.api.get(`${CHATS}/${group}`)).body.title).toBe('Q3 planning');
    const direct = await chatWith(ana, [bo]);
    expect((await bo.api.patch(`${CHATS}/${direct}`, { title: 'x' })).status).toBe(422);
  });

  it('takes the leaver out: they no longer see it nor get its messages; the others see them gone', async () => {
    const [ana, bo, cy] = await Promise.all([person(t), person(t), person(t)]);
    const group = await chatWith(ana, [bo, cy]);
    await say(ana, group, 'before');
    const left = await bo.api.post(`${CHATS}/${group}/leave`);
    expect(left.status).toBe(200);
    expect((await bo.api.get(`${CHATS}/${group}`)).status).toBe(404);
    expect((await bo.api.get(`${CHATS}/${group}/messages`)).status).toBe(404);
    expect((await bo.api.post(`${CHATS}/${group}/leave`)).status).toBe(404);
    expect((await bo.api.get(CHATS)).body.map((c: { id: string }) => c.id)).not.toContain(group);
    await say(ana, group, 'after');
    expect((await bo.api.get(`${CHATS}/unread_count`)).body.count).toBe(0);
    const seen = await ana.api.get(`${CHATS}/${group}`);
    expect(seen.body.accounts.map((a: { id: string }) => a.id)).toEqual(ids([cy]));
  });

  it('makes a fresh one-to-one after one side left', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    const first = await chatWith(ana, [bo]);
    await say(ana, first, 'old');
    await bo.api.post(`${CHATS}/${first}/leave`);
    const again = await chatWith(bo, [ana]);
    expect(again).not.toBe(first);
    expect((await bo.api.get(`${CHATS}/${again}/messages`)).body).toEqual([]);
    // Ana, alone in the old one, cannot talk into the void.
    const res = await ana.api.post(`${CHATS}/${first}/messages`, { text: 'anyone?' });
    expect(res.status).toBe(403);
  });
});

describe('outsiders', () => {
  it('get 404 for everything about a conversation they are not in, and change nothing', async () => {
    const [ana, bo, eve] = await Promise.all([person(t), person(t), person(t)]);
    const chat = await chatWith(ana, [bo]);
    await say(ana, chat, 'private');
    const before = await chatState(t);
    for (const [method, path, body] of [
      ['get', `${CHATS}/${chat}`],
      ['get', `${CHATS}/${chat}/messages`],
      ['post', `${CHATS}/${chat}/messages`, { text: 'let me in' }],
      ['post', `${CHATS}/${chat}/read`, {}],
      ['patch', `${CHATS}/${chat}`, { muted: true }],
      ['post', `${CHATS}/${chat}/leave`, {}],
      ['get', `${CHATS}/999999999`],
    ] as const) {
      const send = eve.api[method] as (
        path: string,
        body?: unknown,
      ) => Promise<{ status: number; body: { error: string } }>;
      const res = await send(path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error).toBe('Chat not found');
    }
    expect(await chatState(t)).toEqual(before);
  });
});
