import { describe, expect, it } from 'vitest';
import { findAccountById } from '../packages/server/src/features/accounts/accounts.queries';
import { createAccount, PASSWORD } from '../packages/server/test/factories';
import {
  DESKTOP,
  PHONE,
  pageProblems,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser';
import { signedInPage, signInThroughForm } from './support/session';
import { e2eSuite } from './support/suite';

const e = e2eSuite();

describe('administration', () => {
  it('suspends an account, which ends its sessions, and lets it back in after unsuspending', async () => {
    const admin = await createAccount(e.t.ctx, {
      username: 'root',
      displayName: 'Rita Admin',
      role: 'admin',
    });
    const member = await createAccount(e.t.ctx, { username: 'max', displayName: 'Max Weber' });

    const memberPage = await signedInPage(e.browser, e.t, member, PHONE);
    await memberPage.goto('/');
    await memberPage.getByRole('heading', { name: 'Welcome, Max Weber' }).waitFor();

    const page = await signedInPage(e.browser, e.t, admin, DESKTOP);
    await page.goto('/admin/accounts');
    await page.getByRole('button', { name: 'Suspend Max Weber' }).click();
    const dialog = page.getByRole('dialog', { name: 'Suspend Max Weber?' });
    await dialog.waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-suspend-dialog-desktop');
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await page.getByText('Max Weber has been suspended.').waitFor();
    expect((await findAccountById(e.t.ctx.db, member.id))?.suspended).toBe(1);
    await screenshot(page, 'admin-suspended-desktop');

    // Max's open session stops working: the next page load lands on sign-in.
    await memberPage.goto('/people');
    await memberPage.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInThroughForm(memberPage, 'max', PASSWORD);
    await memberPage
      .getByText(/suspended/i)
      .first()
      .waitFor();
    await screenshot(memberPage, 'admin-suspended-member-sign-in-phone');

    // The filter shows suspended accounts; unsuspending lets Max in again.
    await page.getByLabel('Status').selectOption('suspended');
    await page.getByRole('button', { name: 'Unsuspend Max Weber' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Unsuspend' }).click();
    await expect
      .poll(async () => (await findAccountById(e.t.ctx.db, member.id))?.suspended)
      .toBe(0);
    await signInThroughForm(memberPage, 'max', PASSWORD);
    // Back where Max was going when the session ended.
    await memberPage.getByLabel('Search people').waitFor();

    for (const p of [page, memberPage]) expect(pageProblems(p)).toEqual([]);
  });

  it('changes a role, and never the admin’s own', async () => {
    const admin = await createAccount(e.t.ctx, {
      username: 'boss',
      displayName: 'Bea Boss',
      role: 'admin',
    });
    const member = await createAccount(e.t.ctx, { username: 'nia', displayName: 'Nia Okafor' });
    const page = await signedInPage(e.browser, e.t, admin, PHONE);
    await page.goto('/admin/accounts');
    await page.getByLabel('Role of Nia Okafor').selectOption('guest');
    await page.getByText(/Nia Okafor is now Guest/).waitFor();
    expect((await findAccountById(e.t.ctx.db, member.id))?.role).toBe('guest');
    expect(await page.getByLabel('Role of Bea Boss').isDisabled()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-accounts-phone');

    // A member cannot reach the admin pages.
    const memberPage = await signedInPage(
      e.browser,
      e.t,
      await createAccount(e.t.ctx, { username: 'eve' }),
      PHONE,
    );
    await memberPage.goto('/admin/accounts');
    expect(await memberPage.getByRole('button', { name: /Suspend/ }).count()).toBe(0);
    expect(await memberPage.getByRole('link', { name: 'Admin' }).count()).toBe(0);
  });
});
