import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, PASSWORD, tokenFor } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { csrfTokenFor } from '../../http/auth';
import { hashToken } from '../../lib/tokens';
import { startSession } from '../sessions/sessions.service';
import { deviceKeys, endpoint } from './push.fixtures';
import { loadVapidKeys } from './vapid';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const path = '/api/v1/push/subscription';

describe('a subscription ends with its token', () => {
  it('is deleted when the app revokes its token', async () => {
    const ana = await createAccount(t.ctx);
    const client = (
      await api(t.app).post('/api/v1/apps', {
        client_name: 'Phone',
        redirect_uris: 'urn:ietf:wg:oauth:2.0:oob',
        scopes: 'read push',
      })
    ).body;
    const granted = await api(t.app).post('/oauth/token', {
      grant_type: 'password',
      client_id: client.client_id,
      client_secret: client.client_secret,
      username: ana.email,
      password: PASSWORD,
      scope: 'read push',
    });
    const token = granted.body.access_token as string;
    await api(t.app, token).post(path, {
      subscription: { endpoint: endpoint(), keys: deviceKeys() },
    });
    expect((await api(t.app, token).get(path)).status).toBe(200);

    const revoked = await api(t.app).post('/oauth/revoke', {
      client_id: client.client_id,
      client_secret: client.client_secret,
      token,
    });
    expect(revoked.status).toBe(200);
    const rows = await t.ctx.db
      .selectFrom('push_subscriptions')
      .select('id')
      .where('account_id', '=', ana.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('is deleted for every other token when the password changes', async () => {
    const ana = await createAccount(t.ctx);
    const phone = await tokenFor(t.ctx, ana, ['push']);
    await api(t.app, phone).post(path, {
      subscription: { endpoint: endpoint(), keys: deviceKeys() },
    });
    const session = await startSession(t.ctx.db, ana, 'test');
    const headers = {
      cookie: `rapport_session=${session.token}`,
      'x-csrf-token': csrfTokenFor(t.ctx.secretKey, session.tokenHash),
    };
    const web = await api(t.app).post(
      '/api/rapport/v1/push/web-subscription',
      { endpoint: endpoint('web'), keys: deviceKeys() },
      headers,
    );
    expect(web.status, web.text).toBe(200);
    const changed = await api(t.app).put(
      '/api/rapport/v1/account/password',
      { current_password: PASSWORD, new_password: 'a whole new passphrase' },
      headers,
    );
    expect(changed.status, changed.text).toBeLessThan(300);
    const rows = await t.ctx.db
      .selectFrom('push_subscriptions')
      .select('endpoint')
      .where('account_id', '=', ana.id)
      .execute();
    // The session that changed the password stays signed in, and keeps its subscription.
    expect(rows).toEqual([{ endpoint: endpoint('web') }]);
  });
});

describe('the web app subscription', () => {
  async function webSession() {
    const account = await createAccount(t.ctx);
    const session = await startSession(t.ctx.db, account, 'test');
    const headers = {
      cookie: `rapport_session=${session.token}`,
      'x-csrf-token': csrfTokenFor(t.ctx.secretKey, hashToken(session.token)),
    };
    return { account, headers, web: api(t.app) };
  }
  const webPath = '/api/rapport/v1/push/web-subscription';

  it('gives the key, subscribes the session, and unsubscribes it', async () => {
    const { headers, web } = await webSession();
    const empty = await web.get(webPath, headers);
    expect(empty.status).toBe(200);
    const instance = await api(t.app).get('/api/v2/instance');
    expect(empty.body).toEqual({
      server_key: instance.body.configuration.vapid.public_key,
      subscription: null,
    });

    const keys = deviceKeys();
    const created = await web.post(
      webPath,
      { endpoint: endpoint('browser'), keys, expirationTime: null },
      headers,
    );
    expect(created.status, created.text).toBe(200);
    expect(created.body.subscription).toMatchObject({
      endpoint: endpoint('browser'),
      standard: true,
      policy: 'all',
    });
    expect(Object.values(created.body.subscription.alerts).every(Boolean)).toBe(true);
    expect((await web.get(webPath, headers)).body.subscription.id).toBe(
      created.body.subscription.id,
    );

    // The same storage: the Mastodon endpoint sees this session's subscription.
    expect((await web.get(path, headers)).body.endpoint).toBe(endpoint('browser'));

    const removed = await web.delete(webPath, headers);
    expect(removed.status).toBe(200);
    expect(removed.body.subscription).toBeNull();
  });

  it('needs the CSRF token, refuses bad input, and is gone when the session signs out', async () => {
    const { headers, web } = await webSession();
    const forged = await web.post(
      webPath,
      { endpoint: endpoint(), keys: deviceKeys() },
      { cookie: headers.cookie },
    );
    expect(forged.status).toBe(403);
    const bad = await web.post(
      webPath,
      { endpoint: 'http://192.168.1.1/x', keys: deviceKeys() },
      headers,
    );
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.details)).toEqual(['endpoint']);
    expect((await web.get(webPath, headers)).body.subscription).toBeNull();

    await web.post(webPath, { endpoint: endpoint(), keys: deviceKeys() }, headers);
    expect((await web.delete('/api/rapport/v1/session', headers)).status).toBe(204);
    const rows = await t.ctx.db
      .selectFrom('push_subscriptions')
      .innerJoin('access_tokens', 'access_tokens.id', 'push_subscriptions.access_token_id')
      .select('push_subscriptions.id')
      .where('access_tokens.token_hash', '=', hashToken(headers.cookie.split('=')[1] as string))
      .execute();
    expect(rows).toEqual([]);
  });
});

describe('the VAPID key', () => {
  it('is made once and kept: every later load reads the same', async () => {
    const again = await loadVapidKeys(t.ctx.db);
    expect(again).toEqual(t.ctx.vapid);
    expect(Buffer.from(again.publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(again.privateKey, 'base64url')).toHaveLength(32);
    const instance = await api(t.app).get('/api/v2/instance');
    expect(Buffer.from(instance.body.configuration.vapid.public_key, 'base64url')).toEqual(
      Buffer.from(again.publicKey, 'base64url'),
    );
  });
});
