import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInPage } from './support/session';
import {
  checkPage,
  follow,
  markDocument,
  member,
  notificationsOf,
  post,
  shoot,
  statusCard,
  userStreamOpened,
  VIEWPORTS,
} from './support/social';
import { e2eSuite } from './support/suite';

/** Live arrivals may take a moment more than a page's own requests. */
const LIVE = { timeout: 10_000 };

function notificationsLink(page: Page) {
  return page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Notifications/ });
}

describe.each(VIEWPORTS)('live updates on a %s', (label, viewport) => {
  const e = e2eSuite();

  it('follows from the profile, then sees new statuses and notifications arrive without reloading', async () => {
    const ana = await member(e.t, 'ana', 'Ana Silva');
    const bruno = await member(e.t, 'bruno', 'Bruno Costa');
    const carla = await member(e.t, 'carla', 'Carla Mendes');
    for (let n = 1; n <= 8; n++) await post(bruno, `Weekly note number ${n} from the design team`);
    // One unread notification before the page opens, so the badge is seen to go up.
    await follow(carla, ana);

    const page = await signedInPage(e.browser, e.t, ana.account, viewport);
    const streaming = userStreamOpened(page);
    await page.goto('/@bruno');
    await page.getByRole('heading', { level: 1, name: 'Bruno Costa' }).waitFor();
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page.getByRole('button', { name: 'Unfollow' }).waitFor();
    await page.getByRole('link', { name: '1 follower' }).waitFor();
    await checkPage(page, `social-live-profile-${label}`);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Home' })
      .click();
    const home = page.getByRole('region', { name: 'Home timeline' });
    // Following brings the person's recent statuses into the home timeline.
    await statusCard(home, 'Weekly note number 8').waitFor();
    await expect.poll(() => notificationsLink(page).textContent()).toContain('(1 unread)');
    const stillTheSameDocument = await markDocument(page);

    // At the top of the timeline, a new status goes straight in.
    await streaming;
    await post(bruno, 'Kickoff moved to 10:00 tomorrow');
    const kickoff = statusCard(home, 'Kickoff moved to 10:00');
    await kickoff.waitFor(LIVE);
    expect(await home.locator('article[data-status-id]').first().textContent()).toContain(
      'Kickoff moved',
    );

    // Further down, it waits behind a button, so nothing moves under the reader's eyes.
    await page.evaluate(() => window.scrollTo(0, 700));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(80);
    await post(bruno, 'The workshop room changed to 4B');
    const showNew = page.getByRole('button', { name: 'Show 1 new status' });
    await showNew.waitFor(LIVE);
    expect(await statusCard(home, 'workshop room changed').count()).toBe(0);
    await shoot(page, `social-live-new-button-${label}`, showNew);
    await showNew.click();
    const workshop = statusCard(home, 'workshop room changed');
    await workshop.waitFor();
    // The focus moves to the first new status.
    await expect
      .poll(() => workshop.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await shoot(page, `social-live-revealed-${label}`, workshop);

    // A mention raises the unread count at once.
    await post(bruno, '@ana can you review the budget before Friday?');
    await expect.poll(() => notificationsLink(page).textContent(), LIVE).toContain('(2 unread)');
    expect(await notificationsLink(page).locator('.nav-badge').textContent()).toBe('2');
    await checkPage(page, `social-live-badge-${label}`, notificationsLink(page));
    expect(await stillTheSameDocument()).toBe(true);

    // Opening the notifications lists the mention and clears the badge.
    await notificationsLink(page).click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    const mention = page.getByRole('article', { name: 'Bruno Costa mentioned you' });
    await mention.getByText('can you review the budget').waitFor();
    await page.getByRole('article', { name: 'Carla Mendes followed you' }).waitFor();
    await expect.poll(() => notificationsLink(page).locator('.nav-badge').count()).toBe(0);
    expect(await notificationsLink(page).textContent()).not.toContain('unread');
    await expect
      .poll(
        async () =>
          (await ana.api.get<{ count: number }>('/api/v1/notifications/unread_count')).body.count,
      )
      .toBe(0);

    // Another mention while the list is open appears on top of it.
    await post(bruno, '@ana and the slides too, please');
    await page
      .getByRole('article', { name: 'Bruno Costa mentioned you' })
      .filter({ hasText: 'the slides too' })
      .waitFor(LIVE);
    // Seen as it arrives: it does not count as unread.
    await expect.poll(() => notificationsLink(page).locator('.nav-badge').count()).toBe(0);
    expect(await stillTheSameDocument()).toBe(true);
    await page.context().close();
  });

  it('groups favourites of one status, lists everyone in the group, dismisses one and clears them all', async () => {
    const eva = await member(e.t, 'eva', 'Eva Schmidt');
    const finn = await member(e.t, 'finn', 'Finn Weber');
    const gina = await member(e.t, 'gina', 'Gina Rossi');
    const hugo = await member(e.t, 'hugo', 'Hugo Lind');
    const ines = await member(e.t, 'ines', 'Ines Duarte');
    const jon = await member(e.t, 'jon', 'Jon Berg');
    const won = await post(eva, 'Our team won the hackathon!');
    for (const fan of [finn, gina, ines]) {
      expect((await fan.api.post(`/api/v1/statuses/${won.id}/favourite`)).status).toBe(200);
    }
    expect((await gina.api.post(`/api/v1/statuses/${won.id}/reblog`)).status).toBe(200);
    await follow(hugo, eva);

    const page = await signedInPage(e.browser, e.t, eva.account, viewport);
    const streaming = userStreamOpened(page);
    await page.goto('/notifications');
    const favourited = page.getByRole('article', {
      name: 'Ines Duarte and 2 others favourited your status',
    });
    const boosted = page.getByRole('article', { name: 'Gina Rossi boosted your status' });
    const followed = page.getByRole('article', { name: 'Hugo Lind followed you' });
    await followed.waitFor();
    for (const [item, text] of [
      [favourited, 'and 2 others favourited your status'],
      [boosted, 'boosted your status'],
      [followed, 'followed you'],
    ] as const) {
      expect(await item.locator('.notification-text').textContent()).toMatch(text);
    }
    // Newest first: the favourites are one group, where its newest favourite puts it.
    expect(
      await page.getByRole('article').evaluateAll((items) => items.map((i) => i.ariaLabel)),
    ).toEqual([
      'Hugo Lind followed you',
      'Gina Rossi boosted your status',
      'Ines Duarte and 2 others favourited your status',
    ]);
    // The faces of the three, newest first, and the status it is about.
    expect(await favourited.locator('.notification-avatars li').count()).toBe(3);
    await favourited.getByText('Our team won the hackathon!').waitFor();
    await boosted.getByText('Our team won the hackathon!').waitFor();
    await followed.getByRole('link', { name: 'Hugo Lind' }).first().waitFor();
    await checkPage(page, `social-notifications-${label}`, favourited);

    // Everyone in the group, on request.
    const showAll = favourited.getByRole('button', { name: 'Show all 3 people' });
    await showAll.click();
    const people = favourited.getByRole('list', { name: 'Everyone in this group' });
    await people.getByRole('link', { name: 'Finn Weber' }).waitFor();
    expect(await people.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Ines Duarte'),
      expect.stringContaining('Gina Rossi'),
      expect.stringContaining('Finn Weber'),
    ]);
    expect(
      await favourited
        .getByRole('button', { name: 'Hide the people' })
        .getAttribute('aria-expanded'),
    ).toBe('true');
    await checkPage(page, `social-notifications-group-open-${label}`, favourited);

    // Another favourite while the page is open joins the group, which moves to the top.
    await streaming;
    expect((await jon.api.post(`/api/v1/statuses/${won.id}/favourite`)).status).toBe(200);
    const grown = page.getByRole('article', {
      name: 'Jon Berg and 3 others favourited your status',
    });
    await grown.waitFor(LIVE);
    expect(await page.getByRole('article').first().getAttribute('aria-label')).toBe(
      'Jon Berg and 3 others favourited your status',
    );
    expect(await grown.locator('.notification-avatars li').count()).toBe(4);

    await followed.getByRole('button', { name: 'Dismiss this notification' }).click();
    await page.getByText('Notification dismissed.').waitFor();
    await followed.waitFor({ state: 'detached' });
    // The focus moves on to the next notification rather than getting lost.
    await expect
      .poll(() => boosted.evaluate((element) => element === document.activeElement))
      .toBe(true);
    expect((await notificationsOf(eva)).map((n) => n.type).sort()).toEqual([
      'favourite',
      'favourite',
      'favourite',
      'favourite',
      'reblog',
    ]);

    // A whole group is dismissed at once.
    await grown.getByRole('button', { name: 'Dismiss these notifications' }).click();
    await grown.waitFor({ state: 'detached' });
    expect((await notificationsOf(eva)).map((n) => n.type)).toEqual(['reblog']);

    await page.getByRole('button', { name: 'Clear all' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clear all notifications?' });
    await dialog.waitFor();
    await checkPage(page, `social-notifications-clear-dialog-${label}`, dialog);
    await dialog.getByRole('button', { name: 'Clear all' }).click();
    await page.getByText('All notifications were cleared.').waitFor();
    await page.getByText('No notifications yet.').waitFor();
    expect(await page.getByRole('button', { name: 'Clear all' }).isDisabled()).toBe(true);
    expect(await notificationsOf(eva)).toEqual([]);
    await shoot(page, `social-notifications-cleared-${label}`);
    await page.context().close();
  });
});
