import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, insertCommunity } from '../../../test/community-factory';
import { tokenFor } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { CHATS, chatWith, say } from '../chats/chats.fixtures';
import { block, type Person, person } from '../streaming/streaming.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface Item {
  id: string;
  kind: string;
  unread: boolean;
  created_at: string;
  account: { id: string };
  status?: { id: string; community: { id: string } | null };
  chat?: { id: string; unread_count: number; last_message: { id: string; text: string } };
}

async function post(author: Person, input: string | Record<string, unknown>) {
  const reply = await author.api.post(
    '/api/v1/statuses',
    typeof input === 'string' ? { status: input } : input,
  );
  expect(reply.status, reply.text).toBe(200);
  return reply.body as { id: string };
}

/**
 * Ana's inbox: Bo mentions her, Cy replies to her status, Di answers her question, Ed
 * mentions her in a reply to Bo; Bo also favourites her status (not for the inbox).
 */
async function inboxOfAna() {
  const ana = await person(t);
  const [bo, cy, di, ed] = [await person(t), await person(t), await person(t), await person(t)];
  const at = `@${ana.account.username}`;
  const plan = await post(ana, 'The plan for Q3');
  const question = await post(ana, { status: 'Who knows the VPN setup?', kind: 'question' });
  const mention = await post(bo, `${at} have a look at the budget`);
  const reply = await post(cy, { status: `${at} looks good`, in_reply_to_id: plan.id });
  const answer = await post(di, {
    status: `${at} use the new client`,
    in_reply_to_id: question.id,
  });
  const nested = await post(ed, {
    status: `@${bo.account.username} ${at} agreed`,
    in_reply_to_id: mention.id,
  });
  expect((await bo.api.post(`/api/v1/statuses/${plan.id}/favourite`)).status).toBe(200);
  await t.ctx.events.settled();
  return { ana, bo, cy, di, ed, plan, question, mention, reply, answer, nested };
}

const inbox = async (who: Person, query = '') => {
  const reply = await who.api.get(`/api/rapport/v1/inbox${query}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body as Item[];
};
const unreadCount = async (who: Person) =>
  (await who.api.get('/api/rapport/v1/inbox/unread_count')).body.count as number;
const v1Unread = async (who: Person) =>
  (await who.api.get('/api/v1/notifications/unread_count')).body.count as number;
const marker = async (who: Person) =>
  (await who.api.get('/api/v1/markers?timeline[]=notifications')).body.notifications
    ?.last_read_id as string | undefined;

describe('the blended inbox', () => {
  it('lists mentions, replies and answers newest first, told apart by their parent', async () => {
    const { ana, bo, cy, di, ed, mention, reply, answer, nested } = await inboxOfAna();
    const items = await inbox(ana);
    expect(items.map((item) => [item.kind, item.status?.id, item.account.id])).toEqual([
      ['mention', nested.id, String(ed.account.id)],
      ['answer', answer.id, String(di.account.id)],
      ['reply', reply.id, String(cy.account.id)],
      ['mention', mention.id, String(bo.account.id)],
    ]);
    for (const item of items) {
      expect(item.id).toMatch(/^notification-\d+$/);
      expect(item.unread).toBe(true);
      expect(new Date(item.created_at).toISOString()).toBe(item.created_at);
    }
    expect((await inbox(ana, '?filter=mentions')).map((i) => i.status?.id)).toEqual([
      nested.id,
      mention.id,
    ]);
    expect((await inbox(ana, '?filter=replies')).map((i) => i.status?.id)).toEqual([reply.id]);
    expect((await inbox(ana, '?filter=answers')).map((i) => i.status?.id)).toEqual([answer.id]);
    expect(await inbox(ana, '?filter=messages')).toEqual([]);
    expect(await inbox(ana, '?filter=unread')).toHaveLength(4);
    expect(await unreadCount(ana)).toBe(4);
    // Bo's inbox holds Ed's mention only; nobody else sees Ana's.
    expect((await inbox(bo)).map((i) => i.status?.id)).toEqual([nested.id]);
  });

  it('pages with a cursor and Link headers', async () => {
    const { ana } = await inboxOfAna();
    const all = (await inbox(ana)).map((item) => item.id);
    const first = await ana.api.get('/api/rapport/v1/inbox?limit=3');
    expect(first.body.map((item: Item) => item.id)).toEqual(all.slice(0, 3));
    const next = new URL(/<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1] as string);
    const second = await ana.api.get(`${next.pathname}${next.search}`);
    expect(second.body.map((item: Item) => item.id)).toEqual(all.slice(3));
    expect(second.headers.link).toBeUndefined();
    const filtered = await ana.api.get('/api/rapport/v1/inbox?filter=mentions&limit=1');
    const more = new URL(
      /<([^>]+)>; rel="next"/.exec(String(filtered.headers.link))?.[1] as string,
    );
    expect(more.searchParams.get('filter')).toBe('mentions');
    expect((await ana.api.get(`${more.pathname}${more.search}`)).body).toHaveLength(1);
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const { ana, bo } = await inboxOfAna();
    const items = await inbox(ana);
    for (const query of ['?filter=everything', '?cursor=nonsense', '?limit=0', '?limit=81']) {
      const reply = await ana.api.get(`/api/rapport/v1/inbox${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error).toEqual(expect.any(String));
    }
    for (const id of ['notification-1', 'chat-1', 'status-5', 'notification-abc', items[0]?.id]) {
      const who = id === items[0]?.id ? bo : ana;
      const reply = await who.api.post(`/api/rapport/v1/inbox/${id}/read`);
      expect(reply.status, id).toBe(404);
      expect(reply.body.error).toEqual(expect.any(String));
    }
    expect(await unreadCount(ana)).toBe(4);
    expect(await marker(ana)).toBeUndefined();
    expect((await api(t.app).get('/api/rapport/v1/inbox')).status).toBe(401);
    const readOnly = api(t.app, await tokenFor(t.ctx, ana.account, ['read:notifications']));
    expect((await readOnly.get('/api/rapport/v1/inbox')).status).toBe(200);
    expect((await readOnly.post('/api/rapport/v1/inbox/read')).status).toBe(403);
  });
});

describe('read state, shared with Mastodon apps through the notifications marker', () => {
  it('keeps a newer item read on its own, then moves the marker over it once older ones are read', async () => {
    const { ana } = await inboxOfAna();
    const [nested, answer, reply, mention] = (await inbox(ana)) as [Item, Item, Item, Item];
    const notificationId = (item: Item) => item.id.replace('notification-', '');
    const favouriteId = (await ana.api.get('/api/v1/notifications?types[]=favourite')).body[0]
      .id as string;
    expect(await v1Unread(ana)).toBe(5);

    // The answer, opened first: read, but the marker cannot pass the unread mention below.
    expect((await ana.api.post(`/api/rapport/v1/inbox/${answer.id}/read`)).status).toBe(200);
    expect((await inbox(ana)).map((item) => item.unread)).toEqual([true, false, true, true]);
    expect(await unreadCount(ana)).toBe(3);
    expect(await v1Unread(ana)).toBe(4);
    expect(await marker(ana)).toBeUndefined();
    expect((await inbox(ana, '?filter=unread')).map((i) => i.id)).toEqual([
      nested.id,
      reply.id,
      mention.id,
    ]);

    // The oldest, then the reply: the marker moves up over the three, to the answer.
    await ana.api.post(`/api/rapport/v1/inbox/${mention.id}/read`);
    expect(await marker(ana)).toBe(notificationId(mention));
    await ana.api.post(`/api/rapport/v1/inbox/${reply.id}/read`);
    expect(await marker(ana)).toBe(notificationId(answer));
    expect(await unreadCount(ana)).toBe(1);
    // Opening it again changes nothing.
    expect((await ana.api.post(`/api/rapport/v1/inbox/${reply.id}/read`)).status).toBe(200);
    expect(await marker(ana)).toBe(notificationId(answer));

    // The favourite (newer than the answer, not in the inbox) stays unread for Mastodon apps,
    // so reading the last mention does not move the marker past it.
    expect(BigInt(favouriteId) > BigInt(notificationId(nested))).toBe(true);
    await ana.api.post(`/api/rapport/v1/inbox/${nested.id}/read`);
    expect(await unreadCount(ana)).toBe(0);
    expect(await v1Unread(ana)).toBe(1);
    expect(await marker(ana)).toBe(notificationId(nested));
    const rows = await t.ctx.db
      .selectFrom('notification_reads')
      .select('notification_id')
      .where('account_id', '=', ana.account.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('reads inbox items an app marked read by moving the marker', async () => {
    const { ana } = await inboxOfAna();
    const items = await inbox(ana);
    const [, second] = items as [Item, Item];
    const saved = await ana.api.post('/api/v1/markers', {
      notifications: { last_read_id: second.id.replace('notification-', '') },
    });
    expect(saved.status).toBe(200);
    expect((await inbox(ana)).map((item) => item.unread)).toEqual([true, false, false, false]);
    expect(await unreadCount(ana)).toBe(1);
    expect(await inbox(ana, '?filter=unread')).toHaveLength(1);
  });

  it('marks everything read by moving the marker to the newest notification', async () => {
    const { ana } = await inboxOfAna();
    const [first] = (await inbox(ana)) as [Item];
    await ana.api.post(`/api/rapport/v1/inbox/${first.id}/read`);
    const reply = await ana.api.post('/api/rapport/v1/inbox/read');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({});
    const newest = (await ana.api.get('/api/v1/notifications?limit=1')).body[0].id;
    expect(await marker(ana)).toBe(newest);
    expect(await unreadCount(ana)).toBe(0);
    expect(await v1Unread(ana)).toBe(0);
    expect((await inbox(ana)).every((item) => !item.unread)).toBe(true);
    expect(await inbox(ana, '?filter=unread')).toEqual([]);
  });
});

describe('what the inbox leaves out', () => {
  it('drops items about statuses the person may no longer see, and people they block', async () => {
    const { ana, bo, di, mention } = await inboxOfAna();
    const community = await insertCommunity(t.ctx, { privacy: 'private' });
    await addMember(t.ctx, community.id, ana.account.id);
    await addMember(t.ctx, community.id, di.account.id);
    const inCommunity = await post(di, {
      status: `@${ana.account.username} see the community plan`,
      community_id: String(community.id),
    });
    await t.ctx.events.settled();
    const first = await inbox(ana);
    expect(first[0]).toMatchObject({
      kind: 'mention',
      status: { id: inCommunity.id, community: { id: String(community.id) } },
    });
    expect(await unreadCount(ana)).toBe(5);

    // Ana leaves the private community: what was said in it is out of her sight.
    await t.ctx.db
      .deleteFrom('community_members')
      .where('community_id', '=', community.id)
      .where('account_id', '=', ana.account.id)
      .execute();
    // Bo's mention goes when Ana blocks him (and so does Ed's reply to Bo's status).
    await block(t, ana, bo);
    const after = (await inbox(ana)).map((item) => item.status?.id);
    expect(after).not.toContain(inCommunity.id);
    expect(after).not.toContain(mention.id);
    expect(await unreadCount(ana)).toBe(after.length);
    expect(after.length).toBeLessThan(first.length - 1);
    // Deleted: gone too.
    const answers = await inbox(ana, '?filter=answers');
    expect((await di.api.delete(`/api/v1/statuses/${answers[0]?.status?.id}`)).status).toBe(200);
    expect(await inbox(ana, '?filter=answers')).toEqual([]);
  });
});

describe('direct messages in the inbox', () => {
  it('blends each conversation waiting on the person by its latest message, and reads it', async () => {
    const { ana, bo, cy, nested } = await inboxOfAna();
    const withBo = await chatWith(bo, [ana]);
    await say(bo, withBo, 'Lunch on Thursday?');
    const group = await chatWith(cy, [ana, bo], 'Launch crew');
    await say(cy, group, 'Slides are in the folder');
    await say(bo, group, 'Thanks **Cy**');
    // Ana answered this one last: it waits on nobody.
    const answered = await chatWith(cy, [ana]);
    await say(cy, answered, 'Coffee?');
    await say(ana, answered, 'Sure, at ten');
    // A conversation without messages has nothing to show.
    await chatWith(ana, [await person(t)]);

    const items = await inbox(ana);
    expect(items.map((item) => item.kind)).toEqual([
      'message',
      'message',
      'mention',
      'answer',
      'reply',
      'mention',
    ]);
    const [inGroup, fromBo] = items as [Item, Item];
    expect(inGroup).toMatchObject({
      id: `chat-${group}`,
      unread: true,
      account: { id: String(bo.account.id) },
      chat: { id: group, unread_count: 2, last_message: { text: 'Thanks **Cy**' } },
    });
    expect(fromBo).toMatchObject({ id: `chat-${withBo}`, unread: true });
    expect(items[2]?.status?.id).toBe(nested.id);
    expect((await inbox(ana, '?filter=messages')).map((item) => item.id)).toEqual([
      `chat-${group}`,
      `chat-${withBo}`,
    ]);
    expect(await inbox(ana, '?filter=mentions')).toHaveLength(2);
    expect(await unreadCount(ana)).toBe(6);

    // The cursor carries on across both sources.
    const first = await ana.api.get('/api/rapport/v1/inbox?limit=3');
    const next = new URL(/<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1] as string);
    const second = await ana.api.get(`${next.pathname}${next.search}`);
    expect([...first.body, ...second.body].map((item: Item) => item.id)).toEqual(
      items.map((item) => item.id),
    );

    // Opening the group conversation reads it, as POST /chats/:id/read does.
    expect((await ana.api.post(`/api/rapport/v1/inbox/chat-${group}/read`)).status).toBe(200);
    const chat = await ana.api.get(`${CHATS}/${group}`);
    expect(chat.body.unread_count).toBe(0);
    expect(await unreadCount(ana)).toBe(5);
    expect((await inbox(ana, '?filter=unread')).map((item) => item.id)).not.toContain(
      `chat-${group}`,
    );
    // Someone else's conversation is not the person's to read.
    expect((await cy.api.post(`/api/rapport/v1/inbox/chat-${withBo}/read`)).status).toBe(404);

    // A muted conversation stays in the list, never unread.
    await ana.api.patch(`${CHATS}/${withBo}`, { muted: true });
    const muted = (await inbox(ana, '?filter=messages')).find((i) => i.id === `chat-${withBo}`);
    expect(muted?.unread).toBe(false);
    expect(await unreadCount(ana)).toBe(4);

    // Mark all read reads the conversations too.
    await say(bo, withBo, 'Still on?');
    await ana.api.patch(`${CHATS}/${withBo}`, { muted: false });
    expect(await unreadCount(ana)).toBe(5);
    await ana.api.post('/api/rapport/v1/inbox/read');
    expect(await unreadCount(ana)).toBe(0);
    expect((await ana.api.get(`${CHATS}/${withBo}`)).body.unread_count).toBe(0);
    // Direct messages turned off in the app: in the conversations, not in the inbox.
    await say(bo, withBo, 'Ping');
    await ana.api.put('/api/rapport/v1/preferences/notifications', {
      types: { chat_message: { in_app: false } },
    });
    expect(await inbox(ana, '?filter=messages')).toEqual([]);
    expect(await unreadCount(ana)).toBe(0);
    await ana.api.put('/api/rapport/v1/preferences/notifications', {
      types: { chat_message: { in_app: true } },
    });
    expect(await unreadCount(ana)).toBe(1);
    // Leaving a conversation takes it out of the inbox.
    await ana.api.post(`${CHATS}/${group}/leave`);
    expect((await inbox(ana, '?filter=messages')).map((item) => item.id)).toEqual([
      `chat-${withBo}`,
    ]);
  });
});
