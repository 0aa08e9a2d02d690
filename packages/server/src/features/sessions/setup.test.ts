import { afterEach, describe, expect, it } from 'vitest';
import { createAccount, PASSWORD } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { passwordToken, registerApp } from '../../../test/oauth';
import { rowCounts } from '../../../test/state';
import { bootstrapAdmin, prepareSetupLink } from './setup.service';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function start(env: Record<string, string> = {}): Promise<TestApp> {
  t = await startTestApp(env);
  return t;
}

const tokenOf = (link: string) => link.split('/setup/')[1] as string;

const admin = (token: string, overrides: Record<string, string> = {}) => ({
  token,
  username: 'founder',
  email: 'founder@example.com',
  password: PASSWORD,
  display_name: 'The Founder',
  ...overrides,
});

describe('first-run setup', () => {
  it('mints a link only while no admin exists', async () => {
    const { ctx } = await start();
    const link = await prepareSetupLink(ctx);
    expect(link).toMatch(new RegExp(`^${ctx.config.publicUrl}/setup/[\\w-]{32,}$`));
    await createAccount(ctx, { role: 'admin' });
    expect(await prepareSetupLink(ctx)).toBeUndefined();
  });

  it('checks a token, completes once, creates the admin and signs them in', async () => {
    const { app, ctx } = await start();
    const server = await api(app).get('/api/rapport/v1/server');
    expect(server.body.setup_required).toBe(true);
    const token = tokenOf((await prepareSetupLink(ctx)) as string);

    expect((await api(app).get(`/api/rapport/v1/setup/${token}`)).body).toEqual({ valid: true });
    const wrong = await api(app).get('/api/rapport/v1/setup/not-the-token');
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('invalid_setup_token');

    const res = await api(app).post('/api/rapport/v1/setup', admin(token));
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({
      username: 'founder',
      display_name: 'The Founder',
      rapport_role: 'admin',
    });
    expect(String(res.headers['set-cookie'])).toMatch(/rapport_session=/);
    expect((await api(app).get('/api/rapport/v1/server')).body.setup_required).toBe(false);

    const before = await rowCounts(ctx);
    const again = await api(app).post(
      '/api/rapport/v1/setup',
      admin(token, { username: 'second', email: 'second@example.com' }),
    );
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('invalid_setup_token');
    expect((await api(app).get(`/api/rapport/v1/setup/${token}`)).status).toBe(404);
    expect(await rowCounts(ctx)).toEqual(before);
  });

  it('lets only one of two simultaneous completions through', async () => {
    const { app, ctx } = await start();
    const token = tokenOf((await prepareSetupLink(ctx)) as string);
    const results = await Promise.all([
      api(app).post('/api/rapport/v1/setup', admin(token)),
      api(app).post(
        '/api/rapport/v1/setup',
        admin(token, { username: 'rival', email: 'rival@example.com' }),
      ),
    ]);
    expect(results.map((res) => res.status).sort()).toEqual([200, 404]);
    const admins = await ctx.db
      .selectFrom('accounts')
      .select('username')
      .where('role', '=', 'admin')
      .execute();
    expect(admins).toHaveLength(1);
  });

  it('refuses a wrong token and bad input, creating nothing', async () => {
    const { app, ctx } = await start();
    const token = tokenOf((await prepareSetupLink(ctx)) as string);
    const before = await rowCounts(ctx);
    const wrong = await api(app).post('/api/rapport/v1/setup', admin('wrong-token'));
    expect(wrong.status).toBe(404);
    const short = await api(app).post('/api/rapport/v1/setup', admin(token, { password: 'short' }));
    expect(short.status).toBe(422);
    expect(Object.keys(short.body.details)).toEqual(['password']);
    expect(await rowCounts(ctx)).toEqual(before);
    // The token still works after refused attempts.
    expect((await api(app).post('/api/rapport/v1/setup', admin(token))).status).toBe(200);
  });

  it('a new link replaces the old one', async () => {
    const { app, ctx } = await start();
    const old = tokenOf((await prepareSetupLink(ctx)) as string);
    const current = tokenOf((await prepareSetupLink(ctx)) as string);
    expect((await api(app).get(`/api/rapport/v1/setup/${old}`)).status).toBe(404);
    expect((await api(app).post('/api/rapport/v1/setup', admin(old))).status).toBe(404);
    expect((await api(app).get(`/api/rapport/v1/setup/${current}`)).status).toBe(200);
  });

  it('an expired link stops working', async () => {
    const { app, ctx } = await start();
    const token = tokenOf((await prepareSetupLink(ctx)) as string);
    const stored = await ctx.db
      .selectFrom('server_settings')
      .select('value')
      .where('key', '=', 'setup_token')
      .executeTakeFirstOrThrow();
    const value = { ...JSON.parse(stored.value), expires_at: Date.now() - 1 };
    await ctx.db
      .updateTable('server_settings')
      .set({ value: JSON.stringify(value) })
      .where('key', '=', 'setup_token')
      .execute();
    expect((await api(app).get(`/api/rapport/v1/setup/${token}`)).status).toBe(404);
    expect((await api(app).post('/api/rapport/v1/setup', admin(token))).status).toBe(404);
  });

  it('accepts JSON only', async () => {
    const { app, ctx } = await start();
    const token = tokenOf((await prepareSetupLink(ctx)) as string);
    const res = await app.inject({
      method: 'POST',
      url: '/api/rapport/v1/setup',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(admin(token)).toString(),
    });
    expect(res.statusCode).toBe(415);
    expect((await rowCounts(ctx)).accounts).toBe(0);
  });
});

describe('bootstrapAdmin (RAPPORT_ADMIN_*)', () => {
  const ENV = {
    RAPPORT_ADMIN_USERNAME: 'ops',
    RAPPORT_ADMIN_EMAIL: 'Ops@Example.com',
    RAPPORT_ADMIN_PASSWORD: 'a long admin password',
  };

  it('creates the admin once, who can then get a token with the email address', async () => {
    const { app, ctx } = await start(ENV);
    const link = await prepareSetupLink(ctx);
    expect(link).toBeDefined();

    const created = await bootstrapAdmin(ctx);
    expect(created).toMatchObject({ username: 'ops', role: 'admin' });
    expect(await bootstrapAdmin(ctx)).toBeUndefined();
    expect((await rowCounts(ctx)).accounts).toBe(1);
    // Bootstrapping consumed the pending setup link.
    expect((await api(app).get(`/api/rapport/v1/setup/${tokenOf(link as string)}`)).status).toBe(
      404,
    );

    const client = await registerApp(app, { scopes: 'read write admin:read admin:write' });
    const token = await passwordToken(
      app,
      client,
      'ops@example.com',
      ENV.RAPPORT_ADMIN_PASSWORD,
      'read admin:read',
    );
    expect(token.status).toBe(200);
    const accounts = await api(app, token.body.access_token).get('/api/rapport/v1/admin/accounts');
    expect(accounts.status).toBe(200);
    expect(accounts.body.map((row: { username: string }) => row.username)).toEqual(['ops']);
  });

  it('does nothing when an admin already exists or nothing is configured', async () => {
    const { ctx } = await start(ENV);
    await createAccount(ctx, { role: 'admin', username: 'existing' });
    expect(await bootstrapAdmin(ctx)).toBeUndefined();
    expect((await rowCounts(ctx)).accounts).toBe(1);
    await t?.close();
    const plain = await start();
    expect(await bootstrapAdmin(plain.ctx)).toBeUndefined();
  });

  it('reports a too short password clearly, without echoing it, creating nothing', async () => {
    const { ctx } = await start({ ...ENV, RAPPORT_ADMIN_PASSWORD: 'short' });
    await expect(bootstrapAdmin(ctx)).rejects.toThrow(
      /RAPPORT_ADMIN_PASSWORD: must be at least 8 characters/,
    );
    await expect(bootstrapAdmin(ctx)).rejects.not.toThrow(/short/);
    expect((await rowCounts(ctx)).accounts).toBe(0);
  });

  it('reports an invalid username and email by variable name', async () => {
    const { ctx } = await start({
      ...ENV,
      RAPPORT_ADMIN_USERNAME: 'not valid!',
      RAPPORT_ADMIN_EMAIL: 'nope',
    });
    const error = await bootstrapAdmin(ctx).catch((caught: Error) => caught);
    expect(String(error)).toMatch(/RAPPORT_ADMIN_USERNAME: must contain only letters/);
    expect(String(error)).toMatch(/RAPPORT_ADMIN_EMAIL: must be a valid email address/);
    expect((await rowCounts(ctx)).accounts).toBe(0);
  });
});
