import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken, PASSWORD } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api, type Reply } from '../../../test/http';
import { rowCounts } from '../../../test/state';
import { DAY_MS } from '../../lib/time';

let t: TestApp;
let admin: Awaited<ReturnType<typeof createAccountWithToken>>;
beforeAll(async () => {
  t = await startTestApp({ RAPPORT_REGISTRATIONS: 'invite' });
  admin = await createAccountWithToken(t.ctx, {
    role: 'admin',
    username: 'inviter',
    displayName: 'Ines Inviter',
  });
});
afterAll(() => t.close());

const BASE = '/api/rapport/v1/admin/invitations';

const create = (body: Record<string, unknown> = {}) => api(t.app, admin.token).post(BASE, body);

/** The URLs of a Link header, by rel. */
function links(header: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of String(header ?? '').split(',')) {
    const match = /<([^>]+)>;\s*rel="(\w+)"/.exec(part);
    if (match) result[match[2] as string] = match[1] as string;
  }
  return result;
}

describe('admin invitations', () => {
  it('creates a one-use member invitation valid for 7 days by default', async () => {
    const res = await create();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      role: 'member',
      email: null,
      note: '',
      max_uses: 1,
      uses: 0,
      revoked_at: null,
      state: 'active',
      created_by: {
        id: String(admin.account.id),
        username: 'inviter',
        display_name: 'Ines Inviter',
      },
    });
    expect(res.body.code).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
    expect(res.body.url).toBe(`${t.url}/invite/${res.body.code}`);
    const expires = Date.parse(res.body.expires_at) - Date.parse(res.body.created_at);
    expect(expires).toBe(7 * DAY_MS);
  });

  it('creates unlimited, never-expiring guest invitations bound to an email, with a note', async () => {
    const res = await create({
      role: 'guest',
      email: 'partner@example.org',
      note: 'Acme project',
      max_uses: null,
      expires_in_days: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      role: 'guest',
      email: 'partner@example.org',
      note: 'Acme project',
      max_uses: null,
      expires_at: null,
      state: 'active',
    });
  });

  it('accepts numbers as form strings', async () => {
    const res = await api(t.app, admin.token).post(BASE, 'max_uses=3&expires_in_days=30', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    expect(res.body.max_uses).toBe(3);
    expect(Date.parse(res.body.expires_at) - Date.parse(res.body.created_at)).toBe(30 * DAY_MS);
  });

  it.each([
    ['an admin role', { role: 'admin' }, 'role'],
    ['zero uses', { max_uses: 0 }, 'max_uses'],
    ['a too long validity', { expires_in_days: 366 }, 'expires_in_days'],
    ['an invalid email', { email: 'nope' }, 'email'],
  ])('refuses %s with 422, storing nothing', async (_case, body, field) => {
    const before = await rowCounts(t.ctx);
    const res = await create(body);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.details)).toContain(field);
    expect(await rowCounts(t.ctx)).toEqual(before);
  });

  it('revokes an invitation, idempotently; unknown ids are 404', async () => {
    const created = await create();
    const res = await api(t.app, admin.token).delete(`${BASE}/${created.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('revoked');
    expect(res.body.revoked_at).not.toBeNull();
    const again = await api(t.app, admin.token).delete(`${BASE}/${created.body.id}`);
    expect(again.body.revoked_at).toBe(res.body.revoked_at);
    expect((await api(t.app, admin.token).delete(`${BASE}/123`)).status).toBe(404);
    expect((await api(t.app, admin.token).delete(`${BASE}/abc`)).status).toBe(404);
  });

  it('lists newest first, filtered by state, paged through the Link header', async () => {
    const fresh = await startTestApp({ RAPPORT_REGISTRATIONS: 'invite' });
    try {
      const boss = await createAccountWithToken(fresh.ctx, { role: 'admin' });
      const made: Record<string, string[]> = { active: [], revoked: [], expired: [], used_up: [] };
      for (let i = 0; i < 5; i++) {
        made.active?.push((await api(fresh.app, boss.token).post(BASE, {})).body.id);
      }
      const revoked = (await api(fresh.app, boss.token).post(BASE, {})).body.id;
      await api(fresh.app, boss.token).delete(`${BASE}/${revoked}`);
      made.revoked?.push(revoked);
      const expired = (await api(fresh.app, boss.token).post(BASE, {})).body.id;
      await fresh.ctx.db
        .updateTable('invitations')
        .set({ expires_at: Date.now() - 1 })
        .where('id', '=', Number(expired))
        .execute();
      made.expired?.push(expired);
      const used = (await api(fresh.app, boss.token).post(BASE, {})).body;
      const signUp = await api(fresh.app).post('/api/rapport/v1/registrations', {
        username: 'used_it',
        email: 'used@example.com',
        password: PASSWORD,
        agreement: true,
        invite_code: used.code,
      });
      expect(signUp.status).toBe(200);
      made.used_up?.push(used.id);

      for (const [state, ids] of Object.entries(made)) {
        const res = await api(fresh.app, boss.token).get(`${BASE}?state=${state}`);
        expect(res.status).toBe(200);
        expect(res.body.map((row: { id: string }) => row.id)).toEqual([...ids].reverse());
        expect(res.body.every((row: { state: string }) => row.state === state)).toBe(true);
      }

      const all = [...(made.active ?? []), revoked, expired, used.id].reverse();
      const seen: string[] = [];
      let url: string | undefined = `${BASE}?limit=3`;
      while (url) {
        const page: Reply<Array<{ id: string }>> = await api(fresh.app, boss.token).get(url);
        expect(page.status).toBe(200);
        seen.push(...page.body.map((row) => row.id));
        const next: string | undefined = links(page.headers.link).next;
        url = next ? next.replace(fresh.url, '') : undefined;
        expect(seen.length).toBeLessThanOrEqual(all.length);
      }
      expect(seen).toEqual(all);
    } finally {
      await fresh.close();
    }
  });

  it('is for admins only', async () => {
    const member = await createAccountWithToken(t.ctx);
    const created = await create();
    const before = await rowCounts(t.ctx);
    expect((await api(t.app, member.token).get(BASE)).status).toBe(403);
    expect((await api(t.app, member.token).post(BASE, {})).status).toBe(403);
    const revoke = await api(t.app, member.token).delete(`${BASE}/${created.body.id}`);
    expect(revoke.status).toBe(403);
    expect(revoke.body.code).toBe('forbidden');
    expect((await api(t.app).get(BASE)).status).toBe(401);
    expect(await rowCounts(t.ctx)).toEqual(before);
  });
});

describe('GET /api/rapport/v1/invitations/:code (public preview)', () => {
  it('shows who invited, the role, the email and the expiry, without signing in', async () => {
    const created = await create({ role: 'guest', email: 'x@example.com' });
    const res = await api(t.app).get(`/api/rapport/v1/invitations/${created.body.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      role: 'guest',
      email: 'x@example.com',
      invited_by: 'Ines Inviter',
      expires_at: created.body.expires_at,
    });
  });

  it('answers 404 invalid_invitation for unknown or revoked codes', async () => {
    const created = await create();
    await api(t.app, admin.token).delete(`${BASE}/${created.body.id}`);
    for (const code of [created.body.code, 'UnknownCode1']) {
      const res = await api(t.app).get(`/api/rapport/v1/invitations/${code}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('invalid_invitation');
    }
  });
});
