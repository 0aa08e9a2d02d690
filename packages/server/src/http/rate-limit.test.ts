import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAccountWithToken, PASSWORD } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { api } from '../../test/http';
import { passwordToken, registerApp } from '../../test/oauth';
import { rowCounts } from '../../test/state';
import { loadConfig } from '../config';

const signIn = (
  app: TestApp['app'],
  login: string,
  password: string,
  remoteAddress = '127.0.0.1',
) =>
  app.inject({
    method: 'POST',
    url: '/api/rapport/v1/session',
    remoteAddress,
    payload: { login, password },
  });

let sequence = 0;
const signUp = (app: TestApp['app'], remoteAddress = '127.0.0.1') => {
  sequence += 1;
  return app.inject({
    method: 'POST',
    url: '/api/rapport/v1/registrations',
    remoteAddress,
    payload: {
      username: `limited${sequence}`,
      email: `limited${sequence}@example.com`,
      password: PASSWORD,
      agreement: true,
    },
  });
};

describe('rate limits (on)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      RAPPORT_RATE_LIMIT: 'on',
      RAPPORT_RATE_LIMIT_SIGN_IN: '3/1m',
      RAPPORT_RATE_LIMIT_SIGN_UP: '2/1m',
      RAPPORT_RATE_LIMIT_API: '1000/1m',
      RAPPORT_REGISTRATIONS: 'open',
    });
    await createAccount(t.ctx, { username: 'target' });
  });
  afterAll(() => t.close());

  it('the default sign-in limit is 25 attempts per 5 minutes per address', () => {
    expect(loadConfig({}).rateLimit.signIn).toEqual({ max: 25, windowMs: 5 * 60 * 1000 });
    expect(loadConfig({}).rateLimit.signUp).toEqual({ max: 5, windowMs: 30 * 60 * 1000 });
  });

  it('stops sign-in attempts from one address after the limit, even with the right password', async () => {
    const address = '10.0.0.1';
    for (let i = 0; i < 3; i++) {
      expect((await signIn(t.app, 'target', 'wrong password', address)).statusCode).toBe(401);
    }
    const before = await rowCounts(t.ctx);
    const limited = await signIn(t.app, 'target', PASSWORD, address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(limited.json().error).toMatch(/Too many requests/);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.headers['set-cookie']).toBeUndefined();
    expect(await rowCounts(t.ctx)).toEqual(before);

    // Another address is not affected.
    expect((await signIn(t.app, 'target', PASSWORD, '10.0.0.2')).statusCode).toBe(200);
  });

  it('counts the OAuth token endpoint in the same sign-in budget', async () => {
    const client = await registerApp(t.app, { scopes: 'read' });
    const address = '10.0.0.3';
    for (let i = 0; i < 3; i++) {
      expect((await signIn(t.app, 'target', 'wrong password', address)).statusCode).toBe(401);
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      remoteAddress: address,
      payload: {
        grant_type: 'password',
        client_id: client.client_id,
        client_secret: client.client_secret,
        username: 'target',
        password: PASSWORD,
        scope: 'read',
      },
    });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: 'rate_limited', code: 'rate_limited' });
    expect((await passwordToken(t.app, client, 'target', PASSWORD)).status).toBe(200);
  });

  it('stops sign-ups from one address after the limit, creating nothing', async () => {
    const address = '10.0.0.4';
    expect((await signUp(t.app, address)).statusCode).toBe(200);
    expect((await signUp(t.app, address)).statusCode).toBe(200);
    const before = await rowCounts(t.ctx);
    const limited = await signUp(t.app, address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(await rowCounts(t.ctx)).toEqual(before);
    expect((await signUp(t.app, '10.0.0.5')).statusCode).toBe(200);
  });

  it('does not limit health checks or the web app', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    }
  });
});

describe('the general API limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RAPPORT_RATE_LIMIT: 'on', RAPPORT_RATE_LIMIT_API: '5/1m' });
  });
  afterAll(() => t.close());

  it('applies per token, falling back to the address', async () => {
    const a = await createAccountWithToken(t.ctx);
    const b = await createAccountWithToken(t.ctx);
    for (let i = 0; i < 5; i++) {
      expect((await api(t.app, a.token).get('/api/v1/accounts/verify_credentials')).status).toBe(
        200,
      );
    }
    const limited = await api(t.app, a.token).get('/api/v1/accounts/verify_credentials');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.headers['x-ratelimit-limit']).toBe('5');
    expect((await api(t.app, b.token).get('/api/v1/accounts/verify_credentials')).status).toBe(200);

    for (let i = 0; i < 5; i++) expect((await api(t.app).get('/api/v1/instance')).status).toBe(200);
    expect((await api(t.app).get('/api/v1/instance')).status).toBe(429);
    expect((await api(t.app).get('/health')).status).toBe(200);
  });
});

describe('rate limits (off)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RAPPORT_RATE_LIMIT: 'off', RAPPORT_RATE_LIMIT_SIGN_IN: '1/1h' });
    await createAccount(t.ctx, { username: 'target' });
  });
  afterAll(() => t.close());

  it('never answers 429', async () => {
    for (let i = 0; i < 30; i++) {
      expect((await signIn(t.app, 'target', 'wrong password')).statusCode).toBe(401);
    }
    expect((await signIn(t.app, 'target', PASSWORD)).statusCode).toBe(200);
  });
});
