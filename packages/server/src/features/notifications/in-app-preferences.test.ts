import type { DomainEvent } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { hashToken } from '../../lib/tokens';
import type { StreamSocket } from '../../realtime/connection';
import { StreamHub } from '../../realtime/hub';
import { type Person, person } from '../streaming/streaming.fixtures';

let t: TestApp;
const created: Array<Extract<DomainEvent, { type: 'notification.created' }>> = [];
beforeAll(async () => {
  t = await startTestApp();
  t.ctx.events.on('notification.created', (event) => {
    created.push(event);
  });
});
afterAll(() => t.close());

/** A socket that keeps what the hub sends it. */
class FakeSocket {
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  send(data: Buffer) {
    this.sent.push(data.toString());
  }
  ping() {}
  close() {
    this.readyState = 3;
  }
  terminate() {
    this.readyState = 3;
  }
}

/** The person's user stream on a hub of its own, fed the events the test hands it. */
async function streamOf(hub: StreamHub, who: Person) {
  const token = await t.ctx.db
    .selectFrom('access_tokens')
    .select('id')
    .where('token_hash', '=', hashToken(who.token))
    .executeTakeFirstOrThrow();
  const socket = new FakeSocket();
  const viewer = { id: who.account.id, username: who.account.username, role: who.account.role };
  const connection = hub.open(socket as unknown as StreamSocket, viewer, token.id, true);
  await hub.load(connection);
  hub.subscribe(connection, 'user', '{"stream":["user"],"event":');
  return socket;
}

const setInApp = (who: Person, types: Record<string, boolean>) =>
  who.api.put('/api/rapport/v1/preferences/notifications', {
    types: Object.fromEntries(Object.entries(types).map(([type, on]) => [type, { in_app: on }])),
  });

describe('turning a type off in the app', () => {
  it('keeps its notifications for email and push, but out of the list, the counts and the stream', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const own = await ana.api.post('/api/v1/statuses', { status: 'Roadmap draft' });
    expect((await setInApp(ana, { favourite: false })).status).toBe(200);
    const hub = new StreamHub(t.ctx, { closeGraceMs: 10 });
    const socket = await streamOf(hub, ana);

    created.length = 0;
    expect((await bo.api.post(`/api/v1/statuses/${own.body.id}/favourite`)).status).toBe(200);
    await bo.api.post('/api/v1/statuses', { status: `@${ana.account.username} hello` });
    await t.ctx.events.settled();
    // Both were written, and announced for the email digest and push.
    const stored = await t.ctx.db
      .selectFrom('notifications')
      .select(['id', 'type'])
      .where('account_id', '=', ana.account.id)
      .orderBy('id')
      .execute();
    expect(stored.map((row) => row.type)).toEqual(['favourite', 'mention']);
    expect(created.map((event) => event.notification_id)).toEqual(
      stored.map((row) => String(row.id)),
    );

    // The list, both APIs, and the unread counts show the mention alone.
    const v1 = (await ana.api.get('/api/v1/notifications')).body as Array<{ type: string }>;
    expect(v1.map((n) => n.type)).toEqual(['mention']);
    const v2 = (await ana.api.get('/api/v2/notifications')).body;
    expect(v2.notification_groups.map((g: { type: string }) => g.type)).toEqual(['mention']);
    expect((await ana.api.get('/api/v1/notifications/unread_count')).body.count).toBe(1);
    expect((await ana.api.get('/api/v2/notifications/unread_count')).body.count).toBe(1);
    const [favourite] = stored;
    expect((await ana.api.get(`/api/v1/notifications/${favourite?.id}`)).status).toBe(404);

    // Streamed: the mention, not the favourite.
    for (const event of created) await hub.deliver(event);
    const streamed = socket.sent.filter((message) => message.includes('"notification"'));
    expect(streamed).toHaveLength(1);
    expect(streamed[0]).toContain('\\"type\\":\\"mention\\"');

    // Turned on again, the favourite is back: it was stored all along.
    await setInApp(ana, { favourite: true });
    const again = (await ana.api.get('/api/v1/notifications')).body as Array<{ type: string }>;
    expect(again.map((n) => n.type)).toEqual(['mention', 'favourite']);
    await hub.shutdown();
  });

  it('takes mentions out of the inbox and its unread count', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const plan = await ana.api.post('/api/v1/statuses', { status: 'Plan' });
    await bo.api.post('/api/v1/statuses', {
      status: `@${ana.account.username} a reply`,
      in_reply_to_id: plan.body.id,
    });
    await t.ctx.events.settled();
    expect((await ana.api.get('/api/rapport/v1/inbox')).body).toHaveLength(1);
    expect((await ana.api.get('/api/rapport/v1/inbox/unread_count')).body.count).toBe(1);
    await setInApp(ana, { mention: false });
    expect((await ana.api.get('/api/rapport/v1/inbox')).body).toEqual([]);
    expect((await ana.api.get('/api/rapport/v1/inbox/unread_count')).body.count).toBe(0);
    expect((await ana.api.get('/api/v1/notifications/unread_count')).body.count).toBe(0);
  });
});
