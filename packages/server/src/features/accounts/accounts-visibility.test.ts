import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, tokenFor } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('who sees whom', () => {
  let admin: { id: number; token: string };
  let member: { id: number; token: string };
  let guest: { id: number; token: string };
  let otherGuest: { id: number };

  beforeAll(async () => {
    const make = async (role: 'admin' | 'member' | 'guest') => {
      const account = await createAccount(t.ctx, { role });
      return { id: account.id, token: await tokenFor(t.ctx, account) };
    };
    admin = await make('admin');
    member = await make('member');
    guest = await make('guest');
    otherGuest = await make('guest');
  });

  const status = async (token: string, id: number) =>
    (await api(t.app, token).get(`/api/v1/accounts/${id}`)).status;

  it('a guest sees only themself', async () => {
    expect(await status(guest.token, guest.id)).toBe(200);
    for (const id of [admin.id, member.id, otherGuest.id]) {
      expect(await status(guest.token, id)).toBe(404);
    }
    const many = await api(t.app, guest.token).get(
      `/api/v1/accounts?id[]=${member.id}&id[]=${guest.id}&id[]=${admin.id}`,
    );
    expect(many.body.map((row: { id: string }) => row.id)).toEqual([String(guest.id)]);
    const people = await api(t.app, guest.token).get('/api/rapport/v1/people');
    expect(people.body.map((row: { id: string }) => row.id)).toEqual([String(guest.id)]);
  });

  it('members see staff but not guests', async () => {
    expect(await status(member.token, admin.id)).toBe(200);
    expect(await status(member.token, member.id)).toBe(200);
    expect(await status(member.token, guest.id)).toBe(404);
    const people = await api(t.app, member.token).get('/api/rapport/v1/people?limit=80');
    const ids = people.body.map((row: { id: string }) => row.id);
    expect(ids).toContain(String(admin.id));
    expect(ids).not.toContain(String(guest.id));
  });

  it('admins see everyone', async () => {
    for (const id of [admin.id, member.id, guest.id, otherGuest.id]) {
      expect(await status(admin.token, id)).toBe(200);
    }
  });

  it('a suspended account shows as suspended with a blanked profile', async () => {
    const suspended = await createAccount(t.ctx, {
      username: 'gone',
      displayName: 'Gone Person',
      profile: {
        title: 'Secret title',
        bio: 'Secret bio',
        skills: '["Secrets"]',
        fields: '[{"name":"A","value":"B"}]',
        suspended: 1,
        suspended_at: Date.now(),
      },
    });
    const res = await api(t.app, member.token).get(`/api/v1/accounts/${suspended.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      suspended: true,
      username: 'gone',
      display_name: 'Gone Person',
      note: '',
      fields: [],
      title: '',
      department: '',
      location: '',
      skills: [],
      avatar: `${t.url}/avatars/original/missing.png`,
    });
    expect(res.text).not.toMatch(/Secret/);
    const active = await api(t.app, member.token).get(`/api/v1/accounts/${member.id}`);
    expect(active.body.suspended).toBeUndefined();
  });
});
