import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken, PASSWORD } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { linkIn, type MailCatcher, startMailCatcher } from '../../../test/mail-catcher';
import { accountRow, rowCounts } from '../../../test/state';
import { updateAccount } from '../accounts/accounts.queries';
import { resetPassword } from './password-reset.service';

let t: TestApp;
let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await startTestApp({ SMTP_URL: catcher.url });
});
afterAll(async () => {
  await t.close();
  await catcher.close();
});

const FORGOT = '/api/rapport/v1/password/forgot';
const RESET = '/api/rapport/v1/password/reset';
const NEW_PASSWORD = 'a brand new passphrase';

const anonymous = () => api(t.app);

async function forgot(email: string) {
  const reply = await anonymous().post(FORGOT, { email });
  await t.ctx.events.settled();
  return reply;
}

const signIn = (login: string, password: string) =>
  anonymous().post('/api/rapport/v1/session', { login, password });

/** The reset token from the link in the newest reset mail to `email`. */
async function tokenMailedTo(email: string, count = 1): Promise<string> {
  await catcher.waitFor(() => catcher.to(email).length >= count);
  const mail = catcher.to(email).at(-1);
  if (!mail) throw new Error('no mail');
  return new URL(linkIn(mail, `${t.url}/reset-password?token=`)).searchParams.get('token') ?? '';
}

async function resetRows(accountId: number) {
  return t.ctx.db
    .selectFrom('password_resets')
    .selectAll()
    .where('account_id', '=', accountId)
    .execute();
}

describe('password reset by email', () => {
  it('resets from the mailed link: the old password and every session stop working, the link is spent', async () => {
    const { account, token: oldToken } = await createAccountWithToken(t.ctx);
    const reply = await forgot(account.email.toUpperCase());
    expect(reply.status).toBe(202);
    expect(reply.body.message).toMatch(/If an account uses this address/);

    const mail = await catcher.waitFor((m) => m.to === account.email);
    expect(mail.subject).toBe('Reset your Rapport password');
    expect(mail.text).toContain(`@${account.username}`);
    expect(mail.html).toContain('Choose a new password');
    const token = await tokenMailedTo(account.email);
    // Only a hash is stored.
    const [stored] = await resetRows(account.id);
    expect(stored?.token_hash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    // A weak password is refused and the link still works afterwards.
    const weak = await anonymous().post(RESET, { token, password: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body.details.password).toBeDefined();
    expect((await signIn(account.email, PASSWORD)).status).toBe(200);

    const done = await anonymous().post(RESET, { token, password: NEW_PASSWORD });
    expect(done.status).toBe(204);
    expect((await signIn(account.email, PASSWORD)).status).toBe(401);
    expect((await signIn(account.username, NEW_PASSWORD)).status).toBe(200);
    // Signed out everywhere: the token from before the reset is dead.
    expect((await api(t.app, oldToken).get('/api/v1/accounts/verify_credentials')).status).toBe(
      401,
    );

    const again = await anonymous().post(RESET, { token, password: 'yet another passphrase' });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'invalid_reset_token' });
    expect(again.body.error).toMatch(/already used/);
    expect((await signIn(account.username, NEW_PASSWORD)).status).toBe(200);
  });

  it('answers an unknown address exactly as a known one, and mails nothing', async () => {
    const { account } = await createAccountWithToken(t.ctx);
    const before = await t.ctx.db
      .selectFrom('password_resets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const unknown = await forgot('nobody-here@example.com');
    const known = await forgot(account.email);
    expect(unknown.status).toBe(202);
    expect(unknown.text).toBe(known.text);
    await tokenMailedTo(account.email);
    const after = await t.ctx.db
      .selectFrom('password_resets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(1);
    expect(catcher.to('nobody-here@example.com')).toEqual([]);
    const queued = await t.ctx.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('to_address', '=', 'nobody-here@example.com')
      .execute();
    expect(queued).toEqual([]);
  });

  it('refuses an unknown, expired or malformed token with a clear message and changes nothing', async () => {
    const { account } = await createAccountWithToken(t.ctx);
    await forgot(account.email);
    const token = await tokenMailedTo(account.email);
    const counts = await rowCounts(t.ctx);
    const row = await accountRow(t.ctx, account.id);

    const unknown = await anonymous().post(RESET, { token: 'not-a-token', password: NEW_PASSWORD });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/not valid/);
    expect((await anonymous().post(RESET, { password: NEW_PASSWORD })).status).toBe(422);
    const expired = resetPassword(t.ctx, token, NEW_PASSWORD, Date.now() + 2 * 3_600_000);
    await expect(expired).rejects.toMatchObject({ status: 400, code: 'invalid_reset_token' });
    await expect(expired).rejects.toThrow(/expired/);

    expect(await rowCounts(t.ctx)).toEqual(counts);
    expect(await accountRow(t.ctx, account.id)).toEqual(row);
    expect((await anonymous().post(RESET, { token, password: NEW_PASSWORD })).status).toBe(204);
  });

  it('sends an address at most three links an hour, and nothing to a suspended account', async () => {
    const { account } = await createAccountWithToken(t.ctx);
    for (let i = 0; i < 5; i++) expect((await forgot(account.email)).status).toBe(202);
    await tokenMailedTo(account.email, 3);
    expect(await resetRows(account.id)).toHaveLength(3);
    expect(catcher.to(account.email)).toHaveLength(3);

    const { account: gone } = await createAccountWithToken(t.ctx);
    await updateAccount(t.ctx.db, gone.id, { suspended: 1, suspended_at: Date.now() });
    expect((await forgot(gone.email)).status).toBe(202);
    expect(await resetRows(gone.id)).toEqual([]);
  });

  it('limits requests per client address', async () => {
    const limited = await startTestApp({ RAPPORT_RATE_LIMIT: 'on' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push((await api(limited.app).post(FORGOT, { email: `x${i}@example.com` })).status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
      expect(statuses[10]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
