import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { type Received, streamKit } from '../streaming/stream-client';
import { person } from '../streaming/streaming.fixtures';
import { CHATS, chatWith, say } from './chats.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { listen: true });
});
afterAll(() => t.close());

const { connect, quiet } = streamKit(() => t);

const chatEvents = (messages: Received[], event = 'chat.message') =>
  messages.filter((m) => m.event === event);

describe('live conversations', () => {
  it('delivers messages in order to every participant (the sender’s other connections too), and nothing to others', async () => {
    const [ana, bo, cy, eve] = await Promise.all([person(t), person(t), person(t), person(t)]);
    const chat = await chatWith(ana, [bo, cy], 'Release');
    const anaPhone = await connect(ana, { stream: 'user' });
    const boClient = await connect(bo, { stream: 'user' });
    const cyClient = await connect(cy, { stream: 'user' });
    const eveClient = await connect(eve, { stream: 'user' });
    await Promise.all([quiet(anaPhone), quiet(boClient), quiet(cyClient), quiet(eveClient)]);

    const sent = [];
    for (const [who, text] of [
      [ana, 'Build is green'],
      [bo, 'Shipping at **3pm**'],
      [cy, 'Notes: https://wiki.example/release'],
      [ana, 'Thanks!'],
    ] as const) {
      sent.push(await say(who, chat, text));
    }
    for (const client of [anaPhone, boClient, cyClient]) {
      const received = chatEvents(await quiet(client));
      expect(received.map((m) => m.data.id)).toEqual(sent.map((m) => m.id));
      expect(received.every((m) => m.stream?.[0] === 'user')).toBe(true);
    }
    expect(await quiet(eveClient)).toEqual([]);
  });

  it('carries the message as the REST API presents it', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    const chat = await chatWith(ana, [bo]);
    const boClient = await connect(bo, { stream: 'user' });
    const sent = await say(ana, chat, 'See _this_: https://example.com/plan');
    const [live] = chatEvents(await quiet(boClient));
    const listed = (await bo.api.get(`${CHATS}/${chat}/messages`)).body[0];
    expect(live?.data).toEqual(listed);
    expect(live?.data.html).toContain('<em>this</em>');
    expect(live?.data.html).toContain('href="https://example.com/plan"');
    expect(sent.id).toBe(listed.id);
  });

  it('tells every participant how far someone read', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    const chat = await chatWith(ana, [bo]);
    const message = await say(ana, chat, 'Did you see the figures?');
    const anaClient = await connect(ana, { stream: 'user' });
    const boOther = await connect(bo, { stream: 'user' });
    await bo.api.post(`${CHATS}/${chat}/read`);
    for (const client of [anaClient, boOther]) {
      const [read] = chatEvents(await quiet(client), 'chat.read');
      expect(read?.data).toEqual({
        chat_id: chat,
        account_id: String(bo.account.id),
        last_read_id: message.id,
      });
    }
    // Reading again changes nothing and says nothing.
    await bo.api.post(`${CHATS}/${chat}/read`);
    expect(await quiet(anaClient)).toEqual([]);
  });

  it('stops delivering to someone who left, and tells the others', async () => {
    const [ana, bo, cy] = await Promise.all([person(t), person(t), person(t)]);
    const chat = await chatWith(ana, [bo, cy]);
    const boClient = await connect(bo, { stream: 'user' });
    const cyClient = await connect(cy, { stream: 'user' });
    await bo.api.post(`${CHATS}/${chat}/leave`);
    const [update] = chatEvents(await quiet(cyClient), 'chat.update');
    expect(update?.data.account_ids.sort()).toEqual(
      [String(ana.account.id), String(cy.account.id)].sort(),
    );
    expect(chatEvents(await quiet(boClient), 'chat.update')).toHaveLength(1);
    await say(ana, chat, 'still here?');
    expect(chatEvents(await quiet(boClient))).toEqual([]);
    expect(chatEvents(await quiet(cyClient))).toHaveLength(1);
  });

  it('lets a client that was offline catch up with min_id: no gaps, no duplicates', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    const chat = await chatWith(ana, [bo]);
    const all: string[] = [];
    const seen = new Map<string, number>();
    const take = (messages: Array<{ id: string }>) => {
      for (const message of messages) seen.set(message.id, (seen.get(message.id) ?? 0) + 1);
    };

    const online = await connect(bo, { stream: 'user' });
    for (let i = 0; i < 3; i++) all.push((await say(ana, chat, `live ${i}`)).id);
    take(chatEvents(await quiet(online)).map((m) => m.data));
    online.close();

    // Offline: more than one page of messages arrives.
    for (let i = 0; i < 7; i++) all.push((await say(ana, chat, `missed ${i}`)).id);

    // Back: the stream first (so nothing falls between), then the catch-up from the last seen.
    const back = await connect(bo, { stream: 'user' });
    const during = say(ana, chat, 'while catching up');
    let cursor = [...seen.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)).at(-1) as string;
    const received = new Set<string>(seen.keys());
    for (;;) {
      const page = await bo.api.get(`${CHATS}/${chat}/messages?min_id=${cursor}&limit=3`);
      expect(page.status).toBe(200);
      const ids = (page.body as Array<{ id: string }>).map((m) => m.id);
      if (ids.length === 0) break;
      // Within a page, newest first (Mastodon's order); the page is the one just after min_id.
      expect([...ids].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1))).toEqual(ids);
      for (const id of ids) {
        expect(received.has(id), `duplicate ${id}`).toBe(false);
        received.add(id);
      }
      cursor = ids[0] as string;
    }
    all.push((await during).id);
    // The live copy of a message also fetched is recognised by its id.
    for (const m of chatEvents(await quiet(back))) received.add(m.data.id);
    expect([...received].sort()).toEqual([...all].sort());
    expect(received.size).toBe(all.length);
  });
});
