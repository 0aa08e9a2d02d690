import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAccountWithToken, PASSWORD, tokenFor } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { passwordToken, registerApp } from '../../../test/oauth';
import { accountRow, rowCounts } from '../../../test/state';
import { changeRole, suspendAccount } from './admin.service';

let t: TestApp;
let admin: Awaited<ReturnType<typeof createAccountWithToken>>;
beforeAll(async () => {
  t = await startTestApp();
  admin = await createAccountWithToken(t.ctx, { role: 'admin', username: 'chief' });
});
afterAll(() => t.close());

const ACCOUNTS = '/api/rapport/v1/admin/accounts';

function nextLink(header: unknown): string | undefined {
  const match = /<([^>]+)>; rel="next"/.exec(String(header ?? ''));
  return match
    ? new URL(match[1] as string).pathname + new URL(match[1] as string).search
    : undefined;
}

describe('listing accounts', () => {
  let fresh: TestApp;
  let boss: Awaited<ReturnType<typeof createAccountWithToken>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    fresh = await startTestApp();
    boss = await createAccountWithToken(fresh.ctx, { role: 'admin', username: 'boss' });
    ids.boss = String(boss.account.id);
    for (const [username, role, title] of [
      ['ana', 'member', 'Engineer'],
      ['ben', 'guest', 'Partner'],
      ['cat', 'member', 'Engineer'],
      ['dan', 'admin', 'Director'],
      ['eve', 'member', 'Designer'],
    ] as const) {
      const row = await createAccount(fresh.ctx, {
        username,
        email: `${username}@Corp.example`,
        role,
        profile: { title },
      });
      ids[username] = String(row.id);
    }
    await api(fresh.app, boss.token).post(`${ACCOUNTS}/${ids.cat}/suspend`);
  });
  afterAll(() => fresh.close());

  const list = async (query = '') => {
    const res = await api(fresh.app, boss.token).get(`${ACCOUNTS}${query}`);
    expect(res.status).toBe(200);
    return res.body.map((row: { username: string }) => row.username);
  };

  it('lists newest first with the admin’s view of each account', async () => {
    expect(await list()).toEqual(['eve', 'dan', 'cat', 'ben', 'ana', 'boss']);
    const res = await api(fresh.app, boss.token).get(`${ACCOUNTS}/${ids.cat}`);
    expect(res.body).toMatchObject({
      id: ids.cat,
      username: 'cat',
      email: 'cat@Corp.example',
      role: 'member',
      suspended: true,
      title: 'Engineer',
      invited_by: null,
    });
    expect(res.body.suspended_at).toEqual(expect.any(String));
  });

  it('filters by role, status and words', async () => {
    expect(await list('?role=member')).toEqual(['eve', 'cat', 'ana']);
    expect(await list('?role=admin')).toEqual(['dan', 'boss']);
    expect(await list('?status=suspended')).toEqual(['cat']);
    expect(await list('?status=active&role=member')).toEqual(['eve', 'ana']);
    expect(await list('?q=engin')).toEqual(['cat', 'ana']);
    expect(await list('?q=ben')).toEqual(['ben']);
  });

  it('finds by email address when q has an @, case-insensitively', async () => {
    expect(await list(`?q=${encodeURIComponent('EVE@corp.EXAMPLE')}`)).toEqual(['eve']);
    expect(await list(`?q=${encodeURIComponent('eve@other.example')}`)).toEqual([]);
  });

  it('pages with max_id through the Link header', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${ACCOUNTS}?limit=2`;
    while (url) {
      const res = await api(fresh.app, boss.token).get(url);
      seen.push(...res.body.map((row: { username: string }) => row.username));
      url = nextLink(res.headers.link);
      if (url) expect(url).toMatch(/max_id=\d+/);
    }
    expect(seen).toEqual(['eve', 'dan', 'cat', 'ben', 'ana', 'boss']);
    const newer = await api(fresh.app, boss.token).get(`${ACCOUNTS}?min_id=${ids.cat}`);
    expect(newer.body.map((row: { username: string }) => row.username)).toEqual(['eve', 'dan']);
  });

  it('refuses bad filters with 400', async () => {
    for (const query of ['?role=owner', '?status=gone', '?max_id=abc', '?limit=0']) {
      expect((await api(fresh.app, boss.token).get(`${ACCOUNTS}${query}`)).status).toBe(400);
    }
  });
});

describe('roles', () => {
  it('changes a role', async () => {
    const target = await createAccount(t.ctx);
    const res = await api(t.app, admin.token).patch(`${ACCOUNTS}/${target.id}`, { role: 'guest' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('guest');
    expect((await accountRow(t.ctx, target.id)).role).toBe('guest');
  });

  it('takes effect on the person’s existing tokens at once', async () => {
    const { account, token } = await createAccountWithToken(t.ctx);
    expect((await api(t.app, token).get(ACCOUNTS)).status).toBe(403);
    await api(t.app, admin.token).patch(`${ACCOUNTS}/${account.id}`, { role: 'admin' });
    expect((await api(t.app, token).get(ACCOUNTS)).status).toBe(200);
  });

  it('refuses an unknown role, an unknown account and one’s own role, changing nothing', async () => {
    const target = await createAccount(t.ctx);
    const before = await rowCounts(t.ctx);
    const bad = await api(t.app, admin.token).patch(`${ACCOUNTS}/${target.id}`, { role: 'owner' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.details)).toEqual(['role']);
    expect(
      (await api(t.app, admin.token).patch(`${ACCOUNTS}/123`, { role: 'member' })).status,
    ).toBe(404);
    const own = await api(t.app, admin.token).patch(`${ACCOUNTS}/${admin.account.id}`, {
      role: 'member',
    });
    expect(own.status).toBe(422);
    expect(own.body.error).toMatch(/your own account/);
    expect((await accountRow(t.ctx, admin.account.id)).role).toBe('admin');
    expect((await accountRow(t.ctx, target.id)).role).toBe('member');
    expect(await rowCounts(t.ctx)).toEqual(before);
  });
});

describe('suspension', () => {
  it('signs the person out everywhere and keeps them out until unsuspended', async () => {
    const client = await registerApp(t.app, { scopes: 'read' });
    const { account, token } = await createAccountWithToken(t.ctx, { username: 'suspect' });
    const appIssued = await passwordToken(t.app, client, 'suspect', PASSWORD);
    expect(appIssued.status).toBe(200);

    const res = await api(t.app, admin.token).post(`${ACCOUNTS}/${account.id}/suspend`);
    expect(res.status).toBe(200);
    expect(res.body.suspended).toBe(true);

    for (const held of [token, appIssued.body.access_token]) {
      expect((await api(t.app, held).get('/api/v1/accounts/verify_credentials')).status).toBe(401);
    }
    const live = await t.ctx.db
      .selectFrom('access_tokens')
      .select('id')
      .where('account_id', '=', account.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toEqual([]);

    const before = await rowCounts(t.ctx);
    const signIn = await api(t.app).post('/api/rapport/v1/session', {
      login: 'suspect',
      password: PASSWORD,
    });
    expect(signIn.status).toBe(403);
    expect(signIn.body.code).toBe('account_suspended');
    const grant = await passwordToken(t.app, client, 'suspect', PASSWORD);
    expect(grant.status).toBe(400);
    expect(grant.body.error).toBe('invalid_grant');
    expect(await rowCounts(t.ctx)).toEqual(before);

    const again = await api(t.app, admin.token).post(`${ACCOUNTS}/${account.id}/suspend`);
    expect(again.body.suspended_at).toBe(res.body.suspended_at);

    const lifted = await api(t.app, admin.token).post(`${ACCOUNTS}/${account.id}/unsuspend`);
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ suspended: false, suspended_at: null });
    expect(
      (await api(t.app).post('/api/rapport/v1/session', { login: 'suspect', password: PASSWORD }))
        .status,
    ).toBe(200);
    expect((await passwordToken(t.app, client, 'suspect', PASSWORD)).status).toBe(200);
    // Old tokens stay revoked.
    expect((await api(t.app, token).get('/api/v1/accounts/verify_credentials')).status).toBe(401);
  });

  it('refuses to suspend oneself', async () => {
    const res = await api(t.app, admin.token).post(`${ACCOUNTS}/${admin.account.id}/suspend`);
    expect(res.status).toBe(422);
    expect((await accountRow(t.ctx, admin.account.id)).suspended).toBe(0);
    expect((await api(t.app, admin.token).get(ACCOUNTS)).status).toBe(200);
  });
});

describe('the last active admin', () => {
  it('cannot be demoted or suspended', async () => {
    const solo = await startTestApp();
    try {
      const only = await createAccount(solo.ctx, { role: 'admin' });
      // A viewer who is no longer an admin by the time the request is served.
      const former = await createAccount(solo.ctx, { role: 'member' });
      const viewer = { id: former.id, username: former.username, role: 'admin' as const };
      await expect(changeRole(solo.ctx, viewer, only.id, 'member')).rejects.toMatchObject({
        status: 422,
        message: 'You cannot demote the last active admin',
      });
      await expect(suspendAccount(solo.ctx, viewer, only.id)).rejects.toMatchObject({
        status: 422,
        message: 'You cannot suspend the last active admin',
      });
      expect(await accountRow(solo.ctx, only.id)).toMatchObject({ role: 'admin', suspended: 0 });
    } finally {
      await solo.close();
    }
  });

  it('survives two admins demoting or suspending each other at the same time', async () => {
    for (const action of ['demote', 'suspend'] as const) {
      const duo = await startTestApp();
      try {
        const a = await createAccountWithToken(duo.ctx, { role: 'admin' });
        const b = await createAccountWithToken(duo.ctx, { role: 'admin' });
        const act = (by: string, target: number) =>
          action === 'demote'
            ? api(duo.app, by).patch(`${ACCOUNTS}/${target}`, { role: 'member' })
            : api(duo.app, by).post(`${ACCOUNTS}/${target}/suspend`);
        const results = await Promise.all([act(a.token, b.account.id), act(b.token, a.account.id)]);
        // The loser is refused by the last-admin rule (422), or, if the winner committed
        // before it was even authorised, as a demoted (403) or signed-out (401) person.
        const statuses = results.map((res) => res.status).sort();
        expect(statuses[0]).toBe(200);
        expect([401, 403, 422]).toContain(statuses[1]);
        const admins = await duo.ctx.db
          .selectFrom('accounts')
          .select('id')
          .where('role', '=', 'admin')
          .where('suspended', '=', 0)
          .execute();
        expect(admins).toHaveLength(1);
      } finally {
        await duo.close();
      }
    }
  });
});

describe('access', () => {
  it('members get 403 on every admin route, and nothing changes', async () => {
    const member = await createAccountWithToken(t.ctx);
    const target = await createAccount(t.ctx);
    const before = await accountRow(t.ctx, target.id);
    const counts = await rowCounts(t.ctx);
    const client = api(t.app, member.token);
    for (const res of [
      await client.get(ACCOUNTS),
      await client.get(`${ACCOUNTS}/${target.id}`),
      await client.patch(`${ACCOUNTS}/${target.id}`, { role: 'admin' }),
      await client.patch(`${ACCOUNTS}/${member.account.id}`, { role: 'admin' }),
      await client.post(`${ACCOUNTS}/${target.id}/suspend`),
      await client.post(`${ACCOUNTS}/${target.id}/unsuspend`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect(await accountRow(t.ctx, target.id)).toEqual(before);
    expect((await accountRow(t.ctx, member.account.id)).role).toBe('member');
    expect(await rowCounts(t.ctx)).toEqual(counts);
  });

  it('an admin’s token without admin scopes gets 403 insufficient_scope', async () => {
    const token = await tokenFor(t.ctx, admin.account, ['read', 'write']);
    const target = await createAccount(t.ctx);
    for (const res of [
      await api(t.app, token).get(ACCOUNTS),
      await api(t.app, token).post(`${ACCOUNTS}/${target.id}/suspend`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('insufficient_scope');
    }
    expect((await accountRow(t.ctx, target.id)).suspended).toBe(0);
    const readOnly = await tokenFor(t.ctx, admin.account, ['admin:read:accounts']);
    expect((await api(t.app, readOnly).get(ACCOUNTS)).status).toBe(200);
    expect((await api(t.app, readOnly).post(`${ACCOUNTS}/${target.id}/suspend`)).status).toBe(403);
  });

  it('needs a token', async () => {
    expect((await api(t.app).get(ACCOUNTS)).status).toBe(401);
  });
});
