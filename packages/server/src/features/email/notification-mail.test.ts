import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { type MailCatcher, startMailCatcher } from '../../../test/mail-catcher';
import { updateAccount } from '../accounts/accounts.queries';
import { type Person, person } from '../streaming/streaming.fixtures';
import { mailChatMessage, mailNotification } from './notification-mail';

let t: TestApp;
let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await startTestApp({
    SMTP_URL: catcher.url,
    RAPPORT_MAIL_FROM: 'Meridian <hello@meridian.example>',
  });
});
afterAll(async () => {
  await t.close();
  await catcher.close();
});

const PREFS = '/api/rapport/v1/preferences/notifications';

async function post(author: Person, text: string, extra: Record<string, unknown> = {}) {
  const reply = await author.api.post('/api/v1/statuses', { status: text, ...extra });
  expect(reply.status, reply.text).toBe(200);
  await t.ctx.events.settled();
  return reply.body as { id: string };
}

/** Notifications of `person`, newest first (ids only). */
async function notificationIds(p: Person): Promise<Array<{ id: string; type: string }>> {
  return (await p.api.get('/api/v1/notifications')).body;
}

async function outboxFor(accountId: number) {
  return t.ctx.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('account_id', '=', accountId)
    .execute();
}

describe('immediate email', () => {
  it('mails a chosen type at once: text and HTML parts, From, unsubscribe headers, links', async () => {
    const ana = await person(t, 'ana_mail');
    const bo = await person(t);
    await updateAccount(t.ctx.db, bo.account.id, { display_name: 'Bo Lind' });
    expect((await ana.api.put(PREFS, { types: { mention: { email: true } } })).status).toBe(200);

    const status = await post(bo, '@ana_mail can you check the <b>launch</b> notes & plan?');
    const mail = await catcher.waitFor((m) => m.to === 'ana_mail@example.com');

    expect(mail.subject).toBe('Bo Lind mentioned you');
    expect(mail.parsed.from?.value).toEqual([
      { name: 'Meridian', address: 'hello@meridian.example' },
    ]);
    // Both parts, the status in each, escaped in the HTML and plain in the text.
    expect(mail.text).toContain('can you check the <b>launch</b> notes & plan?');
    expect(mail.html).toContain('&lt;b&gt;launch&lt;/b&gt; notes &amp; plan?');
    expect(mail.html).not.toContain('<b>launch</b>');
    expect(mail.text).toContain(`${t.url}/@${bo.account.username}/${status.id}`);
    expect(mail.text).toContain(`${t.url}/settings/notifications`);
    expect(mail.text).toMatch(new RegExp(`Unsubscribe: ${t.url}/unsubscribe\\?token=\\S+`));
    // RFC 8058: the https (here http) link and the one-click marker.
    expect(mail.headers.get('list-unsubscribe')).toMatch(
      new RegExp(`^<${t.url}/api/rapport/v1/mail/unsubscribe\\?token=[\\w.-]+>$`),
    );
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // Sent mail leaves the outbox.
    expect(await outboxFor(ana.account.id)).toEqual([]);
  });

  it('mails nothing for a type the person did not choose, nor during their quiet hours', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const own = await post(ana, 'Shipping the new onboarding today');
    // Favourites are not mailed by default.
    expect((await bo.api.post(`/api/v1/statuses/${own.id}/favourite`)).status).toBe(200);
    await t.ctx.events.settled();
    expect((await notificationIds(ana)).map((n) => n.type)).toEqual(['favourite']);

    // Mentions by email, but the quiet hours cover now.
    const hour = new Date().getUTCHours();
    const clock = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
    const put = await ana.api.put(PREFS, {
      types: { mention: { email: true } },
      quiet_hours: { enabled: true, from: clock(hour - 1), to: clock(hour + 2), time_zone: 'UTC' },
    });
    expect(put.status).toBe(200);
    await post(bo, `@${ana.account.username} are you around?`);
    expect((await notificationIds(ana)).map((n) => n.type)).toEqual(['mention', 'favourite']);

    expect(catcher.to(ana.account.email)).toEqual([]);
    expect(await outboxFor(ana.account.id)).toEqual([]);
  });

  it('mails nothing about what the person may no longer see, nor to a suspended account', async () => {
    const ana = await person(t);
    const bo = await person(t);
    await post(bo, `@${ana.account.username} a note for you`, { visibility: 'direct' });
    const [notification] = await notificationIds(ana);
    expect(notification?.type).toBe('mention');
    await ana.api.put(PREFS, { types: { mention: { email: true } } });
    const id = Number(notification?.id);

    // Bo blocks Ana: she no longer sees his status, so no mail about it.
    expect((await bo.api.post(`/api/v1/accounts/${ana.account.id}/block`)).status).toBe(200);
    await mailNotification(t.ctx, ana.account.id, id);
    expect(await outboxFor(ana.account.id)).toEqual([]);
    expect((await bo.api.post(`/api/v1/accounts/${ana.account.id}/unblock`)).status).toBe(200);

    // Suspended: nothing at all.
    await updateAccount(t.ctx.db, ana.account.id, { suspended: 1, suspended_at: Date.now() });
    await mailNotification(t.ctx, ana.account.id, id);
    expect(await outboxFor(ana.account.id)).toEqual([]);

    // Back, and the same notification is mailed: the checks above were what held it back.
    await updateAccount(t.ctx.db, ana.account.id, { suspended: 0, suspended_at: null });
    await mailNotification(t.ctx, ana.account.id, id);
    await t.ctx.events.settled();
    await catcher.waitFor((m) => m.to === ana.account.email);
  });

  it('reads well for a community invitation (email by default)', async () => {
    const ana = await person(t);
    const bo = await person(t);
    await updateAccount(t.ctx.db, bo.account.id, { display_name: 'Bo Lind' });
    const community = await bo.api.post('/api/rapport/v1/communities', {
      name: 'Product Team',
      privacy: 'private',
    });
    expect(community.status, community.text).toBe(200);
    const invite = await bo.api.post(`/api/rapport/v1/communities/${community.body.id}/members`, {
      account_ids: [String(ana.account.id)],
    });
    expect(invite.status, invite.text).toBeLessThan(300);
    const mail = await catcher.waitFor((m) => m.to === ana.account.email);
    expect(mail.subject).toBe('Bo Lind invited you to the Product Team community');
    expect(mail.text).toContain(`See the invitation: ${t.url}/communities/${community.body.id}`);
    expect(mail.text).toContain('email is on for community invitations');
    expect(mail.html).toContain('Bo Lind invited you to the Product Team community');
  });

  it('mails a chat message to those who chose it: "Ana sent you a message" with the preview', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const cy = await person(t);
    await updateAccount(t.ctx.db, ana.account.id, { display_name: 'Ana Silva' });
    await bo.api.put(PREFS, { types: { chat_message: { email: true } } });
    // Cy keeps the default (no email for chat messages).
    await mailChatMessage(t.ctx, {
      type: 'chat.message',
      chat_id: '4242',
      message_id: '1',
      sender_id: String(ana.account.id),
      recipient_ids: [String(bo.account.id), String(cy.account.id)],
      notify_ids: [String(bo.account.id), String(cy.account.id)],
      preview: 'Lunch at <noon>? Bring the deck & the numbers',
    });
    await t.ctx.events.settled();
    const mail = await catcher.waitFor((m) => m.to === bo.account.email);
    expect(mail.subject).toBe('Ana Silva sent you a message');
    expect(mail.text).toContain('> Lunch at <noon>? Bring the deck & the numbers');
    expect(mail.html).toContain('Lunch at &lt;noon&gt;? Bring the deck &amp; the numbers');
    expect(mail.text).toContain(`${t.url}/messages/4242`);
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(catcher.to(cy.account.email)).toEqual([]);
  });
});

describe('the outbox', () => {
  it('retries a refused delivery later and gives up on a permanent refusal', async () => {
    const { deliverDueMail, sendMail } = await import('../../mail/outbox');
    const { createMailer } = await import('../../mail/mailer');
    const mailer = createMailer(t.ctx.config, t.ctx.log);
    const mail = (to: string) => ({
      to,
      subject: `Hello ${to}`,
      text: 'Hello',
      html: '<p>Hello</p>',
      headers: {},
      kind: 'invitation' as const,
      accountId: null,
    });

    catcher.refuseNext(1, 'transient');
    await sendMail(t.ctx, [mail('later@example.com')]);
    await t.ctx.events.settled();
    const [waiting] = await t.ctx.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'later@example.com')
      .execute();
    expect(waiting?.attempts).toBe(1);
    expect(waiting?.last_error).toMatch(/451/);
    expect(catcher.to('later@example.com')).toEqual([]);
    // Not due yet; a minute later it goes.
    expect((await deliverDueMail(t.ctx, mailer, Date.now())).sent).toBe(0);
    expect((await deliverDueMail(t.ctx, mailer, Date.now() + 61_000)).sent).toBe(1);
    await catcher.waitFor((m) => m.to === 'later@example.com');

    catcher.refuseNext(1, 'permanent');
    await sendMail(t.ctx, [mail('nobody@example.com')]);
    await t.ctx.events.settled();
    const [failed] = await t.ctx.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'nobody@example.com')
      .execute();
    expect(failed?.failed_at).not.toBeNull();
    expect((await deliverDueMail(t.ctx, mailer, Date.now() + 86_400_000)).sent).toBe(0);
    mailer.close();
  });
});
