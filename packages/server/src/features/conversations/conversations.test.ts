import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { streamKit } from '../streaming/stream-client';
import { block, type Person, person } from '../streaming/streaming.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { listen: true });
});
afterAll(() => t.close());

const kit = streamKit(() => t);

async function direct(author: Person, text: string, replyTo?: string) {
  const res = await author.api.post('/api/v1/statuses', {
    status: text,
    visibility: 'direct',
    ...(replyTo ? { in_reply_to_id: replyTo } : {}),
  });
  expect(res.status, res.text).toBe(200);
  return res.body as { id: string };
}

const at = (who: Person) => `@${who.account.username}`;
const list = async (who: Person, query = '') => {
  const res = await who.api.get(`/api/v1/conversations${query}`);
  expect(res.status, res.text).toBe(200);
  return res;
};

describe('Mastodon conversations over direct statuses', () => {
  it('files a direct thread for each participant, unread for those addressed', async () => {
    const [ana, bo, cy] = [await person(t), await person(t), await person(t)];
    const first = await direct(ana, `${at(bo)} ${at(cy)} can we move the review?`);
    const forBo = (await list(bo)).body;
    expect(forBo).toHaveLength(1);
    expect(forBo[0].unread).toBe(true);
    expect(forBo[0].last_status.id).toBe(first.id);
    expect(forBo[0].accounts.map((a: { id: string }) => a.id).sort()).toEqual(
      [String(ana.account.id), String(cy.account.id)].sort(),
    );
    const forAna = (await list(ana)).body;
    expect(forAna[0].unread).toBe(false);
    expect(forAna[0].accounts).toHaveLength(2);

    // A reply in the thread moves the same conversation forward, unread for Ana now.
    const reply = await direct(bo, `${at(ana)} ${at(cy)} Thursday works`, first.id);
    const again = (await list(ana)).body;
    expect(again).toHaveLength(1);
    expect(again[0].id).toBe(forAna[0].id);
    expect(again[0].last_status.id).toBe(reply.id);
    expect(again[0].unread).toBe(true);
    expect((await list(bo)).body[0].unread).toBe(false);
  });

  it('reads and removes a conversation; a new status brings it back', async () => {
    const [ana, bo] = [await person(t), await person(t)];
    const first = await direct(ana, `${at(bo)} lunch?`);
    const [conversation] = (await list(bo)).body;
    const read = await bo.api.post(`/api/v1/conversations/${conversation.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.unread).toBe(false);
    expect((await list(bo)).body[0].unread).toBe(false);

    expect((await bo.api.delete(`/api/v1/conversations/${conversation.id}`)).status).toBe(200);
    expect((await list(bo)).body).toEqual([]);
    // Ana's own view is untouched.
    expect((await list(ana)).body).toHaveLength(1);
    await direct(ana, `${at(bo)} still on?`, first.id);
    const back = (await list(bo)).body;
    expect(back).toHaveLength(1);
    expect(back[0].unread).toBe(true);
  });

  it('answers 404 for someone else’s conversation, and changes nothing', async () => {
    const [ana, bo, eve] = [await person(t), await person(t), await person(t)];
    await direct(ana, `${at(bo)} private plan`);
    const [conversation] = (await list(bo)).body;
    expect((await eve.api.post(`/api/v1/conversations/${conversation.id}/read`)).status).toBe(404);
    expect((await eve.api.delete(`/api/v1/conversations/${conversation.id}`)).status).toBe(404);
    expect((await eve.api.post('/api/v1/conversations/abc/read')).status).toBe(404);
    expect((await list(bo)).body[0].unread).toBe(true);
    expect((await list(eve)).body).toEqual([]);
  });

  it('pages by the newest status, newest first, with Link headers', async () => {
    const ana = await person(t);
    const others = [await person(t), await person(t), await person(t)];
    const ids: string[] = [];
    for (const other of others) ids.push((await direct(ana, `${at(other)} hello`)).id);
    const page = await list(ana, '?limit=2');
    expect(page.body.map((c: { last_status: { id: string } }) => c.last_status.id)).toEqual([
      ids[2],
      ids[1],
    ]);
    expect(String(page.headers.link)).toContain(`max_id=${ids[1]}`);
    const next = await list(ana, `?limit=2&max_id=${ids[1]}`);
    expect(next.body.map((c: { last_status: { id: string } }) => c.last_status.id)).toEqual([
      ids[0],
    ]);
  });

  it('falls back to the previous status when the newest is deleted, and goes with the last', async () => {
    const [ana, bo] = [await person(t), await person(t)];
    const first = await direct(ana, `${at(bo)} one`);
    const second = await direct(ana, `${at(bo)} two`, first.id);
    expect((await ana.api.delete(`/api/v1/statuses/${second.id}`)).status).toBe(200);
    expect((await list(bo)).body[0].last_status.id).toBe(first.id);
    expect((await ana.api.delete(`/api/v1/statuses/${first.id}`)).status).toBe(200);
    expect((await list(bo)).body).toEqual([]);
  });

  it('shows no status the reader may no longer see', async () => {
    const [ana, bo] = [await person(t), await person(t)];
    await direct(ana, `${at(bo)} about the launch`);
    await block(t, bo, ana);
    const [conversation] = (await list(bo)).body;
    expect(conversation.last_status).toBeNull();
  });

  it('streams the conversation on the direct stream of each participant only', async () => {
    const [ana, bo, eve] = [await person(t), await person(t), await person(t)];
    const boClient = await kit.connect(bo, { stream: 'direct' });
    const eveClient = await kit.connect(eve, { stream: 'direct' });
    const anaUser = await kit.connect(ana, { stream: 'user' });
    const status = await direct(ana, `${at(bo)} are you free?`);
    const received = await kit.quiet(boClient);
    const conversations = received.filter((m) => m.event === 'conversation');
    expect(conversations).toHaveLength(1);
    expect(conversations[0]?.stream).toEqual(['direct']);
    expect(conversations[0]?.data.last_status.id).toBe(status.id);
    expect(conversations[0]?.data.unread).toBe(true);
    expect((await kit.quiet(eveClient)).filter((m) => m.event === 'conversation')).toEqual([]);
    // The user stream is not the direct stream: it carries no conversation events.
    expect((await kit.quiet(anaUser)).filter((m) => m.event === 'conversation')).toEqual([]);
  });
});
