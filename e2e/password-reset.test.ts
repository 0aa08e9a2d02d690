import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { preferencesOf } from '../packages/server/src/features/notification-preferences/preferences.service';
import { createAccount, PASSWORD, tokenFor } from '../packages/server/test/factories';
import { linkIn, startMailCatcher } from '../packages/server/test/mail-catcher';
import {
  DESKTOP,
  openPage,
  PHONE,
  pageProblems,
  screenshot,
  seriousAccessibilityViolations,
  setColourScheme,
} from './support/browser';
import { signInThroughForm } from './support/session';
import { e2eSuite } from './support/suite';

// The server sends its mail to a real SMTP server in this process; the tests read it there.
const catcher = await startMailCatcher();
const e = e2eSuite({ SMTP_URL: catcher.url });
afterAll(() => catcher.close());

/** Axe in light and dark, no sideways scrolling, then a screenshot. */
async function check(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await setColourScheme(page, scheme);
    expect(await seriousAccessibilityViolations(page), `${name} (${scheme})`).toEqual([]);
  }
  await setColourScheme(page, 'light');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  await screenshot(page, name);
}

describe('password reset by email', () => {
  it('forgot → the mailed link → a new password → sign in, on a phone and a desktop', async () => {
    await createAccount(e.t.ctx, {
      username: 'maya',
      email: 'maya@example.com',
      displayName: 'Maya Chen',
    });

    // On her phone: from the sign-in page, by keyboard.
    const phone = await openPage(e.browser, e.t.url, PHONE);
    await phone.goto('/sign-in');
    await phone.getByRole('link', { name: 'Forgot your password?' }).waitFor();
    await check(phone, 'password-sign-in-phone');
    await phone.getByRole('link', { name: 'Forgot your password?' }).click();
    await phone.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await check(phone, 'password-forgot-phone');
    await phone.getByLabel('Email').focus();
    await phone.keyboard.type('maya@example.com');
    await phone.keyboard.press('Enter');
    await phone.getByRole('heading', { name: 'Check your email' }).waitFor();
    await phone.getByText('If an account uses maya@example.com').waitFor();
    await check(phone, 'password-forgot-sent-phone');

    const mail = await catcher.waitFor((m) => m.to === 'maya@example.com');
    expect(mail.subject).toBe('Reset your Rapport password');
    const link = new URL(linkIn(mail, `${e.t.url}/reset-password?token=`));

    // She opens the link on her desktop.
    const desktop = await openPage(e.browser, e.t.url, DESKTOP);
    await desktop.goto(`${link.pathname}${link.search}`);
    await desktop.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await desktop.getByLabel('New password', { exact: true }).fill('a fresh start for maya');
    await desktop.getByLabel('New password again').fill('a fresh start for mya');
    await desktop.getByRole('button', { name: 'Change password' }).click();
    await desktop.getByText('The two passwords are not the same.').waitFor();
    await check(desktop, 'password-reset-mismatch-desktop');
    await desktop.getByLabel('New password again').fill('a fresh start for maya');
    await desktop.getByRole('button', { name: 'Change password' }).click();
    await desktop.getByRole('heading', { name: 'Your password has been changed' }).waitFor();
    await check(desktop, 'password-reset-done-desktop');
    await desktop.getByRole('link', { name: 'Sign in' }).click();
    await desktop.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInThroughForm(desktop, 'maya@example.com', PASSWORD);
    await desktop.getByRole('alert').first().waitFor();
    await signInThroughForm(desktop, 'maya', 'a fresh start for maya');
    await desktop.getByRole('heading', { name: 'Welcome, Maya Chen' }).waitFor();

    // The link is spent.
    await phone.goto(`${link.pathname}${link.search}`);
    await phone.getByLabel('New password', { exact: true }).fill('yet another passphrase');
    await phone.getByLabel('New password again').fill('yet another passphrase');
    await phone.getByRole('button', { name: 'Change password' }).click();
    await phone.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
    await check(phone, 'password-reset-spent-phone');

    for (const page of [phone, desktop]) expect(pageProblems(page)).toEqual([]);
    await Promise.all([phone, desktop].map((page) => page.context().close()));
  });
});

describe('the unsubscribe page', () => {
  it('unsubscribes from the link in a mail’s footer, and undoes it', async () => {
    const ana = await createAccount(e.t.ctx, { username: 'ana', email: 'ana@example.com' });
    const bo = await createAccount(e.t.ctx, { username: 'bo', displayName: 'Bo Lind' });
    // A community invitation is mailed by default.
    const token = await tokenFor(e.t.ctx, bo);
    const call = (path: string, body: unknown) =>
      fetch(`${e.t.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((reply) => reply.json() as Promise<{ id: string }>);
    const community = await call('/api/rapport/v1/communities', {
      name: 'Design Guild',
      privacy: 'public',
    });
    await call(`/api/rapport/v1/communities/${community.id}/members`, {
      account_ids: [String(ana.id)],
    });
    const mail = await catcher.waitFor((m) => m.to === 'ana@example.com');
    expect(mail.subject).toBe('Bo Lind invited you to the Design Guild community');
    const link = new URL(linkIn(mail, `${e.t.url}/unsubscribe?token=`));

    const phone = await openPage(e.browser, e.t.url, PHONE);
    await phone.goto(`${link.pathname}${link.search}`);
    await phone.getByText('Stop emails about community invitations?').waitFor();
    await check(phone, 'unsubscribe-ask-phone');
    // Opening the page changed nothing.
    expect((await preferencesOf(e.t.ctx.db, ana.id)).types.community_invitation.email).toBe(true);
    await phone.getByRole('button', { name: 'Unsubscribe' }).click();
    await phone.getByText('You will no longer get emails about community invitations.').waitFor();
    expect((await preferencesOf(e.t.ctx.db, ana.id)).types.community_invitation.email).toBe(false);
    await check(phone, 'unsubscribe-done-phone');
    await phone.getByRole('button', { name: 'Undo' }).click();
    await phone.getByText('Emails about community invitations are back on.').waitFor();
    expect((await preferencesOf(e.t.ctx.db, ana.id)).types.community_invitation.email).toBe(true);

    const desktop = await openPage(e.browser, e.t.url, DESKTOP);
    await desktop.goto(`${link.pathname}${link.search}`);
    await desktop.getByRole('button', { name: 'Unsubscribe' }).click();
    await desktop.getByRole('button', { name: 'Undo' }).waitFor();
    await check(desktop, 'unsubscribe-done-desktop');
    await desktop.goto(`${link.pathname}${link.search.slice(0, -3)}`);
    await desktop.getByRole('heading', { name: 'This unsubscribe link is not valid' }).waitFor();
    await check(desktop, 'unsubscribe-invalid-desktop');

    for (const page of [phone, desktop]) expect(pageProblems(page)).toEqual([]);
    await Promise.all([phone, desktop].map((page) => page.context().close()));
  });
});
