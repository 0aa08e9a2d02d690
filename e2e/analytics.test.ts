import fs from 'node:fs';
import type { Status } from '@rapport/schema';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, insertCommunity } from '../packages/server/test/community-factory';
import { DESKTOP, PHONE, setColourScheme } from './support/browser';
import { open, type Person, person, reply } from './support/network';
import { checkPage, post, settled, shoot } from './support/social';
import { e2eSuite } from './support/suite';

/** A question (a status of kind question), through the API as a client would ask it. */
async function ask(asker: Person, text: string, communityId?: number): Promise<Status> {
  const res = await asker.api.post<Status>('/api/v1/statuses', {
    status: text,
    kind: 'question',
    ...(communityId ? { community_id: String(communityId) } : {}),
  });
  return res.body;
}

/** The `d` of every drawn path matching `selector`: charts draw from data, so none is empty. */
async function pathData(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
}

describe('analytics dashboards', () => {
  const e = e2eSuite();
  let ada: Person;
  let olga: Person;
  let ben: Person;
  let platform: { id: number; name: string };

  // A small organisation: two departments, a community run by Olga, questions answered and
  // waiting, replies across departments. The minimum group size is 3, so these few people
  // are enough for the figures to show.
  beforeAll(async () => {
    ada = await person(e, 'ada', 'Ada Park', 'CTO', 'Engineering', { role: 'admin' });
    ben = await person(e, 'ben', 'Ben Cole', 'Engineer', 'Engineering', { skills: ['Kubernetes'] });
    const cai = await person(e, 'cai', 'Cai Long', 'Engineer', 'Engineering');
    const dev = await person(e, 'dev', 'Dev Rao', 'SRE', 'Engineering', { skills: ['Kubernetes'] });
    const sam = await person(e, 'sam', 'Sam Ito', 'Account Manager', 'Sales');
    const sue = await person(e, 'sue', 'Sue Marr', 'Sales Lead', 'Sales');
    olga = await person(e, 'olga', 'Olga Berg', 'Sales Ops', 'Sales');
    await person(e, 'gus', 'Gus Hale', 'Accountant', 'Finance');
    await ada.put('/api/rapport/v1/analytics/settings', { min_group_size: 3 });

    platform = await insertCommunity(e.t.ctx, { name: 'Platform guild' });
    await addMember(e.t.ctx, platform.id, olga.account.id, 'owner');
    for (const each of [ben, cai, dev, sam, sue]) {
      await addMember(e.t.ctx, platform.id, each.account.id);
    }
    const choir = await insertCommunity(e.t.ctx, { name: 'Office choir' });
    await addMember(e.t.ctx, choir.id, sue.account.id, 'owner');

    const plan = await post(ben, 'The #kubernetes upgrade plan is ready');
    await reply(sam, plan, 'Does this change the demo cluster?');
    await reply(ben, plan, 'It does, from next week.');
    await reply(dev, plan, 'I can pair on it.');
    await post(dev, 'Notes on #kubernetes node pools');
    await post(ada, 'Welcome to the analytics pilot');
    await sue.api.post(`/api/v1/statuses/${plan.id}/favourite`);
    await cai.api.post(`/api/v1/statuses/${plan.id}/favourite`);
    const answered = await ask(sue, 'How do I get a #kubernetes namespace?', platform.id);
    const answer = await reply(dev, answered, 'Ask in the platform channel, I will set it up.');
    await sue.api.post(`/api/rapport/v1/questions/${answered.id}/accept`, { answer_id: answer.id });
    await ask(cai, 'Who owns the staging certificates?', platform.id);
    await ask(sam, 'Where is the pricing sheet for 2027?');
    await e.t.ctx.activity.flush();
  });

  it('lets an admin read every dashboard, with its charts, on a desktop and a phone', async () => {
    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const page = await open(e, ada, '/', viewport);
      // Analytics is offered in "More" to those who may open a dashboard.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: 'More', exact: true })
        .click();
      await page.getByRole('menuitem', { name: 'Analytics' }).click();
      await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
      await expect.poll(() => page.getByLabel('Dashboard for').inputValue()).toBe('organisation');

      // Participation: figures, the Lorenz curve, bars, weekly lines.
      await settled(page);
      const members = page.locator('.analytics-figure', { hasText: 'Members' });
      expect(await members.textContent()).toBe('Members8');
      const curve = await pathData(page, '.chart-lorenz .chart-lorenz-curve');
      expect(curve[0]).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+){20}$/);
      expect((await pathData(page, '.chart-lorenz .chart-gap'))[0]).toContain('Z');
      // Four segments and five personas; a bar of 0 or a withheld one draws no fill.
      expect(await page.locator('.chart-bar-row').count()).toBe(9);
      expect(await page.locator('.chart-bar-fill').count()).toBeGreaterThan(0);
      expect((await pathData(page, '[data-series="contributions"] .chart-line'))[0]).not.toBe('');
      await page.getByText('Wrote nothing in the period').waitFor();
      await page.getByText('What these figures mean').click();
      await page.getByText(/Posts written in the period, replies, questions and answers/).waitFor();
      await checkPage(page, `analytics-participation-${label}`, page.locator('.chart-lorenz'));
      await setColourScheme(page, 'dark');
      await shoot(page, `analytics-participation-${label}-dark`, page.locator('.chart-lorenz'));
      await setColourScheme(page, 'light');

      // Responsiveness: the share within target beside the target, the queue, the form.
      await page.getByRole('link', { name: 'Responsiveness' }).click();
      await page.waitForURL(/\/analytics\/responsiveness\?scope=organisation&weeks=12$/);
      await settled(page);
      const target = page.locator('.chart-bar-row', { hasText: 'Target' });
      await target.first().waitFor();
      expect(await page.locator('.chart-bar-measure, .chart-bar-highlight').count()).toBe(1);
      expect(await target.getAttribute('data-value')).toBe('80%');
      await page.getByRole('link', { name: 'Who owns the staging certificates?' }).waitFor();
      await page.getByRole('link', { name: 'Where is the pricing sheet for 2027?' }).waitFor();
      await page.getByRole('heading', { name: 'The organisation’s target' }).waitFor();
      await checkPage(
        page,
        `analytics-responsiveness-${label}`,
        page.locator('.chart-bar-row').first(),
      );

      // Knowledge risk: the topics table.
      await page.getByRole('link', { name: 'Knowledge risk' }).click();
      await settled(page);
      await page.getByRole('heading', { name: 'Topics', exact: true }).waitFor();
      await checkPage(page, `analytics-knowledge-${label}`);

      // Silos: the heatmap, a square per pair of departments, with its numbers.
      await page.getByRole('link', { name: 'Silos' }).click();
      await settled(page);
      const cells = page.locator('.chart-heat-cell');
      await cells.first().waitFor();
      const departments = await page.locator('.chart-heatmap .chart-heat-label').count();
      expect(departments).toBeGreaterThanOrEqual(4); // two departments, each label twice
      expect(await cells.count()).toBe((departments / 2) ** 2);
      const values = await cells.evaluateAll((all) =>
        all.map((cell) => cell.getAttribute('data-value')),
      );
      expect(values.some((value) => Number(value) > 0)).toBe(true);
      await checkPage(page, `analytics-silos-${label}`, page.locator('.chart-heatmap'));
      await setColourScheme(page, 'dark');
      await shoot(page, `analytics-silos-${label}-dark`, page.locator('.chart-heatmap'));
      await page.context().close();
    }
  });

  it('reads a chart point by point from the keyboard, and tabs keep the scope and period', async () => {
    const page = await open(e, ada, '/analytics?scope=department%3AEngineering&weeks=4');
    await settled(page);
    const chart = page.getByRole('group', { name: /^People each week/ });
    await chart.focus();
    await page.keyboard.press('Home');
    const reading = page.locator('figure', { has: chart }).locator('p[aria-live]');
    await expect.poll(() => reading.textContent()).toMatch(/^Week of .*, Active members: \d+/);
    await page.keyboard.press('End');
    await page.locator('.chart-tooltip').waitFor();

    // The tabs are links: Tab reaches them, Enter follows, the choice stays in the address.
    await page.getByRole('link', { name: 'Knowledge risk' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/analytics\/knowledge-risk\?scope=department%3AEngineering&weeks=4$/);
    // Silos are for the whole organisation only: no tab for a department.
    expect(await page.getByRole('link', { name: 'Silos' }).count()).toBe(0);

    // Admins find any community's dashboard by name; a group this small is withheld whole.
    await page.getByRole('button', { name: 'Another community…' }).click();
    await page.getByLabel('Find a community by name').fill('choir');
    await page.getByRole('button', { name: 'Office choir' }).click();
    await page.waitForURL(/scope=community%3A\d+/);
    await expect
      .poll(() => page.getByLabel('Dashboard for').locator('option:checked').textContent())
      .toBe('Office choir');
    await page
      .getByText(
        'This group has fewer than 3 people, so its figures are hidden to protect privacy.',
      )
      .waitFor();

    // A department smaller than the minimum group is withheld as a whole too.
    await page.getByLabel('Dashboard for').selectOption('department:Finance');
    await page
      .getByText(
        'This group has fewer than 3 people, so its figures are hidden to protect privacy.',
      )
      .waitFor();
  });

  it("shows a community owner their community's dashboard and not the organisation's", async () => {
    const page = await open(e, olga, '/analytics', PHONE);
    await settled(page);
    const scope = page.getByLabel('Dashboard for');
    await expect.poll(() => scope.inputValue()).toBe(`community:${platform.id}`);
    const options = await scope.locator('option').allTextContents();
    expect(options).toEqual(['Platform guild']);
    expect(await page.getByRole('button', { name: 'Another community…' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Silos' }).count()).toBe(0);
    await page.locator('.chart-lorenz .chart-lorenz-curve').waitFor();
    await checkPage(page, 'analytics-owner-phone', page.locator('.chart-lorenz'));

    // Owners set their community's response target.
    await page.getByRole('link', { name: 'Responsiveness' }).click();
    await page.getByRole('heading', { name: 'This community’s target' }).waitFor();
    await page.getByLabel('Share of questions (%)').fill('90');
    await page.getByLabel('Answered within (hours)').fill('12');
    await page.getByRole('button', { name: 'Save target' }).click();
    await page.getByText('Target saved.').waitFor();
    await page.getByText('This target was set for this group.').waitFor();
    await expect
      .poll(() =>
        page.locator('.chart-bar-row', { hasText: 'Target' }).first().getAttribute('data-value'),
      )
      .toBe('90%');

    // The organisation's dashboard is not theirs, even through a link.
    await page.goto('/analytics?scope=organisation');
    await page.getByText('This dashboard is not yours to open').waitFor();
    expect(await page.locator('.chart').count()).toBe(0);

    // A member who runs nothing is offered no Analytics at all.
    const member = await open(e, ben, '/');
    await member
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'More', exact: true })
      .click();
    await member.getByRole('menuitem', { name: 'Pages' }).waitFor();
    expect(await member.getByRole('menuitem', { name: 'Analytics' }).count()).toBe(0);
    await member.goto('/analytics');
    await member.getByText('No dashboards for you').waitFor();
  });

  it('downloads a table as CSV for the same scope and period', async () => {
    const page = await open(e, ada, '/analytics?scope=organisation&weeks=26');
    await settled(page);
    const link = page.getByRole('link', { name: 'Download CSV: Week by week' });
    expect(await link.getAttribute('href')).toMatch(
      /^\/api\/rapport\/v1\/analytics\/participation\?scope=organisation&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&format=csv&table=weekly$/,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('rapport-participation.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^week_start,/);
    expect(lines).toHaveLength(27);
  });
});
