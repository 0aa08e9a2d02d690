import type { Community, UnifiedSearchResults } from '@rapport/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInPage } from './support/session';
import { checkPage, member, post, statusCard, VIEWPORTS } from './support/social';
import { e2eSuite } from './support/suite';

const SEARCHBOX = 'Search people, statuses, communities, questions, pages and events';

function tab(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: 'What to search' })
    .getByRole('link', { name, exact: true });
}

function section(page: Page, name: string) {
  return page.getByRole('region', { name });
}

describe.each(VIEWPORTS)('search everything on a %s', (label, viewport) => {
  const e = e2eSuite();

  it('finds a community, a question, a page and an event by one word, and keeps a secret community and its page hidden from outsiders', async () => {
    const ana = await member(e.t, 'ana', 'Ana Silva');
    const ben = await member(e.t, 'ben', 'Ben Okafor');
    const made = await ben.api.post<Community>('/api/rapport/v1/communities', {
      name: 'Onboarding crew',
      description: 'Helping new colleagues find their feet',
      privacy: 'public',
    });
    expect(made.status, made.text).toBe(200);
    const secret = await ben.api.post<Community>('/api/rapport/v1/communities', {
      name: 'Onboarding secrets',
      description: 'Salary bands for onboarding offers',
      privacy: 'secret',
    });
    expect(secret.status, secret.text).toBe(200);
    await post(ben, {
      status: 'What should every onboarding checklist include?',
      kind: 'question',
    });
    await post(ben, 'Onboarding went well this week, thanks all');
    for (const [title, communityId] of [
      ['Onboarding guide', undefined],
      ['Onboarding offers', secret.body.id],
    ] as const) {
      const page = await ben.api.post('/api/rapport/v1/pages', {
        title,
        body: 'Your first week, day by day.',
        ...(communityId ? { community_id: communityId } : {}),
      });
      expect(page.status, page.text).toBe(200);
    }
    const starts = new Date(Date.now() + 2 * 24 * 3600_000);
    const event = await ben.api.post('/api/rapport/v1/events', {
      title: 'Onboarding breakfast',
      description: 'Meet the new starters.',
      starts_at: starts.toISOString(),
      ends_at: new Date(starts.getTime() + 3600_000).toISOString(),
      time_zone: 'Europe/Lisbon',
      location: 'Lisbon office, kitchen',
    });
    expect(event.status, event.text).toBe(200);
    // Ben, who is in the secret community, finds it; Ana will not.
    const bens = await ben.api.get<UnifiedSearchResults>('/api/rapport/v1/search?q=onboarding');
    expect(bens.body.communities.map((c) => c.name).sort()).toEqual([
      'Onboarding crew',
      'Onboarding secrets',
    ]);

    const page = await signedInPage(e.browser, e.t, ana.account, viewport);
    await page.goto('/search');
    await page.getByRole('searchbox', { name: SEARCHBOX }).fill('onboarding');
    await page.waitForURL((url) => url.searchParams.get('q') === 'onboarding');
    expect(await tab(page, 'All').getAttribute('aria-current')).toBe('page');

    // One section per kind, in the "All" view.
    const communities = section(page, 'Communities');
    await communities.getByRole('link', { name: 'Onboarding crew' }).waitFor();
    await section(page, 'Questions')
      .getByText('What should every onboarding checklist include?')
      .waitFor();
    await section(page, 'Pages').getByRole('link', { name: 'Onboarding guide' }).waitFor();
    await section(page, 'Events').getByRole('link', { name: 'Onboarding breakfast' }).waitFor();
    await statusCard(section(page, 'Statuses'), 'Onboarding went well').waitFor();
    // The question is a status too.
    await statusCard(section(page, 'Statuses'), 'onboarding checklist').waitFor();
    await section(page, 'People').waitFor({ state: 'detached' });
    expect(await page.getByText('Onboarding secrets').count()).toBe(0);
    expect(await page.getByText('Onboarding offers').count()).toBe(0);
    await checkPage(page, `search-everything-all-${label}`, communities);

    // "See all pages" opens the pages tab, and the address says so.
    await section(page, 'Pages').getByRole('link', { name: 'See all pages' }).click();
    await page.waitForURL((url) => url.searchParams.get('type') === 'pages');
    expect(await tab(page, 'Pages').getAttribute('aria-current')).toBe('page');
    const guide = page.getByRole('main').getByRole('link', { name: 'Onboarding guide' });
    await guide.waitFor();
    expect(await page.getByRole('main').locator('.page-item').count()).toBe(1);
    await checkPage(page, `search-everything-pages-${label}`, guide);

    // The tabs are reachable by keyboard: Events, then an empty kind says so.
    await tab(page, 'Events').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('type') === 'events');
    await page.getByRole('main').getByRole('link', { name: 'Onboarding breakfast' }).waitFor();
    await checkPage(page, `search-everything-events-${label}`);
    await tab(page, 'People').click();
    await page.getByText('Nobody matches “onboarding”.').waitFor();

    // A link with the query and a type opens straight on that tab.
    await page.goto('/search?q=onboarding&type=communities');
    await page.getByRole('main').getByRole('link', { name: 'Onboarding crew' }).waitFor();
    expect(await page.getByText('Onboarding secrets').count()).toBe(0);
    await checkPage(page, `search-everything-communities-${label}`);
    await page.context().close();
  });
});
