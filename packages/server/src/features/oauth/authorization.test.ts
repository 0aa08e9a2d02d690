import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken, PASSWORD } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { OOB, pkcePair, REDIRECT_URI, type RegisteredApp, registerApp } from '../../../test/oauth';
import { rowCounts } from '../../../test/state';
import { hashToken } from '../../lib/tokens';

let t: TestApp;
let client: RegisteredApp;
let user: Awaited<ReturnType<typeof createAccountWithToken>>;
beforeAll(async () => {
  t = await startTestApp();
  client = await registerApp(t.app, { scopes: 'read write profile' });
  user = await createAccountWithToken(t.ctx, { username: 'authorizer' });
});
afterAll(() => t.close());

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** Approves an authorization request as `user` and returns the code from the redirect. */
async function authorize(
  params: Partial<Record<string, string>> = {},
): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkcePair();
  const res = await api(t.app, user.token).post('/oauth/authorize', {
    client_id: client.client_id,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'read profile',
    state: 'xyz',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    decision: 'approve',
    ...params,
  });
  expect(res.status).toBe(200);
  const location = new URL(res.body.redirect_to);
  expect(location.searchParams.get('state')).toBe('xyz');
  return { code: location.searchParams.get('code') as string, verifier };
}

function exchange(body: Record<string, string | undefined>) {
  return api(t.app).post('/oauth/token', {
    grant_type: 'authorization_code',
    client_id: client.client_id,
    redirect_uri: REDIRECT_URI,
    ...body,
  });
}

function expectOAuthError(
  res: { status: number; body: Record<string, unknown> },
  status: number,
  error: string,
) {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error, error_description: expect.any(String), code: error });
}

/** Tries an exchange that must fail with `error`, and checks that no token was issued. */
async function refusedExchange(
  body: Record<string, string | undefined>,
  status: number,
  error: string,
) {
  const before = await rowCounts(t.ctx);
  expectOAuthError(await exchange(body), status, error);
  expect(await rowCounts(t.ctx)).toEqual(before);
}

describe('the authorization-code flow with PKCE', () => {
  it('previews, approves, exchanges the code and uses the token', async () => {
    const { verifier, challenge } = pkcePair();
    const params = {
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: REDIRECT_URI,
      scope: 'read profile',
      state: 'opaque-state',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    const preview = await api(t.app).get(`/api/rapport/v1/oauth/authorization?${query(params)}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      application: { name: 'Test client', website: null },
      scopes: ['read', 'profile'],
      redirect_uri: REDIRECT_URI,
      out_of_band: false,
    });

    const decision = await api(t.app, user.token).post('/oauth/authorize', {
      ...params,
      decision: 'approve',
    });
    expect(decision.status).toBe(200);
    expect(decision.body.code).toBeNull();
    const location = new URL(decision.body.redirect_to);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('opaque-state');
    const code = location.searchParams.get('code') as string;
    expect(code).toMatch(/^[\w-]{32,}$/);

    // A public client proves possession with the verifier instead of a secret.
    const token = await exchange({ code, code_verifier: verifier });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: 'Bearer', scope: 'read profile' });
    expect(token.body.created_at).toBeCloseTo(Date.now() / 1000, -1);

    const me = await api(t.app, token.body.access_token).get('/api/v1/accounts/verify_credentials');
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('authorizer');
  });

  it('also accepts the client secret alongside the verifier', async () => {
    const { code, verifier } = await authorize();
    const res = await exchange({
      code,
      code_verifier: verifier,
      client_secret: client.client_secret,
    });
    expect(res.status).toBe(200);
  });

  it('works with a cookie session plus its CSRF token, not with the cookie alone', async () => {
    const signIn = await api(t.app).post('/api/rapport/v1/session', {
      login: 'authorizer',
      password: PASSWORD,
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] as string;
    const body = {
      client_id: client.client_id,
      redirect_uri: OOB,
      scope: 'read',
      decision: 'approve',
    };
    const before = await rowCounts(t.ctx);
    const forged = await api(t.app).post('/oauth/authorize', body, { cookie });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('csrf_failed');
    expect(await rowCounts(t.ctx)).toEqual(before);

    const ok = await api(t.app).post('/oauth/authorize', body, {
      cookie,
      'x-csrf-token': signIn.body.csrf_token,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.code).toMatch(/^[\w-]{32,}$/);
  });

  it('requires a signed-in person to approve', async () => {
    const res = await api(t.app).post('/oauth/authorize', {
      client_id: client.client_id,
      redirect_uri: REDIRECT_URI,
      decision: 'approve',
    });
    expect(res.status).toBe(401);
  });

  it('gives the code itself to out-of-band apps, and exchanging it with the secret works', async () => {
    const res = await api(t.app, user.token).post('/oauth/authorize', {
      client_id: client.client_id,
      redirect_uri: OOB,
      scope: 'read',
      decision: 'approve',
    });
    expect(res.status).toBe(200);
    expect(res.body.redirect_to).toBeNull();
    const token = await exchange({
      code: res.body.code,
      redirect_uri: OOB,
      client_secret: client.client_secret,
    });
    expect(token.status).toBe(200);
    expect(token.body.scope).toBe('read');
  });

  it('without PKCE, a code cannot be exchanged without the client secret', async () => {
    const res = await api(t.app, user.token).post('/oauth/authorize', {
      client_id: client.client_id,
      redirect_uri: OOB,
      decision: 'approve',
    });
    await refusedExchange({ code: res.body.code, redirect_uri: OOB }, 401, 'invalid_client');
  });

  it('redirects with error=access_denied and the state when the person denies', async () => {
    const before = await rowCounts(t.ctx);
    const res = await api(t.app, user.token).post('/oauth/authorize', {
      client_id: client.client_id,
      redirect_uri: REDIRECT_URI,
      state: 'st 1',
      decision: 'deny',
    });
    expect(res.status).toBe(200);
    expect(res.body.code).toBeNull();
    const location = new URL(res.body.redirect_to);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st 1');
    expect(location.searchParams.get('code')).toBeNull();
    expect(await rowCounts(t.ctx)).toEqual(before);
  });
});

describe('refused authorization requests', () => {
  it.each([
    ['an unknown scope', { scope: 'read everything' }, 'invalid_scope'],
    ['a scope beyond the app’s', { scope: 'read admin:read' }, 'invalid_scope'],
    [
      'an unregistered redirect URI',
      { redirect_uri: 'https://evil.example/cb' },
      'invalid_request',
    ],
    ['an unknown client', { client_id: 'nope' }, 'invalid_client'],
    [
      'a plain PKCE method',
      { code_challenge: 'abc', code_challenge_method: 'plain' },
      'invalid_request',
    ],
    ['another response type', { response_type: 'token' }, 'unsupported_response_type'],
  ])('refuses %s in the preview and the decision', async (_case, params, code) => {
    const base = { client_id: client.client_id, redirect_uri: REDIRECT_URI, ...params };
    const preview = await api(t.app).get(`/api/rapport/v1/oauth/authorization?${query(base)}`);
    expect(preview.status).toBe(400);
    expect(preview.body.code).toBe(code);

    const before = await rowCounts(t.ctx);
    const decision = await api(t.app, user.token).post('/oauth/authorize', {
      ...base,
      decision: 'approve',
    });
    expect(decision.status).toBe(400);
    expect(decision.body.code).toBe(code);
    expect(await rowCounts(t.ctx)).toEqual(before);
  });
});

describe('refused code exchanges', () => {
  it('a wrong code_verifier', async () => {
    const { code, verifier } = await authorize();
    await refusedExchange({ code, code_verifier: pkcePair().verifier }, 400, 'invalid_grant');
    // A refused exchange uses the code up: the right verifier cannot follow a wrong one.
    await refusedExchange({ code, code_verifier: verifier }, 400, 'invalid_grant');
  });

  it('a missing code_verifier for a code bound to a challenge', async () => {
    const { code } = await authorize();
    await refusedExchange({ code, client_secret: client.client_secret }, 400, 'invalid_grant');
  });

  it('a code used twice', async () => {
    const { code, verifier } = await authorize();
    expect((await exchange({ code, code_verifier: verifier })).status).toBe(200);
    await refusedExchange({ code, code_verifier: verifier }, 400, 'invalid_grant');
  });

  it('a different redirect_uri', async () => {
    const { code, verifier } = await authorize();
    await refusedExchange(
      { code, code_verifier: verifier, redirect_uri: OOB },
      400,
      'invalid_grant',
    );
  });

  it('an expired code', async () => {
    const { code, verifier } = await authorize();
    await t.ctx.db
      .updateTable('oauth_authorization_codes')
      .set({ expires_at: Date.now() - 1 })
      .where('code_hash', '=', hashToken(code))
      .execute();
    await refusedExchange({ code, code_verifier: verifier }, 400, 'invalid_grant');
  });

  it('a wrong client secret', async () => {
    const { code, verifier } = await authorize();
    await refusedExchange(
      { code, code_verifier: verifier, client_secret: 'wrong' },
      401,
      'invalid_client',
    );
    // The client was refused before the code was looked at: it still works.
    expect((await exchange({ code, code_verifier: verifier })).status).toBe(200);
  });

  it('a code issued to another app', async () => {
    const other = await registerApp(t.app);
    const { code, verifier } = await authorize();
    const res = await api(t.app).post('/oauth/token', {
      grant_type: 'authorization_code',
      client_id: other.client_id,
      client_secret: other.client_secret,
      redirect_uri: REDIRECT_URI,
      code,
      code_verifier: verifier,
    });
    expectOAuthError(res, 400, 'invalid_grant');
  });

  it('an unknown code, a missing code and an unknown grant type', async () => {
    await refusedExchange(
      { code: 'made-up', client_secret: client.client_secret },
      400,
      'invalid_grant',
    );
    await refusedExchange({ client_secret: client.client_secret }, 400, 'invalid_request');
    expectOAuthError(
      await api(t.app).post('/oauth/token', {
        grant_type: 'implicit',
        client_id: client.client_id,
      }),
      400,
      'unsupported_grant_type',
    );
  });

  it('a code of a person suspended since', async () => {
    const other = await createAccountWithToken(t.ctx);
    const res = await api(t.app, other.token).post('/oauth/authorize', {
      client_id: client.client_id,
      redirect_uri: OOB,
      decision: 'approve',
    });
    await t.ctx.db
      .updateTable('accounts')
      .set({ suspended: 1 })
      .where('id', '=', other.account.id)
      .execute();
    await refusedExchange(
      { code: res.body.code, redirect_uri: OOB, client_secret: client.client_secret },
      400,
      'invalid_grant',
    );
  });
});
