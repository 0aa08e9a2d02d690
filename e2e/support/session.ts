import type { Browser, Page } from 'playwright-core';
import type { AccountRow } from '../../packages/server/src/features/accounts/accounts.queries';
import { startSession } from '../../packages/server/src/features/sessions/sessions.service';
import type { TestApp } from '../../packages/server/test/harness';
import { DESKTOP, openPage } from './browser';

/**
 * A page already signed in as `account`: the session is opened on the server and its cookie
 * handed to a fresh browser context, for tests whose subject is not the sign-in form.
 */
export async function signedInPage(
  browser: Browser,
  t: TestApp,
  account: AccountRow,
  viewport = DESKTOP,
): Promise<Page> {
  const page = await openPage(browser, t.url, viewport);
  const { token } = await startSession(t.ctx.db, account, 'e2e');
  await page
    .context()
    .addCookies([
      { name: 'rapport_session', value: token, url: t.url, httpOnly: true, sameSite: 'Lax' },
    ]);
  return page;
}

/** Signs in through the form, as a person would. */
export async function signInThroughForm(
  page: Page,
  login: string,
  password: string,
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email or username').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
