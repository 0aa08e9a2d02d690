import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_MEMBER, seedDemo } from '../packages/server/src/demo/seed';
import { findAccountByUsername } from '../packages/server/src/features/accounts/accounts.queries';
import { tokenFor } from '../packages/server/test/factories';
import {
  DESKTOP,
  openPage,
  PHONE,
  pageProblems,
  screenshot,
  seriousAccessibilityViolations,
  setColourScheme,
} from './support/browser';
import { signedInPage } from './support/session';
import { e2eSuite } from './support/suite';

const e = e2eSuite({ RAPPORT_REGISTRATIONS: 'open' }, (t) => seedDemo(t.ctx));

/** Every page: no serious axe violation, no sideways scrolling, no script or CSP error. */
async function check(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
  expect(await seriousAccessibilityViolations(page), name).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  for (const scheme of ['light', 'dark'] as const) {
    await setColourScheme(page, scheme);
    if (scheme === 'dark')
      expect(await seriousAccessibilityViolations(page), `${name} (dark)`).toEqual([]);
    await screenshot(page, `pages-${name}-${scheme}`);
  }
  await setColourScheme(page, 'light');
  expect(pageProblems(page), name).toEqual([]);
}

const memberPages = [
  '/',
  '/people',
  '/@ana_silva',
  '/settings/profile',
  '/settings/account',
  '/messages',
  '/settings/messages',
  '/settings/notifications',
  '/inbox',
  '/pages',
  '/communities',
  '/events',
  '/events/new',
  '/no-such-page',
];
const adminPages = ['/admin/accounts', '/admin/invitations'];

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('every page on a %s', (label, viewport) => {
  it('signed out: sign-in and sign-up', async () => {
    const page = await openPage(e.browser, e.t.url, viewport);
    for (const path of ['/sign-in', '/sign-up']) {
      await page.goto(path);
      await check(page, `${path.slice(1)}-${label}`);
    }
    await page.context().close();
  });

  it('as the demo member', async () => {
    const ana = await findAccountByUsername(e.t.ctx.db, DEMO_MEMBER.username);
    const page = await signedInPage(e.browser, e.t, ana as NonNullable<typeof ana>, viewport);
    for (const path of memberPages) {
      await page.goto(path);
      await check(page, `${path === '/' ? 'home' : path.slice(1).replaceAll('/', '-')}-${label}`);
    }
    // One of the demo member's communities: cover, header, section tabs and timeline.
    const member = ana as NonNullable<typeof ana>;
    const reply = await fetch(`${e.t.url}/api/rapport/v1/communities?membership=member&limit=1`, {
      headers: { authorization: `Bearer ${await tokenFor(e.t.ctx, member)}` },
    });
    const [first] = (await reply.json()) as Array<{ id: string }>;
    expect(first, 'the demo member is in a community').toBeDefined();
    await page.goto(`/communities/${first?.id}`);
    await check(page, `community-${label}`);
    // The demo organisation fills the directory with people and portraits.
    await page.goto('/people');
    await page.getByRole('button', { name: 'Load more' }).waitFor();
    expect(await page.getByRole('main').locator('img').count()).toBeGreaterThan(20);
    await page.context().close();
  });

  it('as the demo admin', async () => {
    const admin = await findAccountByUsername(e.t.ctx.db, DEMO_ADMIN.username);
    const page = await signedInPage(e.browser, e.t, admin as NonNullable<typeof admin>, viewport);
    for (const path of adminPages) {
      await page.goto(path);
      await check(page, `${path.slice(1).replaceAll('/', '-')}-${label}`);
    }
    await page.getByLabel('Show').selectOption('used_up');
    await page.getByText('Autumn interns').waitFor();
    await page.context().close();
  });
});
