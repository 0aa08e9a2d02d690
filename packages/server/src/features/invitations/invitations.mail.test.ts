import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { linkIn, type MailCatcher, startMailCatcher } from '../../../test/mail-catcher';

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

const anonymous = () => api(t.app);
const signIn = (login: string, password: string) =>
  anonymous().post('/api/rapport/v1/session', { login, password });

describe('invitations by email', () => {
  it('mails the invitation link with who invited and their note; the link signs the person up', async () => {
    const admin = await createAccountWithToken(t.ctx, {
      role: 'admin',
      displayName: 'Ines Inviter',
    });
    const created = await api(t.app, admin.token).post('/api/rapport/v1/admin/invitations', {
      email: 'grace@example.com',
      note: 'Welcome to the <platform> team & Friday demo',
    });
    expect(created.status, created.text).toBe(200);
    const mail = await catcher.waitFor((m) => m.to === 'grace@example.com');
    expect(mail.subject).toBe('Ines Inviter invited you to join Rapport');
    expect(mail.text).toContain('> Welcome to the <platform> team & Friday demo');
    expect(mail.html).toContain('Welcome to the &lt;platform&gt; team &amp; Friday demo');
    expect(mail.headers.has('list-unsubscribe')).toBe(false);

    const link = linkIn(mail, `${t.url}/invite/`);
    expect(link).toBe(created.body.url);
    const code = link.split('/').at(-1) ?? '';
    const preview = await anonymous().get(`/api/rapport/v1/invitations/${code}`);
    expect(preview.body).toMatchObject({ invited_by: 'Ines Inviter', email: 'grace@example.com' });
    const signUp = await anonymous().post('/api/rapport/v1/registrations', {
      username: 'grace',
      email: 'grace@example.com',
      password: 'compiler pioneer',
      invite_code: code,
      agreement: true,
    });
    expect(signUp.status, signUp.text).toBe(200);
    expect(signUp.body.account.username).toBe('grace');
    expect((await signIn('grace', 'compiler pioneer')).status).toBe(200);
  });

  it('mails nothing for an invitation without an address', async () => {
    const admin = await createAccountWithToken(t.ctx, { role: 'admin' });
    const before = catcher.mails.length;
    const created = await api(t.app, admin.token).post('/api/rapport/v1/admin/invitations', {});
    expect(created.status).toBe(200);
    await t.ctx.events.settled();
    expect(catcher.mails.length).toBe(before);
  });
});
