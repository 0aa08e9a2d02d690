import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api, formBody, multipartBody } from '../../../test/http';
import { appToken, OOB, REDIRECT_URI, registerApp } from '../../../test/oauth';
import { rowCounts } from '../../../test/state';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function storedApp(clientId: string) {
  return t.ctx.db
    .selectFrom('oauth_applications')
    .selectAll()
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

describe('POST /api/v1/apps', () => {
  it('registers an app from JSON and returns its credentials once', async () => {
    const res = await api(t.app).post('/api/v1/apps', {
      client_name: 'Tusky',
      redirect_uris: [REDIRECT_URI, 'tusky://oauth'],
      scopes: 'read write:statuses',
      website: 'https://tusky.app',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Tusky',
      website: 'https://tusky.app',
      scopes: ['read', 'write:statuses'],
      redirect_uris: [REDIRECT_URI, 'tusky://oauth'],
      redirect_uri: `${REDIRECT_URI}\ntusky://oauth`,
      client_secret_expires_at: 0,
    });
    expect(res.body.id).toMatch(/^\d+$/);
    expect(res.body.client_id).toMatch(/^[\w-]{32,}$/);
    expect(res.body.client_secret).toMatch(/^[\w-]{32,}$/);
    const row = await storedApp(res.body.client_id);
    expect(row?.name).toBe('Tusky');
    // Only a hash of the secret is kept.
    expect(row?.client_secret_hash).not.toContain(res.body.client_secret);
  });

  it('defaults the scopes to read', async () => {
    const res = await api(t.app).post('/api/v1/apps', {
      client_name: 'Reader',
      redirect_uris: OOB,
    });
    expect(res.status).toBe(200);
    expect(res.body.scopes).toEqual(['read']);
    expect(res.body.redirect_uris).toEqual([OOB]);
  });

  it('registers from a urlencoded form, redirect_uris separated by spaces or newlines', async () => {
    const body = formBody({
      client_name: 'Form app',
      redirect_uris: `${REDIRECT_URI} https://client.example/two\nhttps://client.example/three`,
      scopes: 'read write',
    });
    const res = await api(t.app).post('/api/v1/apps', body.payload, body.headers);
    expect(res.status).toBe(200);
    expect(res.body.redirect_uris).toEqual([
      REDIRECT_URI,
      'https://client.example/two',
      'https://client.example/three',
    ]);
    expect(res.body.scopes).toEqual(['read', 'write']);
    expect(await storedApp(res.body.client_id)).toBeDefined();
  });

  it('registers from a multipart form', async () => {
    const body = await multipartBody([
      ['client_name', 'Multipart app'],
      ['redirect_uris', REDIRECT_URI],
      ['scopes', 'read:accounts profile'],
    ]);
    const res = await api(t.app).post('/api/v1/apps', body.payload, body.headers);
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Multipart app');
    expect(res.body.scopes).toEqual(['read:accounts', 'profile']);
    expect(await storedApp(res.body.client_id)).toBeDefined();
  });

  it.each([
    [
      'a relative redirect URI',
      { client_name: 'Bad', redirect_uris: '/callback' },
      'redirect_uris.0',
    ],
    ['no redirect URI', { client_name: 'Bad', redirect_uris: [] }, 'redirect_uris'],
    ['a missing client_name', { redirect_uris: REDIRECT_URI }, 'client_name'],
    ['a blank client_name', { client_name: '  ', redirect_uris: REDIRECT_URI }, 'client_name'],
    [
      'an unknown scope',
      { client_name: 'Bad', redirect_uris: REDIRECT_URI, scopes: 'read everything' },
      'scopes',
    ],
    [
      'a website that is not http(s)',
      { client_name: 'Bad', redirect_uris: REDIRECT_URI, website: 'javascript:alert(1)' },
      'website',
    ],
  ])('refuses %s with 422 naming the field, storing nothing', async (_case, body, field) => {
    const before = await rowCounts(t.ctx);
    const res = await api(t.app).post('/api/v1/apps', body);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    expect(Object.keys(res.body.details)).toContain(field);
    expect(res.body.error).toMatch(/^Validation failed: /);
    expect(await rowCounts(t.ctx)).toEqual(before);
  });
});

describe('GET /api/v1/apps/verify_credentials', () => {
  it('describes the app behind an app token, without its secret', async () => {
    const client = await registerApp(t.app, { name: 'Verifier', scopes: 'read write' });
    const token = await appToken(t.app, client, 'read');
    const res = await api(t.app, token).get('/api/v1/apps/verify_credentials');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: client.id,
      name: 'Verifier',
      website: null,
      scopes: ['read', 'write'],
      redirect_uri: `${REDIRECT_URI}\n${OOB}`,
      redirect_uris: [REDIRECT_URI, OOB],
    });
    expect(res.text).not.toContain(client.client_secret);
  });

  it('refuses a missing or unknown token with 401', async () => {
    expect((await api(t.app).get('/api/v1/apps/verify_credentials')).status).toBe(401);
    const res = await api(t.app, 'not-a-token').get('/api/v1/apps/verify_credentials');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });
});

describe('GET /.well-known/oauth-authorization-server', () => {
  it('describes the endpoints, grants and PKCE method', async () => {
    const res = await api(t.app).get('/.well-known/oauth-authorization-server');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      issuer: `${t.url}/`,
      authorization_endpoint: `${t.url}/oauth/authorize`,
      token_endpoint: `${t.url}/oauth/token`,
      revocation_endpoint: `${t.url}/oauth/revoke`,
      userinfo_endpoint: `${t.url}/oauth/userinfo`,
      app_registration_endpoint: `${t.url}/api/v1/apps`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    });
    expect(res.body.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'client_credentials', 'password']),
    );
    expect(res.body.scopes_supported).toEqual(
      expect.arrayContaining(['read', 'write', 'profile', 'admin:read:accounts']),
    );
    expect(res.body.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(['client_secret_basic', 'client_secret_post']),
    );
  });
});
