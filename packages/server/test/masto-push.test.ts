import { createOAuthAPIClient, createRestAPIClient, MastoHttpError } from 'masto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, PASSWORD } from './factories';
import { startTestApp, type TestApp } from './harness';
import { type PushReceiver, startPushReceiver } from './push-receiver';

/**
 * masto.js subscribing to push over HTTP, as a Mastodon phone app does, and a mention
 * arriving at its (test) push service, decrypted with the device's keys.
 */
let t: TestApp;
let receiver: PushReceiver;
beforeAll(async () => {
  receiver = await startPushReceiver();
  t = await startTestApp({ RAPPORT_PUSH_ALLOW: '127.0.0.1' }, { listen: true });
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

const OOB = 'urn:ietf:wg:oauth:2.0:oob';

async function signIn(login: string, scope: string) {
  const anonymous = createRestAPIClient({ url: t.url });
  const app = await anonymous.v1.apps.create({
    clientName: 'Phone app',
    redirectUris: OOB,
    scopes: scope,
  });
  const token = await createOAuthAPIClient({ url: t.url }).token.create({
    grantType: 'password',
    redirectUri: OOB,
    clientId: app.clientId as string,
    clientSecret: app.clientSecret as string,
    username: login,
    password: PASSWORD,
    scope,
  });
  return createRestAPIClient({ url: t.url, accessToken: token.accessToken });
}

describe('masto.js push subscription', () => {
  it('subscribes, reads, changes and removes, and a mention arrives encrypted', async () => {
    const ana = await createAccount(t.ctx, { username: 'ana_push', displayName: 'Ana Silva' });
    const ben = await createAccount(t.ctx, { username: 'ben_push', displayName: 'Ben Okafor' });
    const phone = await signIn(ana.email, 'read write push');
    const device = receiver.device('ana-phone');

    const created = await phone.v1.push.subscription.create({
      subscription: {
        endpoint: device.endpoint,
        keys: { p256dh: device.p256dh, auth: device.auth },
      },
      data: { alerts: { mention: true, follow: true, favourite: false } },
      policy: 'all',
    });
    const instance = await phone.v2.instance.fetch();
    expect(created.endpoint).toBe(device.endpoint);
    expect(created.serverKey).toBe(instance.configuration.vapid.publicKey);
    expect(created.alerts).toMatchObject({ mention: true, follow: true, favourite: false });
    expect(created.policy).toBe('all');

    const fetched = await phone.v1.push.subscription.fetch();
    expect(fetched.id).toBe(created.id);

    const updated = await phone.v1.push.subscription.update({
      data: { alerts: { mention: true, follow: false } },
    });
    expect(updated.alerts).toMatchObject({ mention: true, follow: false });

    const benClient = await signIn(ben.email, 'read write');
    const status = await benClient.v1.statuses.create({ status: '@ana_push the build is green' });
    await t.ctx.events.settled();
    const [push] = await receiver.waitFor(1);
    const [notification] = await phone.v1.notifications.list();
    expect(push?.message).toMatchObject({
      notification_id: notification?.id,
      notification_type: 'mention',
      title: 'Ben Okafor mentioned you',
      body: '@ana_push the build is green',
      url: status.url,
      preferred_locale: 'en',
    });
    expect(push?.message.access_token).toEqual(expect.any(String));

    await phone.v1.push.subscription.remove();
    await expect(phone.v1.push.subscription.fetch()).rejects.toBeInstanceOf(MastoHttpError);
  });

  it('is refused without the push scope', async () => {
    const cy = await createAccount(t.ctx, { username: 'cy_push' });
    const app = await signIn(cy.email, 'read write');
    const device = receiver.device();
    const refused = app.v1.push.subscription.create({
      subscription: {
        endpoint: device.endpoint,
        keys: { p256dh: device.p256dh, auth: device.auth },
      },
      policy: 'all',
    });
    await expect(refused).rejects.toMatchObject({ statusCode: 403 });
  });
});
