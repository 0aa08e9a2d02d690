import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, PASSWORD } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';

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
