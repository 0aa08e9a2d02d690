import { createECDH, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken, tokenFor } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api, formBody } from '../../../test/http';
import { subscriptionCount as countIn, deviceKeys, endpoint } from './push.fixtures';
import { unsealToken } from './vapid';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const path = '/api/v1/push/subscription';
const subscriptionCount = () => countIn(t);

async function member() {
  const { account, token } = await createAccountWithToken(t.ctx, {}, ['read', 'write', 'push']);
  return { account, token, api: api(t.app, token) };
}

describe('the Mastodon push subscription API', () => {
  it('creates, shows, changes and removes the subscription of a token', async () => {
    const ana = await member();
    const keys = deviceKeys();
    const created = await ana.api.post(path, {
      subscription: { endpoint: endpoint('ana'), keys, standard: true },
      data: { alerts: { mention: true, follow: true, favourite: false }, policy: 'followed' },
    });
    expect(created.status, created.text).toBe(200);
    const instance = await api(t.app).get('/api/v2/instance');
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      endpoint: endpoint('ana'),
      standard: true,
      policy: 'followed',
      server_key: instance.body.configuration.vapid.public_key,
    });
    expect(created.body.alerts).toMatchObject({
      mention: true,
      follow: true,
      favourite: false,
      reblog: false,
      'admin.sign_up': false,
      // Rapport's own types follow the nearest Mastodon alert.
      chat_message: true,
      question_suggested: true,
      answer_accepted: false,
    });

    expect((await ana.api.get(path)).body).toEqual(created.body);

    // PUT replaces the data part: alerts left out are off, a missing policy is `all`.
    const changed = await ana.api.put(path, { data: { alerts: { favourite: true } } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ id: created.body.id, policy: 'all', standard: true });
    expect(changed.body.alerts).toMatchObject({ favourite: true, mention: false, follow: false });
    // The endpoint and keys cannot be changed this way.
    expect(changed.body.endpoint).toBe(endpoint('ana'));

    const removed = await ana.api.delete(path);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({});
    const gone = await ana.api.get(path);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toBe('Record not found');
    expect((await ana.api.put(path, { data: { alerts: { mention: true } } })).status).toBe(404);
    // Deleting again is fine, as in Mastodon.
    expect((await ana.api.delete(path)).status).toBe(200);
  });

  it('takes the form Mastodon apps send, legacy encoding unless standard is asked for', async () => {
    const ben = await member();
    const keys = deviceKeys();
    const form = formBody({
      'subscription[endpoint]': endpoint(),
      'subscription[keys][p256dh]': keys.p256dh,
      'subscription[keys][auth]': keys.auth,
      'data[alerts][mention]': 'true',
      'data[alerts][admin.report]': '1',
      'data[alerts][poll]': 'false',
      'data[alerts][quote]': 'true',
      'data[policy]': 'follower',
    });
    const created = await api(t.app, ben.token).post(path, form.payload, form.headers);
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({ standard: false, policy: 'follower' });
    expect(created.body.alerts).toMatchObject({ mention: true, 'admin.report': true, poll: false });
    // An alert Rapport does not know (a newer Mastodon one) is ignored.
    expect(created.body.alerts.quote).toBeUndefined();
  });

  it('reads masto.js-style nested admin alerts and a top-level policy', async () => {
    const cy = await member();
    const created = await cy.api.post(path, {
      subscription: { endpoint: endpoint(), keys: deviceKeys() },
      data: { alerts: { admin: { sign_up: true, report: true } } },
      policy: 'none',
    });
    expect(created.status, created.text).toBe(200);
    expect(created.body.alerts).toMatchObject({ 'admin.sign_up': true, 'admin.report': true });
    expect(created.body.policy).toBe('none');
  });

  it('keeps one subscription per token: a new one replaces the old', async () => {
    const ana = await member();
    const first = await ana.api.post(path, {
      subscription: { endpoint: endpoint(), keys: deviceKeys() },
    });
    const second = await ana.api.post(path, {
      subscription: { endpoint: endpoint('second'), keys: deviceKeys() },
    });
    expect(second.body.id).not.toBe(first.body.id);
    expect((await ana.api.get(path)).body.endpoint).toBe(endpoint('second'));
    const rows = await t.ctx.db
      .selectFrom('push_subscriptions')
      .select('id')
      .where('account_id', '=', ana.account.id)
      .execute();
    expect(rows.map((row) => String(row.id))).toEqual([second.body.id]);

    // Another token of the same person (another phone) has its own.
    const other = api(t.app, await tokenFor(t.ctx, ana.account, ['push']));
    expect((await other.get(path)).status).toBe(404);
    await other.post(path, { subscription: { endpoint: endpoint('phone'), keys: deviceKeys() } });
    expect((await other.get(path)).body.endpoint).toBe(endpoint('phone'));
    expect((await ana.api.get(path)).body.endpoint).toBe(endpoint('second'));
  });

  it('keeps the token sealed for the payload, never in the clear', async () => {
    const ana = await member();
    const created = await ana.api.post(path, {
      subscription: { endpoint: endpoint(), keys: deviceKeys() },
    });
    const row = await t.ctx.db
      .selectFrom('push_subscriptions')
      .selectAll()
      .where('id', '=', Number(created.body.id))
      .executeTakeFirstOrThrow();
    expect(row.sealed_token).not.toContain(ana.token);
    expect(unsealToken(t.ctx.secretKey, row.sealed_token as string)).toBe(ana.token);
    expect(row.kind).toBe('mastodon');
  });

  it('needs a user token with the push scope', async () => {
    const body = { subscription: { endpoint: endpoint(), keys: deviceKeys() } };
    expect((await api(t.app).post(path, body)).status).toBe(401);
    const { token } = await createAccountWithToken(t.ctx, {}, ['read', 'write', 'follow']);
    const asApp = api(t.app, token);
    for (const reply of [
      await asApp.get(path),
      await asApp.post(path, body),
      await asApp.put(path, {}),
      await asApp.delete(path),
      await asApp.post('/api/rapport/v1/push/web-subscription', body.subscription),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body.code).toBe('insufficient_scope');
    }
  });

  it('refuses bad endpoints and keys with 422 and stores nothing', async () => {
    const ana = await member();
    const good = deviceKeys();
    const compressed = createECDH('prime256v1');
    compressed.generateKeys();
    const notOnCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64');
    const cases: Array<[string, unknown]> = [
      ['subscription.endpoint', { endpoint: 'http://push.example.net/w/1', keys: good }],
      ['subscription.endpoint', { endpoint: 'not a url', keys: good }],
      ['subscription.endpoint', { endpoint: 'https://10.1.2.3/w', keys: good }],
      ['subscription.endpoint', { endpoint: 'https://127.0.0.1:9/w', keys: good }],
      ['subscription.endpoint', { endpoint: 'https://[::1]/w', keys: good }],
      ['subscription.endpoint', { endpoint: 'https://localhost/w', keys: good }],
      ['subscription.endpoint', { endpoint: 'https://user:pw@push.example.net/w', keys: good }],
      ['subscription.endpoint', { endpoint: 'ftp://push.example.net/w', keys: good }],
      [
        'subscription.keys.p256dh',
        { endpoint: endpoint(), keys: { ...good, p256dh: good.p256dh.slice(0, 40) } },
      ],
      [
        'subscription.keys.p256dh',
        {
          endpoint: endpoint(),
          keys: { ...good, p256dh: compressed.getPublicKey('base64', 'compressed') },
        },
      ],
      ['subscription.keys.p256dh', { endpoint: endpoint(), keys: { ...good, p256dh: notOnCurve } }],
      ['subscription.keys.p256dh', { endpoint: endpoint(), keys: { ...good, p256dh: '!!!' } }],
      [
        'subscription.keys.auth',
        { endpoint: endpoint(), keys: { ...good, auth: randomBytes(15).toString('base64') } },
      ],
      ['subscription.keys.auth', { endpoint: endpoint(), keys: { p256dh: good.p256dh } }],
      ['subscription', undefined],
    ];
    const before = await subscriptionCount();
    for (const [field, subscription] of cases) {
      const reply = await ana.api.post(path, subscription === undefined ? {} : { subscription });
      expect(reply.status, JSON.stringify(subscription)).toBe(422);
      expect(reply.body.code).toBe('validation_failed');
      expect(Object.keys(reply.body.details ?? {}).join(), JSON.stringify(subscription)).toContain(
        field,
      );
    }
    // A bad policy too.
    const badPolicy = await ana.api.post(path, {
      subscription: { endpoint: endpoint(), keys: good },
      data: { policy: 'friends' },
    });
    expect(badPolicy.status).toBe(422);
    expect(await subscriptionCount()).toBe(before);
    expect((await ana.api.get(path)).status).toBe(404);
  });

  it('accepts keys in standard base64 with padding, and stores them URL-safe', async () => {
    const ana = await member();
    const keys = deviceKeys();
    const standard = {
      p256dh: Buffer.from(keys.p256dh, 'base64url').toString('base64'),
      auth: Buffer.from(keys.auth, 'base64url').toString('base64'),
    };
    const created = await ana.api.post(path, {
      subscription: { endpoint: endpoint(), keys: standard },
    });
    expect(created.status, created.text).toBe(200);
    const row = await t.ctx.db
      .selectFrom('push_subscriptions')
      .select(['key_p256dh', 'key_auth'])
      .where('id', '=', Number(created.body.id))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ key_p256dh: keys.p256dh, key_auth: keys.auth });
  });
});
