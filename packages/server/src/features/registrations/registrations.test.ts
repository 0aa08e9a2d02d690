import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAccountWithToken, PASSWORD } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { appToken, registerApp } from '../../../test/oauth';
import { rowCounts } from '../../../test/state';

let t: TestApp;
let adminToken: string;
let adminId: number;
beforeAll(async () => {
  t = await startTestApp({ RAPPORT_REGISTRATIONS: 'invite' });
  const admin = await createAccountWithToken(t.ctx, { role: 'admin', username: 'boss' });
  adminToken = admin.token;
  adminId = admin.account.id;
});
afterAll(() => t.close());

let sequence = 0;
function newcomer(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    username: `newcomer${sequence}`,
    email: `newcomer${sequence}@example.com`,
    password: PASSWORD,
    agreement: true,
    ...overrides,
  };
}

async function invite(body: Record<string, unknown> = {}) {
  const res = await api(t.app, adminToken).post('/api/rapport/v1/admin/invitations', body);
  expect(res.status).toBe(200);
  return res.body as { id: string; code: string; uses: number };
}

const signUp = (body: Record<string, unknown>) =>
  api(t.app).post('/api/rapport/v1/registrations', body);

async function invitationUses(id: string) {
  const row = await t.ctx.db
    .selectFrom('invitations')
    .select('uses')
    .where('id', '=', Number(id))
    .executeTakeFirstOrThrow();
  return row.uses;
}

describe('sign-up with an invitation (invite mode)', () => {
  it('creates a member, signs them in with a cookie and counts the use', async () => {
    const invitation = await invite({ max_uses: 5 });
    const res = await signUp(newcomer({ invite_code: invitation.code, display_name: 'New One' }));
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({ display_name: 'New One', rapport_role: 'member' });
    expect(res.body.csrf_token).toEqual(expect.any(String));
    expect(String(res.headers['set-cookie'])).toMatch(/rapport_session=[^;]+;.*HttpOnly/i);
    expect(await invitationUses(invitation.id)).toBe(1);
    const row = await t.ctx.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', Number(res.body.account.id))
      .executeTakeFirstOrThrow();
    expect(row.invited_by_id).toBe(adminId);
    expect(row.invitation_id).toBe(Number(invitation.id));
  });

  it('gives the invitation’s role (guest)', async () => {
    const invitation = await invite({ role: 'guest' });
    const res = await signUp(newcomer({ invite_code: invitation.code }));
    expect(res.status).toBe(200);
    expect(res.body.account.rapport_role).toBe('guest');
    expect(res.body.account.role.name).toBe('Guest');
  });

  it('needs an invitation code: 403 registrations_closed and nothing created', async () => {
    const before = await rowCounts(t.ctx);
    const res = await signUp(newcomer());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('registrations_closed');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await rowCounts(t.ctx)).toEqual(before);
  });

  it.each([
    ['unknown', async () => 'NoSuchCode12'],
    [
      'revoked',
      async () => {
        const invitation = await invite();
        await api(t.app, adminToken).delete(`/api/rapport/v1/admin/invitations/${invitation.id}`);
        return invitation.code;
      },
    ],
    [
      'expired',
      async () => {
        const invitation = await invite();
        await t.ctx.db
          .updateTable('invitations')
          .set({ expires_at: Date.now() - 1 })
          .where('id', '=', Number(invitation.id))
          .execute();
        return invitation.code;
      },
    ],
    [
      'used up',
      async () => {
        const invitation = await invite({ max_uses: 1 });
        expect((await signUp(newcomer({ invite_code: invitation.code }))).status).toBe(200);
        return invitation.code;
      },
    ],
  ])(
    'refuses an %s invitation with 404 invalid_invitation, creating nothing',
    async (_state, code) => {
      const inviteCode = await code();
      const before = await rowCounts(t.ctx);
      const res = await signUp(newcomer({ invite_code: inviteCode }));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('invalid_invitation');
      const mastodon = await api(t.app, await signUpToken()).post(
        '/api/v1/accounts',
        newcomer({ invite_code: inviteCode }),
      );
      expect(mastodon.status).toBe(404);
      expect(mastodon.body.code).toBe('invalid_invitation');
      const after = await rowCounts(t.ctx);
      expect(after.accounts).toBe(before.accounts);
      expect(after.access_tokens).toBe(before.access_tokens + 1); // the app token only
    },
  );

  it('binds an email invitation to its address, case-insensitively', async () => {
    const invitation = await invite({ email: 'Bound.Person@Example.com' });
    const before = await rowCounts(t.ctx);
    const wrong = await signUp(
      newcomer({ invite_code: invitation.code, email: 'someone.else@example.com' }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.details.email).toEqual([expect.stringMatching(/does not match/)]);
    expect(await rowCounts(t.ctx)).toEqual(before);
    expect(await invitationUses(invitation.id)).toBe(0);

    const right = await signUp(
      newcomer({ invite_code: invitation.code, email: 'bound.person@EXAMPLE.com' }),
    );
    expect(right.status).toBe(200);
    expect(right.body.account.email).toBe('bound.person@EXAMPLE.com');
  });

  it('lets exactly one of two racing sign-ups take the last use', async () => {
    const invitation = await invite({ max_uses: 2 });
    expect((await signUp(newcomer({ invite_code: invitation.code }))).status).toBe(200);
    const before = await rowCounts(t.ctx);
    const results = await Promise.all([
      signUp(newcomer({ invite_code: invitation.code })),
      signUp(newcomer({ invite_code: invitation.code })),
    ]);
    expect(results.map((res) => res.status).sort()).toEqual([200, 404]);
    expect(results.find((res) => res.status === 404)?.body.code).toBe('invalid_invitation');
    expect(await invitationUses(invitation.id)).toBe(2);
    expect((await rowCounts(t.ctx)).accounts).toBe(before.accounts + 1);
  });

  it('refuses a taken username or email, case-insensitively, creating nothing', async () => {
    await createAccount(t.ctx, { username: 'Taken_Name', email: 'taken@example.com' });
    const invitation = await invite({ max_uses: 10 });
    const before = await rowCounts(t.ctx);
    const name = await signUp(newcomer({ invite_code: invitation.code, username: 'taken_NAME' }));
    expect(name.status).toBe(422);
    expect(name.body.details).toEqual({ username: ['is already taken'] });
    const email = await signUp(
      newcomer({ invite_code: invitation.code, email: 'TAKEN@example.COM' }),
    );
    expect(email.status).toBe(422);
    expect(email.body.details).toEqual({ email: ['is already taken'] });
    expect(await rowCounts(t.ctx)).toEqual(before);
    expect(await invitationUses(invitation.id)).toBe(0);
  });

  it.each([
    ['a username with spaces', { username: 'no spaces' }, 'username'],
    ['a short password', { password: 'short' }, 'password'],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['no agreement', { agreement: false }, 'agreement'],
  ])('refuses %s with 422 naming the field', async (_case, overrides, field) => {
    const invitation = await invite();
    const before = await rowCounts(t.ctx);
    const res = await signUp(newcomer({ invite_code: invitation.code, ...overrides }));
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.details)).toEqual([field]);
    expect(await rowCounts(t.ctx)).toEqual(before);
  });

  it('accepts JSON only', async () => {
    const invitation = await invite();
    const before = await rowCounts(t.ctx);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/rapport/v1/registrations',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        ...newcomer(),
        invite_code: invitation.code,
      } as never).toString(),
    });
    expect(res.statusCode).toBe(415);
    expect(await rowCounts(t.ctx)).toEqual(before);
  });
});

/** An app token allowed to register accounts, as Mastodon apps get one. */
async function signUpToken(): Promise<string> {
  const client = await registerApp(t.app, { scopes: 'read write' });
  return appToken(t.app, client, 'read write');
}

describe('POST /api/v1/accounts (Mastodon registration)', () => {
  it('registers with an invitation code and returns a token for the new account', async () => {
    const invitation = await invite({ role: 'guest' });
    const res = await api(t.app, await signUpToken()).post(
      '/api/v1/accounts',
      newcomer({ invite_code: invitation.code, username: 'mastodon_user' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', scope: 'read write' });
    const me = await api(t.app, res.body.access_token).get('/api/v1/accounts/verify_credentials');
    expect(me.body).toMatchObject({ username: 'mastodon_user', rapport_role: 'guest' });
  });

  it('needs an app token with write:accounts', async () => {
    const before = await rowCounts(t.ctx);
    expect((await api(t.app).post('/api/v1/accounts', newcomer())).status).toBe(401);
    const client = await registerApp(t.app, { scopes: 'read' });
    const readOnly = await appToken(t.app, client, 'read');
    const after = await rowCounts(t.ctx);
    const res = await api(t.app, readOnly).post('/api/v1/accounts', newcomer());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('insufficient_scope');
    expect(await rowCounts(t.ctx)).toEqual(after);
    expect(after.accounts).toBe(before.accounts);
  });

  it('without an invitation in invite mode: 403, nothing created', async () => {
    const token = await signUpToken();
    const before = await rowCounts(t.ctx);
    const res = await api(t.app, token).post('/api/v1/accounts', newcomer());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('registrations_closed');
    expect(await rowCounts(t.ctx)).toEqual(before);
  });
});

describe('open registrations', () => {
  let open: TestApp;
  beforeAll(async () => {
    open = await startTestApp({ RAPPORT_REGISTRATIONS: 'open' });
  });
  afterAll(() => open.close());

  it('lets anyone join as a member, on the web and through Mastodon apps', async () => {
    const web = await api(open.app).post('/api/rapport/v1/registrations', newcomer());
    expect(web.status).toBe(200);
    expect(web.body.account.rapport_role).toBe('member');
    expect(String(web.headers['set-cookie'])).toMatch(/rapport_session=/);

    const client = await registerApp(open.app, { scopes: 'read write:accounts' });
    const token = await appToken(open.app, client, 'write:accounts');
    const res = await api(open.app, token).post(
      '/api/v1/accounts',
      newcomer({ username: 'app_signup' }),
    );
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('write:accounts');
  });

  it('still gives an invitation’s role', async () => {
    const admin = await createAccountWithToken(open.ctx, { role: 'admin' });
    const invitation = await api(open.app, admin.token).post('/api/rapport/v1/admin/invitations', {
      role: 'guest',
    });
    const res = await api(open.app).post(
      '/api/rapport/v1/registrations',
      newcomer({ invite_code: invitation.body.code }),
    );
    expect(res.body.account.rapport_role).toBe('guest');
  });
});

describe('closed registrations', () => {
  let closed: TestApp;
  beforeAll(async () => {
    closed = await startTestApp({ RAPPORT_REGISTRATIONS: 'closed' });
  });
  afterAll(() => closed.close());

  it('lets nobody in, even with a valid invitation, and hides invitation previews', async () => {
    const admin = await createAccountWithToken(closed.ctx, { role: 'admin' });
    const invitation = await api(closed.app, admin.token).post(
      '/api/rapport/v1/admin/invitations',
      {},
    );
    const before = await rowCounts(closed.ctx);
    const web = await api(closed.app).post(
      '/api/rapport/v1/registrations',
      newcomer({ invite_code: invitation.body.code }),
    );
    expect(web.status).toBe(403);
    expect(web.body.code).toBe('registrations_closed');

    const client = await registerApp(closed.app, { scopes: 'write' });
    const token = await appToken(closed.app, client, 'write');
    const afterApp = await rowCounts(closed.ctx);
    const mastodon = await api(closed.app, token).post('/api/v1/accounts', newcomer());
    expect(mastodon.status).toBe(403);
    expect(mastodon.body.code).toBe('registrations_closed');
    expect(await rowCounts(closed.ctx)).toEqual(afterApp);
    expect(afterApp.accounts).toBe(before.accounts);

    const preview = await api(closed.app).get(
      `/api/rapport/v1/invitations/${invitation.body.code}`,
    );
    expect(preview.status).toBe(404);
  });
});
