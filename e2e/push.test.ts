import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startSession } from '../packages/server/src/features/sessions/sessions.service';
import { csrfTokenFor } from '../packages/server/src/http/auth';
import { type PushReceiver, startPushReceiver } from '../packages/server/test/push-receiver';
import {
  openProfilePage,
  screenshot,
  seriousAccessibilityViolations,
  setColourScheme,
} from './support/browser';
import { signedInPage } from './support/session';
import { checkPage, type Member, member, post, VIEWPORTS } from './support/social';
import { type E2E, e2eSuite } from './support/suite';

/**
 * "Push notifications on this device" in a real Chromium. This machine has no network, so
 * Chromium's push service (Google's) is out of reach: a subscription can never be made here,
 * and the page must say so plainly. What the service worker does with a push is checked by
 * handing it, through the DevTools protocol, the very message the server encrypted for a
 * (test) push service.
 */

function pushCard(page: Page) {
  return page.getByRole('region', { name: 'Push notifications on this device' });
}

async function subscriptionCount(e: E2E, accountId: number): Promise<number> {
  const rows = await e.t.ctx.db
    .selectFrom('push_subscriptions')
    .select('id')
    .where('account_id', '=', accountId)
    .execute();
  return rows.length;
}

async function openSettings(page: Page): Promise<void> {
  await page.goto('/settings/notifications');
  await pushCard(page).getByText('Off', { exact: true }).waitFor();
}

/** The session cookie of `who`, as signedInPage sets it, for a page made elsewhere. */
async function signIn(e: E2E, page: Page, who: Member): Promise<void> {
  const { token } = await startSession(e.t.ctx.db, who.account, 'e2e');
  await page
    .context()
    .addCookies([
      { name: 'rapport_session', value: token, url: e.t.url, httpOnly: true, sameSite: 'Lax' },
    ]);
}

describe.each(VIEWPORTS)('push notifications on a %s', (label, viewport) => {
  let receiver: PushReceiver | undefined;
  const e = e2eSuite({ RAPPORT_PUSH_ALLOW: '127.0.0.1' }, async () => {
    receiver = await startPushReceiver();
  });
  afterAll(() => receiver?.close());

  it('registers the service worker and says plainly that the push service did not answer', async () => {
    const ana = await member(e.t, `ana_${label}`, 'Ana Silva');
    // An ordinary profile: Chromium really tries its push service here (and never gets an answer).
    const browser = await openProfilePage(e.t.url, viewport);
    try {
      const { page } = browser;
      await signIn(e, page, ana);
      await openSettings(page);
      const card = pushCard(page);
      await card.getByRole('heading', { name: 'Push notifications on this device' }).waitFor();
      await card.getByText('Not asked yet', { exact: true }).waitFor();
      const worker = await page.evaluate(
        async () => (await navigator.serviceWorker.ready).active?.scriptURL,
      );
      expect(worker).toBe(`${e.t.url}/sw.js`);

      await page.context().grantPermissions(['notifications'], { origin: e.t.url });
      await card.getByRole('button', { name: 'Turn on push notifications' }).click();
      await card.getByRole('button', { name: 'Turning on…' }).waitFor();
      const alert = card.getByRole('alert');
      await alert.waitFor({ timeout: 40_000 });
      expect(await alert.textContent()).toContain('this browser’s push service did not answer');
      expect(await alert.textContent()).toContain('Nothing was saved.');
      await card.getByText('Allowed', { exact: true }).waitFor();
      await card.getByText('Off', { exact: true }).waitFor();
      expect(await subscriptionCount(e, ana.account.id)).toBe(0);
      await checkPage(page, `push-unreachable-${label}`, card);
      await setColourScheme(page, 'dark');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      await screenshot(page, `push-unreachable-dark-${label}`, false);
    } finally {
      await browser.close();
    }
  });

  it('says so when the browser declines push (a private window) or notifications are blocked', async () => {
    const ben = await member(e.t, `ben_${label}`, 'Ben Okafor');
    const page = await signedInPage(e.browser, e.t, ben.account, viewport);
    await openSettings(page);
    const card = pushCard(page);
    // Blocked: headless Chromium answers the permission prompt with "denied".
    await card.getByRole('button', { name: 'Turn on push notifications' }).click();
    await card.getByText('Notifications are blocked for Rapport in this browser.').waitFor();
    await card.getByText('Blocked', { exact: true }).waitFor();
    await checkPage(page, `push-blocked-${label}`, card);

    // Allowed, but Chromium offers no push in a private (off-the-record) context.
    await page.context().grantPermissions(['notifications'], { origin: e.t.url });
    await card.getByRole('button', { name: 'Turn on push notifications' }).click();
    const alert = card.getByRole('alert');
    await alert.getByText('this browser declined to register for push').waitFor();
    expect(await alert.textContent()).toContain('The browser said: AbortError');
    expect(await subscriptionCount(e, ben.account.id)).toBe(0);
  });

  it('shows the message the server sends as a notification that opens the status', async () => {
    if (!receiver) throw new Error('no push receiver');
    const ana = await member(e.t, `cy_${label}`, 'Cy Moreau');
    const ben = await member(e.t, `dee_${label}`, 'Dee Park');
    // Ana's web session subscribes with a device of the test push service, which decrypts
    // what the server sends (RFC 8291) with that device's keys.
    const session = await startSession(e.t.ctx.db, ana.account, 'e2e');
    const device = receiver.device(`web-${label}`);
    const saved = await fetch(`${e.t.url}/api/rapport/v1/push/web-subscription`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `rapport_session=${session.token}`,
        'x-csrf-token': csrfTokenFor(e.t.ctx.secretKey, session.tokenHash),
      },
      body: JSON.stringify({
        endpoint: device.endpoint,
        keys: { p256dh: device.p256dh, auth: device.auth },
      }),
    });
    expect(saved.status).toBe(200);
    const status = await post(ben, `@${ana.username} the slides are ready`);
    await e.t.ctx.events.settled();
    const pushed = receiver.received.find(
      (push) => push.path === new URL(device.endpoint).pathname,
    );
    expect(pushed?.message).toMatchObject({ title: 'Dee Park mentioned you', url: status.url });

    const page = await signedInPage(e.browser, e.t, ana.account, viewport);
    await page.context().grantPermissions(['notifications'], { origin: e.t.url });
    const devtools = await page.context().newCDPSession(page);
    const registrations: string[] = [];
    devtools.on('ServiceWorker.workerRegistrationUpdated', (event) => {
      for (const each of event.registrations) {
        if (each.scopeURL === `${e.t.url}/`) registrations.push(each.registrationId);
      }
    });
    await devtools.send('ServiceWorker.enable');
    await openSettings(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await devtools.send('ServiceWorker.deliverPushMessage', {
      origin: e.t.url,
      registrationId: registrations.at(-1) ?? '',
      data: JSON.stringify(pushed?.message),
    });
    const shown = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      for (;;) {
        const list = await registration.getNotifications();
        if (list.length > 0) {
          return list.map(({ title, body, tag, data }) => ({ title, body, tag, data }));
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    expect(shown).toEqual([
      {
        title: 'Dee Park mentioned you',
        body: `@${ana.username} the slides are ready`,
        tag: `rapport-${pushed?.message.notification_id}`,
        data: { url: status.url },
      },
    ]);
  });
});
