import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAccountWithToken, PASSWORD, tokenFor } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api, formBody } from '../../../test/http';
import { appToken, passwordToken, type RegisteredApp, registerApp } from '../../../test/oauth';
import { rowCounts } from '../../../test/state';

let t: TestApp;
let client: RegisteredApp;
beforeAll(async () => {
  t = await startTestApp();
  client = await registerApp(t.app, { scopes: 'read write profile' });
});
afterAll(() => t.close());

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

function expectOAuthError(
  res: { status: number; body: Record<string, unknown> },
  status: number,
  error: string,
) {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error, error_description: expect.any(String), code: error });
}

describe('client_credentials grant', () => {
  it('issues an app token that is not a person', async () => {
    const token = await appToken(t.app, client, 'read');
    expect((await api(t.app, token).get('/api/v1/apps/verify_credentials')).status).toBe(200);
    const me = await api(t.app, token).get('/api/v1/accounts/verify_credentials');
    expect(me.status).toBe(401);
  });

  it('refuses a wrong secret and an unknown client with 401 invalid_client', async () => {
    const before = await rowCounts(t.ctx);
    for (const credentials of [
      { client_id: client.client_id, client_secret: 'wrong' },
      { client_id: client.client_id },
      { client_id: 'unknown', client_secret: client.client_secret },
      {},
    ]) {
      const res = await api(t.app).post('/oauth/token', {
        grant_type: 'client_credentials',
        ...credentials,
      });
      expectOAuthError(res, 401, 'invalid_client');
    }
    expect(await rowCounts(t.ctx)).toEqual(before);
  });

  it('refuses unknown scopes and scopes beyond the app’s with invalid_scope', async () => {
    const before = await rowCounts(t.ctx);
    for (const scope of ['read bogus', 'admin:read', 'follow']) {
      const res = await api(t.app).post('/oauth/token', {
        grant_type: 'client_credentials',
        client_id: client.client_id,
        client_secret: client.client_secret,
        scope,
      });
      expectOAuthError(res, 400, 'invalid_scope');
    }
    expect(await rowCounts(t.ctx)).toEqual(before);
  });

  it('grants a narrower child of a registered scope (read -> read:accounts)', async () => {
    const res = await api(t.app).post('/oauth/token', {
      grant_type: 'client_credentials',
      client_id: client.client_id,
      client_secret: client.client_secret,
      scope: 'read:accounts write:statuses',
    });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('read:accounts write:statuses');
  });

  it('accepts client_secret_basic (HTTP Basic) and a urlencoded body', async () => {
    const body = formBody({ grant_type: 'client_credentials', scope: 'read' });
    const res = await api(t.app).post('/oauth/token', body.payload, {
      ...body.headers,
      authorization: basic(client.client_id, client.client_secret),
    });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('read');
    const before = await rowCounts(t.ctx);
    const wrong = await api(t.app).post('/oauth/token', body.payload, {
      ...body.headers,
      authorization: basic(client.client_id, 'wrong'),
    });
    expectOAuthError(wrong, 401, 'invalid_client');
    expect(await rowCounts(t.ctx)).toEqual(before);
  });

  it('answers malformed requests in the RFC 6749 shape', async () => {
    const before = await rowCounts(t.ctx);
    const res = await api(t.app).post('/oauth/token', '{"grant_type":', {
      'content-type': 'application/json',
    });
    expectOAuthError(res, 400, 'invalid_request');
    const missing = await api(t.app).post('/oauth/token', { client_id: client.client_id });
    expectOAuthError(missing, 400, 'invalid_request');
    expect(await rowCounts(t.ctx)).toEqual(before);
  });
});

describe('password grant', () => {
  it('signs in with the email address or the username', async () => {
    const account = await createAccount(t.ctx, { username: 'pat', email: 'Pat@Example.com' });
    for (const login of ['pat@example.com', 'PAT@EXAMPLE.COM', 'pat', 'Pat']) {
      const res = await passwordToken(t.app, client, login, PASSWORD, 'read write');
      expect(res.status).toBe(200);
      expect(res.body.scope).toBe('read write');
      const me = await api(t.app, res.body.access_token).get('/api/v1/accounts/verify_credentials');
      expect(me.body.id).toBe(String(account.id));
    }
  });

  it('works with HTTP Basic client authentication', async () => {
    await createAccount(t.ctx, { username: 'basic_user' });
    const res = await api(t.app).post(
      '/oauth/token',
      { grant_type: 'password', username: 'basic_user', password: PASSWORD, scope: 'read' },
      { authorization: basic(client.client_id, client.client_secret) },
    );
    expect(res.status).toBe(200);
  });

  it('refuses a wrong password or an unknown person with invalid_grant, issuing nothing', async () => {
    await createAccount(t.ctx, { username: 'quinn' });
    const before = await rowCounts(t.ctx);
    expectOAuthError(
      await passwordToken(t.app, client, 'quinn', 'wrong password'),
      400,
      'invalid_grant',
    );
    expectOAuthError(await passwordToken(t.app, client, 'nobody', PASSWORD), 400, 'invalid_grant');
    expectOAuthError(
      await passwordToken(t.app, client, 'quinn', PASSWORD, 'read admin:write'),
      400,
      'invalid_scope',
    );
    expect(await rowCounts(t.ctx)).toEqual(before);
  });

  it('needs both username and password', async () => {
    const before = await rowCounts(t.ctx);
    const res = await api(t.app).post('/oauth/token', {
      grant_type: 'password',
      client_id: client.client_id,
      client_secret: client.client_secret,
      username: 'quinn',
    });
    expectOAuthError(res, 400, 'invalid_request');
    expect(await rowCounts(t.ctx)).toEqual(before);
  });
});

describe('POST /oauth/revoke', () => {
  it('revokes a token of the calling app; the token then gets 401', async () => {
    await createAccount(t.ctx, { username: 'rev' });
    const issued = await passwordToken(t.app, client, 'rev', PASSWORD);
    const token = issued.body.access_token as string;
    expect((await api(t.app, token).get('/api/v1/accounts/verify_credentials')).status).toBe(200);

    const res = await api(t.app).post('/oauth/revoke', {
      client_id: client.client_id,
      client_secret: client.client_secret,
      token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const after = await api(t.app, token).get('/api/v1/accounts/verify_credentials');
    expect(after.status).toBe(401);

    // Idempotent: revoking again (or an unknown token) succeeds.
    const again = await api(t.app).post(
      '/oauth/revoke',
      { token },
      { authorization: basic(client.client_id, client.client_secret) },
    );
    expect(again.status).toBe(200);
  });

  it('refuses to revoke another app’s token with 403 unauthorized_client', async () => {
    const other = await registerApp(t.app);
    const { token } = await createAccountWithToken(t.ctx);
    const before = await rowCounts(t.ctx);
    const res = await api(t.app).post('/oauth/revoke', {
      client_id: other.client_id,
      client_secret: other.client_secret,
      token,
    });
    expectOAuthError(res, 403, 'unauthorized_client');
    const wrongSecret = await api(t.app).post('/oauth/revoke', {
      client_id: client.client_id,
      client_secret: 'wrong',
      token,
    });
    expectOAuthError(wrongSecret, 403, 'unauthorized_client');
    expect(await rowCounts(t.ctx)).toEqual(before);
    expect((await api(t.app, token).get('/api/v1/accounts/verify_credentials')).status).toBe(200);
  });
});

describe('scopes', () => {
  it('a read-only token cannot change the profile: 403 insufficient_scope, nothing changed', async () => {
    const account = await createAccount(t.ctx, { displayName: 'Before' });
    const token = await tokenFor(t.ctx, account, ['read']);
    const res = await api(t.app, token).patch('/api/v1/accounts/update_credentials', {
      display_name: 'After',
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('insufficient_scope');
    const me = await api(t.app, token).get('/api/v1/accounts/verify_credentials');
    expect(me.body.display_name).toBe('Before');
  });

  it('write:accounts alone may change the profile', async () => {
    const account = await createAccount(t.ctx);
    const token = await tokenFor(t.ctx, account, ['write:accounts']);
    const res = await api(t.app, token).patch('/api/v1/accounts/update_credentials', {
      display_name: 'Scoped',
    });
    expect(res.status).toBe(200);
    expect(res.body.display_name).toBe('Scoped');
  });

  it('profile may read the own account only', async () => {
    const someone = await createAccount(t.ctx);
    const account = await createAccount(t.ctx);
    const token = await tokenFor(t.ctx, account, ['profile']);
    const me = await api(t.app, token).get('/api/v1/accounts/verify_credentials');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(String(account.id));
    const other = await api(t.app, token).get(`/api/v1/accounts/${someone.id}`);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('insufficient_scope');
  });

  it('follow covers the relationship scopes, admin:read covers admin:read:accounts', async () => {
    const { hasScope } = await import('./scopes');
    expect(hasScope(['follow'], 'read:follows')).toBe(true);
    expect(hasScope(['follow'], 'write:blocks')).toBe(true);
    expect(hasScope(['follow'], 'read:statuses')).toBe(false);
    expect(hasScope(['read'], 'read:accounts')).toBe(true);
    expect(hasScope(['read:accounts'], 'read')).toBe(false);
    expect(hasScope(['admin:read'], 'admin:read:accounts')).toBe(true);
    expect(hasScope(['read'], 'admin:read:accounts')).toBe(false);
  });
});

describe('/oauth/userinfo', () => {
  it('describes the person behind a profile-scoped token (GET and POST)', async () => {
    const account = await createAccount(t.ctx, { username: 'uinfo', displayName: 'U. Info' });
    const token = await tokenFor(t.ctx, account, ['profile']);
    for (const res of [
      await api(t.app, token).get('/oauth/userinfo'),
      await api(t.app, token).post('/oauth/userinfo'),
    ]) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        iss: `${t.url}/`,
        sub: `${t.url}/@uinfo`,
        name: 'U. Info',
        preferred_username: 'uinfo',
        profile: `${t.url}/@uinfo`,
        picture: `${t.url}/avatars/original/missing.png`,
      });
    }
  });

  it('needs the profile scope and a person', async () => {
    const account = await createAccount(t.ctx);
    const readOnly = await tokenFor(t.ctx, account, ['read']);
    expect((await api(t.app, readOnly).get('/oauth/userinfo')).status).toBe(403);
    expect((await api(t.app).get('/oauth/userinfo')).status).toBe(401);
  });
});
