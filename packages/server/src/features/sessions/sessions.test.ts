import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAccountWithToken, PASSWORD, tokenFor } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { accountRow, rowCounts } from '../../../test/state';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

function cookieFrom(headers: Record<string, unknown>): string {
  const raw = headers['set-cookie'];
  const first = (Array.isArray(raw) ? raw[0] : String(raw)) as string;
  return first.split(';')[0] as string;
}

describe('web sessions', () => {
  it('signs in with email or username, sets an HttpOnly cookie and returns a CSRF token', async () => {
    const account = await createAccount(t.ctx, { username: 'ana', email: 'Ana@Example.com' });
    for (const login of ['ana@example.com', 'ANA']) {
      const res = await api(t.app).post('/api/rapport/v1/session', { login, password: PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.account.id).toBe(String(account.id));
      expect(res.body.csrf_token).toMatch(/^[\w-]{20,}$/);
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/rapport_session=/);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
    }
  });

  it('refuses a wrong password or an unknown login with the same 401', async () => {
    await createAccount(t.ctx, { username: 'bo' });
    const wrong = await api(t.app).post('/api/rapport/v1/session', {
      login: 'bo',
      password: 'nope nope nope',
    });
    const unknown = await api(t.app).post('/api/rapport/v1/session', {
      login: 'nobody',
      password: 'nope nope nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('requires the CSRF token for cookie-authenticated changes, and signs out', async () => {
    await createAccount(t.ctx, { username: 'cy' });
    const signIn = await api(t.app).post('/api/rapport/v1/session', {
      login: 'cy',
      password: PASSWORD,
    });
    const cookie = cookieFrom(signIn.headers);
    const session = await api(t.app).get('/api/rapport/v1/session', { cookie });
    expect(session.status).toBe(200);
    expect(session.body.account.username).toBe('cy');

    const forged = await api(t.app).patch(
      '/api/v1/accounts/update_credentials',
      { display_name: 'Hacked' },
      { cookie },
    );
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('csrf_failed');
    const me = await api(t.app).get('/api/v1/accounts/verify_credentials', { cookie });
    expect(me.body.display_name).not.toBe('Hacked');

    const csrf = signIn.body.csrf_token as string;
    const ok = await api(t.app).patch(
      '/api/v1/accounts/update_credentials',
      { display_name: 'Cy' },
      { cookie, 'x-csrf-token': csrf },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.display_name).toBe('Cy');

    const out = await api(t.app).delete('/api/rapport/v1/session', {
      cookie,
      'x-csrf-token': csrf,
    });
    expect(out.status).toBe(204);
    const after = await api(t.app).get('/api/rapport/v1/session', { cookie });
    expect(after.status).toBe(401);
  });

  it('accepts sign-in as JSON only', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/rapport/v1/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `login=cy&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('GET /api/rapport/v1/session with a bearer token', () => {
  it('describes the person behind the token', async () => {
    const { account, token } = await createAccountWithToken(t.ctx, { username: 'bearer_user' });
    const res = await api(t.app, token).get('/api/rapport/v1/session');
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({ id: String(account.id), username: 'bearer_user' });
    expect(res.body.account.source).toBeDefined();
    expect(res.body.csrf_token).toEqual(expect.any(String));
    expect((await api(t.app, 'wrong').get('/api/rapport/v1/session')).status).toBe(401);
  });
});

describe('PUT /api/rapport/v1/account/password', () => {
  const signIn = (login: string, password = PASSWORD) =>
    api(t.app).post('/api/rapport/v1/session', { login, password });

  it('refuses a wrong current password with 422 and changes nothing', async () => {
    const { account, token } = await createAccountWithToken(t.ctx, { username: 'pw_wrong' });
    const other = await tokenFor(t.ctx, account);
    const before = await rowCounts(t.ctx);
    const stored = await accountRow(t.ctx, account.id);
    const res = await api(t.app, token).put('/api/rapport/v1/account/password', {
      current_password: 'not my password',
      new_password: 'a brand new password',
    });
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual({ current_password: ['is incorrect'] });
    expect(await rowCounts(t.ctx)).toEqual(before);
    expect(await accountRow(t.ctx, account.id)).toEqual(stored);
    expect((await api(t.app, other).get('/api/rapport/v1/session')).status).toBe(200);
    expect((await signIn('pw_wrong')).status).toBe(200);
  });

  it('refuses a too short new password with 422 naming it', async () => {
    const { token } = await createAccountWithToken(t.ctx, { username: 'pw_short' });
    const res = await api(t.app, token).put('/api/rapport/v1/account/password', {
      current_password: PASSWORD,
      new_password: 'short',
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.details)).toEqual(['new_password']);
    expect((await signIn('pw_short')).status).toBe(200);
  });

  it('changes it, signs out every other session and token, keeps the current one', async () => {
    const { account, token } = await createAccountWithToken(t.ctx, { username: 'pw_change' });
    const otherToken = await tokenFor(t.ctx, account);
    const web = await signIn('pw_change');
    const cookie = cookieFrom(web.headers);
    const bystander = await createAccountWithToken(t.ctx);

    const res = await api(t.app, token).put('/api/rapport/v1/account/password', {
      current_password: PASSWORD,
      new_password: 'a brand new password',
    });
    expect(res.status).toBe(204);

    expect((await api(t.app, token).get('/api/rapport/v1/session')).status).toBe(200);
    expect((await api(t.app, otherToken).get('/api/rapport/v1/session')).status).toBe(401);
    expect((await api(t.app).get('/api/rapport/v1/session', { cookie })).status).toBe(401);
    expect((await api(t.app, bystander.token).get('/api/rapport/v1/session')).status).toBe(200);

    expect((await signIn('pw_change')).status).toBe(401);
    expect((await signIn('pw_change', 'a brand new password')).status).toBe(200);
  });

  it('from the web app, needs the CSRF token', async () => {
    await createAccount(t.ctx, { username: 'pw_csrf' });
    const web = await signIn('pw_csrf');
    const cookie = cookieFrom(web.headers);
    const body = { current_password: PASSWORD, new_password: 'another new password' };
    const forged = await api(t.app).put('/api/rapport/v1/account/password', body, { cookie });
    expect(forged.status).toBe(403);
    expect((await signIn('pw_csrf')).status).toBe(200);
    const ok = await api(t.app).put('/api/rapport/v1/account/password', body, {
      cookie,
      'x-csrf-token': web.body.csrf_token,
    });
    expect(ok.status).toBe(204);
    expect((await api(t.app).get('/api/rapport/v1/session', { cookie })).status).toBe(200);
  });
});

describe('suspended accounts', () => {
  it('cannot sign in: 403 account_suspended, no session created', async () => {
    const account = await createAccount(t.ctx, { username: 'suspended_one' });
    await t.ctx.db
      .updateTable('accounts')
      .set({ suspended: 1 })
      .where('id', '=', account.id)
      .execute();
    const before = await rowCounts(t.ctx);
    const res = await api(t.app).post('/api/rapport/v1/session', {
      login: 'suspended_one',
      password: PASSWORD,
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('account_suspended');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await rowCounts(t.ctx)).toEqual(before);
  });
});
