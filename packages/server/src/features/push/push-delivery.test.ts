import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { type PushDevice, type PushReceiver, startPushReceiver } from '../../../test/push-receiver';
import { csrfTokenFor } from '../../http/auth';
import { startSession } from '../sessions/sessions.service';
import { pushChatMessage, pushNotification } from './push-delivery';
import { PushSender } from './push-sender';

let t: TestApp;
let receiver: PushReceiver;
beforeAll(async () => {
  receiver = await startPushReceiver();
  // The receiver is a push service on 127.0.0.1 over plain http: allowed here only.
  t = await startTestApp({ RAPPORT_PUSH_ALLOW: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});
afterEach(() => {
  expect(receiver.problems).toEqual([]);
});

const path = '/api/v1/push/subscription';
let sequence = 0;

async function person(name: string) {
  sequence += 1;
  const username = `${name}${sequence}`;
  const { account, token } = await createAccountWithToken(
    t.ctx,
    { username, displayName: `${name[0]?.toUpperCase()}${name.slice(1)} Example` },
    ['read', 'write', 'follow', 'push'],
  );
  return { account, token, username, api: api(t.app, token) };
}
type Person = Awaited<ReturnType<typeof person>>;

async function subscribe(
  who: Person,
  options: { standard?: boolean; alerts?: Record<string, boolean>; policy?: string } = {},
): Promise<PushDevice> {
  const device = receiver.device();
  const reply = await who.api.post(path, {
    subscription: {
      endpoint: device.endpoint,
      keys: { p256dh: device.p256dh, auth: device.auth },
      ...(options.standard === undefined ? {} : { standard: options.standard }),
    },
    data: {
      alerts: options.alerts ?? { mention: true, follow: true, favourite: true },
      ...(options.policy ? { policy: options.policy } : {}),
    },
  });
  expect(reply.status, reply.text).toBe(200);
  return device;
}

async function mention(from: Person, to: Person, text = 'the deploy is done') {
  const reply = await from.api.post('/api/v1/statuses', { status: `@${to.username} ${text}` });
  expect(reply.status, reply.text).toBe(200);
  await t.ctx.events.settled();
  return reply.body;
}

/** Everything the server does after a request has run: anything sent has arrived by then. */
async function arrivedFor(device: PushDevice) {
  await t.ctx.events.settled();
  return receiver.received.filter((push) => device.endpoint.endsWith(push.path));
}

describe('push delivery', () => {
  it('sends a mention to the app, encrypted (RFC 8291) and signed (RFC 8292), in Mastodon’s shape', async () => {
    const ana = await person('ana');
    const ben = await person('ben');
    const device = await subscribe(ana, { standard: true });
    const status = await mention(ben, ana, 'the deploy is done &amp; <b>green</b>');

    const [push] = await arrivedFor(device);
    expect(push).toBeDefined();
    if (!push) return;
    expect(push.encoding).toBe('aes128gcm');
    const instance = await api(t.app).get('/api/v2/instance');
    expect(Buffer.from(push.vapidKey, 'base64url')).toEqual(
      Buffer.from(instance.body.configuration.vapid.public_key, 'base64url'),
    );
    expect(push.claims.aud).toBe(receiver.origin);
    expect(push.claims.sub).toBe(`mailto:${'postmaster@127.0.0.1'}`);
    expect(push.headers.ttl).toBe(String(48 * 3600));
    expect(push.headers.urgency).toBe('high');

    const [notification] = (await ana.api.get('/api/v1/notifications')).body;
    expect(push.message).toEqual({
      access_token: ana.token,
      preferred_locale: 'en',
      notification_id: notification.id,
      notification_type: 'mention',
      icon: notification.account.avatar_static,
      title: 'Ben Example mentioned you',
      body: `@${ana.username} the deploy is done &amp; <b>green</b>`,
      url: status.url,
    });
  });

  it('uses the legacy aesgcm encoding for apps that did not ask for the standard', async () => {
    const ana = await person('ana');
    const ben = await person('ben');
    const device = await subscribe(ana);
    await mention(ben, ana);
    const [push] = await arrivedFor(device);
    expect(push?.encoding).toBe('aesgcm');
    expect(push?.message.notification_type).toBe('mention');
    expect(push?.message.access_token).toBe(ana.token);
  });

  it('follows the subscription’s alerts and policy', async () => {
    const ana = await person('ana');
    const ben = await person('ben');
    const device = await subscribe(ana, {
      standard: true,
      alerts: { mention: true, follow: false, favourite: true },
      policy: 'followed',
    });
    // Ana does not follow Ben: his mention and his follow stay quiet.
    await mention(ben, ana);
    await ben.api.post(`/api/v1/accounts/${ana.account.id}/follow`);
    expect(await arrivedFor(device)).toEqual([]);

    // Once she follows him his mentions reach her; follows still do not (alert off).
    await ana.api.post(`/api/v1/accounts/${ben.account.id}/follow`);
    await mention(ben, ana, 'now you follow me');
    const arrived = await arrivedFor(device);
    expect(arrived.map((push) => push.message.notification_type)).toEqual(['mention']);

    // `none` silences everyone.
    await ana.api.put(path, { data: { alerts: { mention: true }, policy: 'none' } });
    await mention(ben, ana, 'anyone there?');
    expect(await arrivedFor(device)).toHaveLength(1);
  });

  it('follows the person’s preferences: push off for a type, and quiet hours', async () => {
    const ana = await person('ana');
    const ben = await person('ben');
    const device = await subscribe(ana, { standard: true });
    // Favourites are not pushed by default (preferences), even with the app's alert on.
    const own = (await ana.api.post('/api/v1/statuses', { status: 'shipping today' })).body;
    await ben.api.post(`/api/v1/statuses/${own.id}/favourite`);
    expect(await arrivedFor(device)).toEqual([]);

    const prefs = '/api/rapport/v1/preferences/notifications';
    await ana.api.put(prefs, { types: { mention: { push: false } } });
    await mention(ben, ana);
    expect(await arrivedFor(device)).toEqual([]);

    // Quiet now: an hour either side of this minute, in UTC.
    const clock = (offset: number) =>
      new Date(Date.now() + offset * 3600_000).toISOString().slice(11, 16);
    await ana.api.put(prefs, {
      types: { mention: { push: true } },
      quiet_hours: { enabled: true, from: clock(-1), to: clock(1), time_zone: 'UTC' },
    });
    await mention(ben, ana, 'during quiet hours');
    expect(await arrivedFor(device)).toEqual([]);
    // The notification itself is still there, in the app.
    expect((await ana.api.get('/api/v1/notifications')).body.length).toBeGreaterThanOrEqual(2);

    await ana.api.put(prefs, {
      quiet_hours: { enabled: false, from: '22:00', to: '07:00', time_zone: 'UTC' },
    });
    await mention(ben, ana, 'after quiet hours');
    expect((await arrivedFor(device)).map((push) => push.message.body)).toEqual([
      `@${ana.username} after quiet hours`,
    ]);
  });

  it('sends nothing about what the person may no longer see', async () => {
    const ana = await person('ana');
    const ben = await person('ben');
    const device = await subscribe(ana, { standard: true });
    const sender = new PushSender(t.ctx);
    // The push is computed after the notification; here Ana blocks Ben in between.
    await ana.api.put(path, { data: { alerts: {} } });
    await mention(ben, ana, 'blocked soon');
    await ana.api.put(path, { data: { alerts: { mention: true } } });
    const [notification] = (await ana.api.get('/api/v1/notifications')).body;
    await ana.api.post(`/api/v1/accounts/${ben.account.id}/block`);
    await pushNotification(t.ctx, sender, ana.account.id, Number(notification.id));
    expect(await arrivedFor(device)).toEqual([]);
  });

  it('deletes the subscription when the push service says it is gone (410)', async () => {
    const ana = await person('ana');
    const ben = await person('ben');
    const device = await subscribe(ana, { standard: true });
    receiver.answerWith(410);
    await mention(ben, ana);
    expect(await arrivedFor(device)).toEqual([]);
    expect((await ana.api.get(path)).status).toBe(404);
  });

  it('retries when the push service fails, without holding up the request', async () => {
    const ana = await person('ana');
    const ben = await person('ben');
    const device = await subscribe(ana, { standard: true });
    await ana.api.put(path, { data: { alerts: {} } });
    await mention(ben, ana);
    await ana.api.put(path, { data: { alerts: { mention: true } } });
    const [notification] = (await ana.api.get('/api/v1/notifications')).body;

    const sender = new PushSender(t.ctx, [20, 20]);
    receiver.answerWith(503, 2);
    const before = receiver.received.length;
    await pushNotification(t.ctx, sender, ana.account.id, Number(notification.id));
    // Two refusals, then the second retry gets through.
    const arrived = await receiver.waitFor(before + 1);
    expect(arrived.at(-1)?.path).toBe(new URL(device.endpoint).pathname);
    expect(arrived.at(-1)?.message.notification_id).toBe(notification.id);
    sender.stop();
  });

  it('sends nothing once the token is revoked', async () => {
    const ana = await person('ana');
    const ben = await person('ben');
    const device = await subscribe(ana, { standard: true });
    await t.ctx.db
      .updateTable('access_tokens')
      .set({ revoked_at: Date.now() })
      .where('account_id', '=', ana.account.id)
      .execute();
    await mention(ben, ana);
    expect(await arrivedFor(device)).toEqual([]);
  });

  it('sends the web app a message without a token, to open at the status', async () => {
    const ana = await person('ana');
    const ben = await person('ben');
    const session = await startSession(t.ctx.db, ana.account, 'browser');
    const device = receiver.device();
    const subscribed = await api(t.app).post(
      '/api/rapport/v1/push/web-subscription',
      { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
      {
        cookie: `rapport_session=${session.token}`,
        'x-csrf-token': csrfTokenFor(t.ctx.secretKey, session.tokenHash),
      },
    );
    expect(subscribed.status, subscribed.text).toBe(200);
    const status = await mention(ben, ana, 'see the web app');
    const [push] = await arrivedFor(device);
    expect(push?.encoding).toBe('aes128gcm');
    expect(push?.message.access_token).toBeUndefined();
    expect(push?.message).toMatchObject({
      notification_type: 'mention',
      title: 'Ben Example mentioned you',
      url: status.url,
    });
  });

  it('pushes chat messages to the people to notify, while they may see the sender', async () => {
    const ana = await person('ana');
    const ben = await person('ben');
    const device = await subscribe(ana, { standard: true, alerts: { mention: true } });
    t.ctx.events.emit({
      type: 'chat.message',
      chat_id: '42',
      message_id: '4242',
      sender_id: String(ben.account.id),
      recipient_ids: [String(ana.account.id)],
      notify_ids: [String(ana.account.id)],
      preview: 'Lunch at noon?',
    });
    const [push] = await arrivedFor(device);
    expect(push?.message).toMatchObject({
      access_token: ana.token,
      notification_id: '4242',
      notification_type: 'chat_message',
      title: 'Ben Example sent you a message',
      body: 'Lunch at noon?',
      url: `${t.url}/messages/42`,
    });
    expect(push?.headers.urgency).toBe('high');

    // A guest who shares no community with Ana is someone she may not see: nothing.
    const guest = await createAccountWithToken(t.ctx, { role: 'guest' });
    await pushChatMessage(t.ctx, new PushSender(t.ctx), ana.account.id, {
      type: 'chat.message',
      chat_id: '43',
      message_id: '4343',
      sender_id: String(guest.account.id),
      recipient_ids: [String(ana.account.id)],
      notify_ids: [String(ana.account.id)],
      preview: 'hello',
    });
    expect(await arrivedFor(device)).toHaveLength(1);
  });
});
