import { type DomainEvent, MAX_CHAT_MESSAGE_LENGTH } from '@rapport/schema';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { multipartBody } from '../../../test/http';
import { DAY_MS } from '../../lib/time';
import { cleanUpUnattachedMedia } from '../media/media.service';
import { type Person, person } from '../streaming/streaming.fixtures';
import { CHATS, chatState, chatWith, say } from './chats.fixtures';
import { sendMessage } from './messages.service';

let t: TestApp;
const events: DomainEvent[] = [];
beforeAll(async () => {
  t = await startTestApp();
  t.ctx.events.on('chat.message', (event) => {
    events.push(event);
  });
});
afterAll(() => t.close());

async function upload(who: Person): Promise<string> {
  const data = await sharp({
    create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 80, b: 20 } },
  })
    .png()
    .toBuffer();
  const body = await multipartBody([['file', { filename: 'chart.png', type: 'image/png', data }]]);
  const res = await who.api.post('/api/v2/media', body.payload, body.headers);
  expect(res.status, res.text).toBe(200);
  return res.body.id as string;
}

describe('sending', () => {
  it('renders Markdown through the one sanitiser, links included', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    const chat = await chatWith(ana, [bo]);
    const message = await say(
      ana,
      chat,
      '**Draft** is [here](https://docs.example/d1) <script>alert(1)</script> and https://x.example',
    );
    expect(message.html).toContain('<strong>Draft</strong>');
    expect(message.html).toContain('href="https://docs.example/d1"');
    expect(message.html).toContain('rel="nofollow noopener noreferrer"');
    expect(message.html).toContain('href="https://x.example"');
    expect(message.html).not.toContain('<script');
    expect(message.text).toContain('**Draft**');
  });

  it('sends once per Idempotency-Key: a retry returns the first message and stores nothing', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    const chat = await chatWith(ana, [bo]);
    const headers = { 'idempotency-key': 'send-42' };
    const first = await say(ana, chat, 'Only once', headers);
    const before = await chatState(t);
    const retry = await say(ana, chat, 'Only once', headers);
    expect(retry.id).toBe(first.id);
    expect(await chatState(t)).toEqual(before);
    // The same key elsewhere is another message.
    const other = await chatWith(ana, [await person(t)]);
    expect((await say(ana, other, 'Only once', headers)).id).not.toBe(first.id);
  });

  it('attaches the sender’s own unattached images, in order', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    const chat = await chatWith(ana, [bo]);
    const [first, second] = [await upload(ana), await upload(ana)];
    const res = await ana.api.post(`${CHATS}/${chat}/messages`, {
      text: '',
      media_ids: [second, first],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.media_attachments.map((m: { id: string }) => m.id)).toEqual([second, first]);
    const listed = (await bo.api.get(`${CHATS}/${chat}/messages`)).body[0];
    expect(listed.media_attachments).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ preview: 'Sent 2 images' });
    // Taken by the message: a status cannot take it too, nor the clean-up.
    const reuse = await ana.api.post('/api/v1/statuses', { status: 'x', media_ids: [first] });
    expect(reuse.status).toBe(422);
    await cleanUpUnattachedMedia(t.ctx, Date.now() + 2 * DAY_MS);
    const kept = await t.ctx.db
      .selectFrom('media_attachments')
      .select('id')
      .where('id', 'in', [Number(first), Number(second)])
      .execute();
    expect(kept).toHaveLength(2);
  });

  it('refuses empty, oversize, someone else’s or already used images, storing nothing', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    const chat = await chatWith(ana, [bo]);
    const bosImage = await upload(bo);
    const used = await upload(ana);
    await ana.api.post(`${CHATS}/${chat}/messages`, { text: 'with image', media_ids: [used] });
    const mine = await upload(ana);
    const before = await chatState(t);
    for (const body of [
      { text: '' },
      { text: '   \n ' },
      { text: 'x'.repeat(MAX_CHAT_MESSAGE_LENGTH + 1) },
      { text: 'theirs', media_ids: [bosImage] },
      { text: 'twice', media_ids: [mine, used] },
      { text: 'unknown', media_ids: ['999999999'] },
      { text: 'too many', media_ids: ['1', '2', '3', '4', '5'] },
    ]) {
      const res = await ana.api.post(`${CHATS}/${chat}/messages`, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(res.body.error).toMatch(/Validation failed/);
    }
    expect(await chatState(t)).toEqual(before);
    // A message of exactly the limit is fine.
    await say(ana, chat, 'y'.repeat(MAX_CHAT_MESSAGE_LENGTH));
  });
});

describe('the chat.message event', () => {
  it('names the recipients, leaves those who muted out of notify_ids, and previews in plain text', async () => {
    const [ana, bo, cy] = await Promise.all([person(t), person(t), person(t)]);
    const chat = await chatWith(ana, [bo, cy]);
    await cy.api.patch(`${CHATS}/${chat}`, { muted: true });
    const message = await say(ana, chat, 'Lunch at **noon**? See https://menu.example');
    await t.ctx.events.settled();
    const event = events.find((e) => e.type === 'chat.message' && e.message_id === message.id);
    expect(event).toMatchObject({
      chat_id: chat,
      sender_id: String(ana.account.id),
      notify_ids: [String(bo.account.id)],
      preview: 'Lunch at noon? See https://menu.example',
    });
    expect((event as { recipient_ids: string[] }).recipient_ids.sort()).toEqual(
      [String(bo.account.id), String(cy.account.id)].sort(),
    );
  });
});

describe('paging messages', () => {
  it('pages newest first with max_id, since_id and min_id, and Link headers', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    const chat = await chatWith(ana, [bo]);
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.push((await say(i % 2 ? bo : ana, chat, `m${i}`)).id);
    const newest = await bo.api.get(`${CHATS}/${chat}/messages?limit=2`);
    expect(newest.body.map((m: { id: string }) => m.id)).toEqual([sent[4], sent[3]]);
    expect(String(newest.headers.link)).toContain(`max_id=${sent[3]}>; rel="next"`);
    expect(String(newest.headers.link)).toContain(`min_id=${sent[4]}>; rel="prev"`);
    const older = await bo.api.get(`${CHATS}/${chat}/messages?limit=2&max_id=${sent[3]}`);
    expect(older.body.map((m: { id: string }) => m.id)).toEqual([sent[2], sent[1]]);
    const after = await bo.api.get(`${CHATS}/${chat}/messages?limit=2&min_id=${sent[0]}`);
    expect(after.body.map((m: { id: string }) => m.id)).toEqual([sent[2], sent[1]]);
    const since = await bo.api.get(`${CHATS}/${chat}/messages?limit=2&since_id=${sent[0]}`);
    expect(since.body.map((m: { id: string }) => m.id)).toEqual([sent[4], sent[3]]);
  });
});

describe('search within conversations', () => {
  it('finds messages of the viewer’s conversations only, newest first, by words and a word’s start', async () => {
    const [ana, bo, cy, eve] = await Promise.all([person(t), person(t), person(t), person(t)]);
    const withBo = await chatWith(ana, [bo]);
    const group = await chatWith(cy, [ana, bo]);
    const outside = await chatWith(eve, [cy]);
    const a = await say(ana, withBo, 'The Lisbon budget is approved');
    await say(bo, withBo, 'Great news about the office');
    const b = await say(cy, group, 'Budget review for Lisbon on Friday');
    await say(eve, outside, 'Lisbon budget gossip');

    const search = async (who: Person, q: string, extra = '') => {
      const res = await who.api.get(`${CHATS}/search?q=${encodeURIComponent(q)}${extra}`);
      expect(res.status, res.text).toBe(200);
      return res.body as Array<{ id: string; chat_id: string }>;
    };
    expect((await search(ana, 'lisbon budget')).map((m) => m.id)).toEqual([b.id, a.id]);
    expect((await search(ana, 'lisbon budg')).map((m) => m.id)).toEqual([b.id, a.id]);
    expect((await search(ana, 'Lisbón')).map((m) => m.chat_id)).toEqual([group, withBo]);
    expect(await search(ana, 'gossip')).toEqual([]);
    const firstPage = await search(ana, 'budget', '&limit=1');
    expect(firstPage.map((m) => m.id)).toEqual([b.id]);
    expect((await search(ana, 'budget', `&max_id=${b.id}`)).map((m) => m.id)).toEqual([a.id]);

    // Left conversations are no longer searched.
    await ana.api.post(`${CHATS}/${group}/leave`);
    expect((await search(ana, 'budget')).map((m) => m.id)).toEqual([a.id]);
    expect((await ana.api.get(`${CHATS}/search?q=`)).status).toBe(400);
  });
});

describe('interactions', () => {
  it('records one direct interaction per sender, recipient, conversation and day', async () => {
    const [ana, bo, cy] = await Promise.all([person(t), person(t), person(t)]);
    const chat = await chatWith(ana, [bo, cy]);
    const viewer = { id: ana.account.id, username: ana.account.username, role: 'member' as const };
    const day = Date.UTC(2026, 2, 3, 9);
    for (const at of [day, day + 60_000, day + 3_600_000, day + DAY_MS]) {
      await sendMessage(t.ctx, viewer, Number(chat), { text: 'status update' }, { at });
    }
    await say(bo, chat, 'ack');
    const rows = await t.ctx.db
      .selectFrom('interactions')
      .select(['kind', 'actor_id', 'target_id', 'subject_type', 'subject_id', 'created_at'])
      .where('subject_type', '=', 'chat')
      .where('subject_id', '=', Number(chat))
      .orderBy('created_at')
      .orderBy('target_id')
      .execute();
    const fromAna = rows.filter((row) => row.actor_id === ana.account.id);
    expect(fromAna).toHaveLength(4);
    expect(new Set(fromAna.map((row) => row.created_at))).toEqual(new Set([day, day + DAY_MS]));
    expect(rows.every((row) => row.kind === 'direct')).toBe(true);
    expect(
      rows
        .filter((row) => row.actor_id === bo.account.id)
        .map((row) => row.target_id)
        .sort(),
    ).toEqual([ana.account.id, cy.account.id].sort());
  });
});
