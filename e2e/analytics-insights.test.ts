import type { AnalyticsPrivacy, AnalyticsSettings, MyInsights, Status } from '@rapport/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStatus } from '../packages/server/src/features/statuses/statuses.service';
import { viewerFrom } from '../packages/server/src/http/auth';
import { addMember, insertCommunity } from '../packages/server/test/community-factory';
import { PHONE, setColourScheme } from './support/browser';
import { open, type Person, person } from './support/network';
import { checkPage, shoot, tabTo } from './support/social';
import { e2eSuite } from './support/suite';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('my insights and the analytics settings', () => {
  const e = e2eSuite();
  let mia: Person;
  let leo: Person;
  let noa: Person;
  let ada: Person;
  let newcomer: Person;

  /** A status written at a past moment, through the service the API uses. */
  const past = (who: Person, at: number, status: string, extra: Record<string, string> = {}) =>
    createStatus(
      e.t.ctx,
      viewerFrom(who.account),
      { status, ...extra },
      { applicationId: null, at },
    );

  // Eight weeks of Mia's history: she posts, answers (and favourites) Leo's questions in the
  // help desk within hours, and Noa replies to her; this week her post gets reactions too.
  // Replies and reactions are most of what she gives: a responder.
  beforeAll(async () => {
    mia = await person(e, 'mia', 'Mia Novak', 'Support Engineer', 'Support');
    leo = await person(e, 'leo', 'Leo Hart', 'Sales Lead', 'Sales');
    noa = await person(e, 'noa', 'Noa Berg', 'Designer', 'Design');
    ada = await person(e, 'ada', 'Ada Quinn', 'Operations', 'Operations', { role: 'admin' });
    newcomer = await person(e, 'ivo', 'Ivo Lind', 'Analyst', 'Finance');
    const helpDesk = await insertCommunity(e.t.ctx, { name: 'Help desk' });
    const design = await insertCommunity(e.t.ctx, { name: 'Design crit' });
    for (const who of [mia, leo, noa]) {
      await addMember(e.t.ctx, helpDesk.id, who.account.id);
      await addMember(e.t.ctx, design.id, who.account.id);
    }
    const now = Date.now();
    for (let week = 7; week >= 1; week--) {
      const start = now - week * 7 * DAY;
      const own = await past(mia, start, `Week ${8 - week}: what support learned`);
      for (let n = 0; n < (week % 3) + 1; n++) {
        const asked = start + (n + 1) * HOUR;
        const question = await past(leo, asked, `How do I fix issue ${week}-${n}?`, {
          kind: 'question',
          community_id: String(helpDesk.id),
        });
        await past(mia, asked + (n + 1) * 1.5 * HOUR, 'Try this first', {
          in_reply_to_id: String(question.id),
        });
        await mia.api.post(`/api/v1/statuses/${question.id}/favourite`);
      }
      await past(noa, start + 5 * HOUR, 'Thanks for sharing', { in_reply_to_id: String(own.id) });
      if (week % 2 === 0) {
        const sketch = await past(noa, start + 6 * HOUR, 'New icons for review', {
          community_id: String(design.id),
        });
        await past(mia, start + 7 * HOUR, 'Love the contrast', {
          in_reply_to_id: String(sketch.id),
        });
      }
    }
    const latest = await mia.api.post<Status>('/api/v1/statuses', {
      status: 'Runbook for the VPN is updated',
    });
    await leo.api.post(`/api/v1/statuses/${latest.body.id}/favourite`);
    await noa.api.post(`/api/v1/statuses/${latest.body.id}/reblog`);
  });

  it('a member opens My insights from the account menu and sees their persona and chart', async () => {
    const page = await open(e, mia, '/');
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'My insights' }).click();
    await page.waitForURL(/\/insights$/);
    await page.getByRole('heading', { level: 1, name: 'My insights' }).waitFor();
    await page.getByText('Only you can see this page.').waitFor();

    const persona = page.getByRole('region', { name: 'Your persona in this period' });
    await persona
      .getByRole('paragraph')
      .filter({ hasText: /^Responder$/ })
      .waitFor();
    await persona.getByText('you keep conversations going').waitFor();
    // The rules with the server's thresholds, the person's own marked.
    await persona.getByText('How personas are worked out').click();
    await persona.getByText('at least 75% of what they give').waitFor();
    expect(await persona.locator('.insights-persona-current').textContent()).toContain(
      'Responder (you)',
    );

    const chart = page.getByRole('figure', { name: 'Week by week' });
    await chart.locator('svg').first().waitFor();
    expect(await chart.locator('[data-series]').count()).toBe(3);
    await page
      .getByRole('figure', { name: 'Where you help most' })
      .getByRole('rowheader', { name: 'Help desk' })
      .waitFor({ state: 'attached' });
    const answers = page.getByRole('region', { name: 'How quickly you answer' });
    expect(await answers.textContent()).toMatch(/Typical time to answer\s*[\d.]+ hours?/);

    // The figures match the API, which answers for the signed-in person alone.
    const api = await mia.api.get<MyInsights>('/api/rapport/v1/analytics/me');
    const figures = page.getByRole('region', { name: 'In numbers' });
    expect(await figures.textContent()).toContain(`Contributions${api.body.contributions}`);
    expect(api.body.reactions_received).toBe(2);

    await checkPage(page, 'insights-desktop');
    await setColourScheme(page, 'dark');
    await shoot(page, 'insights-desktop-dark');
    await setColourScheme(page, 'light');

    // The period, by keyboard: four weeks.
    const fourWeeks = page.getByRole('button', { name: 'Last 4 weeks' });
    await tabTo(page, fourWeeks);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?weeks=4$/);
    await expect.poll(() => fourWeeks.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => chart.locator('.chart-x-labels text').count()).toBeLessThanOrEqual(4);

    // A CSV download of the same period.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV: week by week' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rapport-my-insights.csv');
  });

  it('works on a phone', async () => {
    const phone = await open(e, mia, '/insights?weeks=12', PHONE);
    await phone
      .getByRole('paragraph')
      .filter({ hasText: /^Responder$/ })
      .waitFor();
    await shoot(phone, 'insights-phone-top');
    const chart = phone.getByRole('figure', { name: 'Week by week' });
    await chart.locator('svg').first().waitFor();
    await checkPage(phone, 'insights-phone-chart', chart);
    const helped = phone.getByRole('figure', { name: 'Where you help most' });
    await shoot(phone, 'insights-phone-communities', helped);
  });

  it('says so when there is nothing yet', async () => {
    const page = await open(e, newcomer, '/insights', PHONE);
    await page.getByText('Nothing to show for this period yet').waitFor();
    await checkPage(page, 'insights-empty-phone');
  });

  it('lets a member leave team and community analytics from Settings, Privacy', async () => {
    const page = await open(e, mia, '/settings/privacy');
    const section = page.getByRole('region', { name: 'Team and community analytics' });
    const toggle = section.getByRole('switch', {
      name: 'Count me in team and community analytics',
    });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.focus();
    await page.keyboard.press('Space');
    await section.getByText('You are now counted in organisation-wide totals only.').waitFor();
    const saved = await mia.api.get<AnalyticsPrivacy>('/api/rapport/v1/preferences/analytics');
    expect(saved.body).toEqual({ counted: false });
    await checkPage(page, 'insights-privacy-desktop', section);

    const phone = await open(e, mia, '/settings/privacy', PHONE);
    const again = phone.getByRole('switch', { name: 'Count me in team and community analytics' });
    await again.waitFor();
    expect(await again.isChecked()).toBe(false);
    await again.click();
    await phone.getByText('You are counted in team and community analytics.').waitFor();
    await checkPage(
      phone,
      'insights-privacy-phone',
      phone.getByRole('region', { name: 'Team and community analytics' }),
    );
    expect(
      (await mia.api.get<AnalyticsPrivacy>('/api/rapport/v1/preferences/analytics')).body,
    ).toEqual({ counted: true });
  });

  it('lets an admin set the minimum group size', async () => {
    const page = await open(e, ada, '/admin');
    await page
      .getByRole('navigation', { name: 'Administration sections' })
      .getByRole('link', { name: 'Analytics' })
      .click();
    await page.waitForURL(/\/admin\/analytics$/);
    const field = page.getByLabel('Minimum group size');
    await expect.poll(() => field.inputValue()).toBe('5');
    await page.getByText('nobody can be singled out in a small team').waitFor();

    await field.fill('2');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter a whole number between 3 and 100.').waitFor();
    await expect.poll(() => field.evaluate((input) => input === document.activeElement)).toBe(true);
    const unchanged = await ada.api.get<AnalyticsSettings>('/api/rapport/v1/analytics/settings');
    expect(unchanged.body).toEqual({ min_group_size: 5 });

    await field.fill('7');
    await page.keyboard.press('Enter');
    await page.getByText('The minimum group size is now 7.').waitFor();
    const saved = await ada.api.get<AnalyticsSettings>('/api/rapport/v1/analytics/settings');
    expect(saved.body).toEqual({ min_group_size: 7 });
    await checkPage(page, 'insights-admin-group-size-desktop');

    const phone = await open(e, ada, '/admin/analytics', PHONE);
    await expect.poll(() => phone.getByLabel('Minimum group size').inputValue()).toBe('7');
    await checkPage(phone, 'insights-admin-group-size-phone');
  });
});
