import { describe, expect, it } from 'vitest';
import { findAccountByUsername } from '../packages/server/src/features/accounts/accounts.queries';
import { prepareSetupLink } from '../packages/server/src/features/sessions/setup.service';
import {
  DESKTOP,
  openPage,
  PHONE,
  pageProblems,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser';
import { signInThroughForm } from './support/session';
import { e2eSuite } from './support/suite';

const e = e2eSuite();

describe('a new organisation', () => {
  it('creates the first admin from the one-time setup link, then invites a colleague who joins', async () => {
    const link = await prepareSetupLink(e.t.ctx);
    expect(link).toBeDefined();
    const setupPath = new URL(link as string).pathname;

    // The sign-in page explains where the setup link is while there is no admin.
    const visitor = await openPage(e.browser, e.t.url, PHONE);
    await visitor.goto('/sign-in');
    await expect
      .poll(() =>
        visitor
          .getByText(/setup link/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await screenshot(visitor, 'first-run-sign-in-phone');
    await visitor.context().close();

    const admin = await openPage(e.browser, e.t.url, DESKTOP);
    await admin.goto(setupPath);
    await admin.getByRole('heading', { name: 'Set up Rapport' }).waitFor();
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);
    await screenshot(admin, 'first-run-setup-desktop');
    await admin.getByLabel('Full name').fill('Ada Lovelace');
    await admin.getByLabel('Username').fill('ada');
    await admin.getByLabel('Email').fill('ada@example.com');
    await admin.getByLabel('Password', { exact: true }).fill('analytical engine');
    await admin.getByRole('button', { name: 'Create administrator account' }).click();
    await admin.getByRole('heading', { name: 'Welcome, Ada Lovelace' }).waitFor();
    expect((await findAccountByUsername(e.t.ctx.db, 'ada'))?.role).toBe('admin');
    await screenshot(admin, 'first-run-admin-home-desktop');

    // The link is spent.
    const late = await openPage(e.browser, e.t.url, PHONE);
    await late.goto(setupPath);
    await late.getByRole('heading', { name: 'Setup link not valid' }).waitFor();
    await late.context().close();

    // The admin invites a colleague.
    await admin.getByRole('link', { name: 'Invite people' }).click();
    await admin.getByLabel('Note').fill('For Grace in Engineering');
    await admin.getByRole('button', { name: 'Create invitation' }).click();
    await admin.getByText('Invitation created').waitFor();
    const inviteUrl = await admin.getByLabel('Invitation link').first().inputValue();
    expect(inviteUrl).toMatch(/\/invite\/\w+$/);
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);
    await screenshot(admin, 'first-run-invitation-desktop');

    // The colleague opens the link on a phone and joins.
    const grace = await openPage(e.browser, e.t.url, PHONE);
    await grace.goto(new URL(inviteUrl).pathname);
    await grace.getByRole('heading', { name: 'You are invited' }).waitFor();
    expect(await seriousAccessibilityViolations(grace)).toEqual([]);
    await screenshot(grace, 'first-run-invite-phone');
    await grace.getByLabel('Full name').fill('Grace Hopper');
    await grace.getByLabel('Username').fill('grace');
    await grace.getByLabel('Email').fill('grace@example.com');
    await grace.getByLabel('Password', { exact: true }).fill('compiler pioneer');
    await grace.getByLabel(/I agree/).check();
    await grace.getByRole('button', { name: 'Create account' }).click();
    await grace.getByRole('heading', { name: 'Welcome, Grace Hopper' }).waitFor();
    await screenshot(grace, 'first-run-member-home-phone');
    const created = await findAccountByUsername(e.t.ctx.db, 'grace');
    expect(created?.role).toBe('member');
    expect(created?.invited_by_id).toBe((await findAccountByUsername(e.t.ctx.db, 'ada'))?.id);

    // She signs out and back in.
    await grace.getByRole('button', { name: /Account menu/ }).click();
    await grace.getByRole('menuitem', { name: 'Sign out' }).click();
    await grace.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInThroughForm(grace, 'grace@example.com', 'wrong password!');
    await grace.getByRole('alert').first().waitFor();
    await screenshot(grace, 'first-run-wrong-password-phone');
    await signInThroughForm(grace, 'grace', 'compiler pioneer');
    await grace.getByRole('heading', { name: 'Welcome, Grace Hopper' }).waitFor();

    // The invitation was for one person: it is used up now.
    const other = await openPage(e.browser, e.t.url, PHONE);
    await other.goto(new URL(inviteUrl).pathname);
    await other.getByRole('heading', { name: 'Invitation not valid' }).waitFor();

    for (const page of [admin, grace, other]) expect(pageProblems(page)).toEqual([]);
    await Promise.all([admin, grace, other].map((page) => page.context().close()));
  });
});
