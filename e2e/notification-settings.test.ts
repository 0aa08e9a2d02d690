import type { NotificationPreferences } from '@rapport/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInPage } from './support/session';
import { checkPage, member, tabTo, VIEWPORTS } from './support/social';
import { e2eSuite } from './support/suite';

/** The switch for one type and channel, named by its row and column ("Someone follows you Email"). */
function channelSwitch(page: Page, type: string, channel: 'In app' | 'Email' | 'Push') {
  return page.getByRole('switch', { name: `${type} ${channel}`, exact: true });
}

describe.each(VIEWPORTS)('notification settings on a %s', (label, viewport) => {
  const e = e2eSuite();

  it('turns types and channels on and off, sets quiet hours and the digest, and saves', async () => {
    const eva = await member(e.t, 'eva', 'Eva Schmidt');
    const page = await signedInPage(e.browser, e.t, eva.account, viewport);
    // The browser is in Lisbon: quiet hours start in its time zone.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Europe/Lisbon' });
    await page.goto('/settings/profile');
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Notifications' })
      .click();
    await page.getByRole('table', { name: 'Notification types and channels' }).waitFor();

    // Every type a member can be told about, grouped; reports to review are for moderators.
    for (const group of [
      'Messages',
      'Mentions and replies',
      'Questions',
      'Communities',
      'Events',
      'Reactions',
      'Follows',
      'Moderation',
    ]) {
      await page.getByRole('columnheader', { name: group }).waitFor();
    }
    expect(await page.getByRole('rowheader', { name: 'A new report to review' }).count()).toBe(0);
    const favouriteInApp = channelSwitch(page, 'Someone favourites your status', 'In app');
    expect(await favouriteInApp.isChecked()).toBe(true);
    expect(await channelSwitch(page, 'Someone follows you', 'Email').isChecked()).toBe(false);
    expect(await channelSwitch(page, 'Direct messages', 'Push').isChecked()).toBe(true);
    const zone = page.getByLabel('Time zone');
    expect(await zone.inputValue()).toBe('Europe/Lisbon');
    expect(await zone.isDisabled()).toBe(true);

    // By keyboard: Tab to a switch, Space turns it off.
    await tabTo(page, favouriteInApp, 120);
    await page.keyboard.press('Space');
    expect(await favouriteInApp.isChecked()).toBe(false);
    await channelSwitch(page, 'Someone follows you', 'Email').click();
    await page.getByRole('switch', { name: 'Pause email and push during quiet hours' }).check();
    await page.getByLabel('From', { exact: true }).fill('21:30');
    await page.getByLabel('To', { exact: true }).fill('07:00');
    await page.getByRole('radio', { name: 'Daily' }).check();
    await checkPage(page, `notification-settings-${label}`, favouriteInApp);

    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByText('Your notification settings are saved.').waitFor();
    const saved = await eva.api.get<NotificationPreferences>(
      '/api/rapport/v1/preferences/notifications',
    );
    expect(saved.body.types.favourite).toEqual({ in_app: false, email: false, push: false });
    expect(saved.body.types.follow.email).toBe(true);
    expect(saved.body.quiet_hours).toEqual({
      enabled: true,
      from: '21:30',
      to: '07:00',
      time_zone: 'Europe/Lisbon',
    });
    expect(saved.body.digest).toBe('daily');

    // Opened again, the page shows what was saved.
    await page.reload();
    await page.getByRole('table', { name: 'Notification types and channels' }).waitFor();
    expect(await channelSwitch(page, 'Someone favourites your status', 'In app').isChecked()).toBe(
      false,
    );
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('21:30');
    expect(await page.getByRole('radio', { name: 'Daily' }).isChecked()).toBe(true);
    await page.context().close();
  });

  it('shows what the server says when it refuses, next to the field it is about', async () => {
    const finn = await member(e.t, 'finn', 'Finn Weber');
    const page = await signedInPage(e.browser, e.t, finn.account, viewport);
    // A zone this browser knows and the server does not (an older time zone database).
    await page.route('**/api/rapport/v1/preferences/notifications', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 422,
            contentType: 'application/json',
            body: JSON.stringify({
              error: 'Validation failed: Quiet hours time zone is not a known time zone',
              code: 'validation_failed',
              details: { 'quiet_hours.time_zone': ['is not a known time zone'] },
            }),
          })
        : route.continue(),
    );
    await page.goto('/settings/notifications');
    await page.getByRole('switch', { name: 'Pause email and push during quiet hours' }).check();
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByText('Time zone is not a known time zone').waitFor();
    expect(await page.getByText('Your notification settings are saved.').count()).toBe(0);
    await checkPage(page, `notification-settings-error-${label}`, page.getByLabel('Time zone'));
    await page.context().close();
  });
});
