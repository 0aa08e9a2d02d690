import type { SearchResults } from '@rapport/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAccount } from '../packages/server/test/factories';
import { signedInPage } from './support/session';
import { checkPage, member, post, statusCard, VIEWPORTS } from './support/social';
import { e2eSuite } from './support/suite';

/** Types a query into the search box and waits until the address has caught up with it. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page
    .getByRole('searchbox', {
      name: 'Search people, statuses, communities, questions, pages and events',
    })
    .fill(query);
  await page.waitForURL((url) => url.searchParams.get('q') === query);
}

function tab(page: Page, name: 'People' | 'Statuses' | 'Hashtags') {
  return page.getByRole('navigation', { name: 'What to search' }).getByRole('link', { name });
}

describe.each(VIEWPORTS)('search on a %s', (label, viewport) => {
  const e = e2eSuite();

  it('finds a status by a word, a person and a hashtag, and never a private status of someone not followed', async () => {
    const ana = await member(e.t, 'ana', 'Ana Silva');
    const fay = await member(e.t, 'fay', 'Fay Dubois');
    const erin = await member(e.t, 'erin', 'Erin Walsh');
    await createAccount(e.t.ctx, {
      username: 'ingrid',
      displayName: 'Ingrid Halvorsen',
      profile: { title: 'Security Engineer', department: 'Platform' },
    });
    await post(fay, 'Kayaking trip planned for the #offsite in June');
    await post(fay, 'Board games night on Thursday');
    await post(erin, {
      status: 'Reorganisation plans for the platform team',
      visibility: 'private',
    });
    // The private status is indexed: its author finds it.
    const own = await erin.api.get<SearchResults>('/api/v2/search?q=reorganisation&type=statuses');
    expect(own.body.statuses).toHaveLength(1);

    const page = await signedInPage(e.browser, e.t, ana.account, viewport);
    await page.goto('/search');
    await page.getByText('Search your organisation.').waitFor();

    // A word of a status, on the statuses tab.
    await tab(page, 'Statuses').click();
    await searchFor(page, 'kayaking');
    const found = statusCard(page, 'Kayaking trip planned');
    await found.waitFor();
    expect(await page.locator('article[data-status-id]').count()).toBe(1);
    expect(await tab(page, 'Statuses').getAttribute('aria-current')).toBe('page');
    await checkPage(page, `social-search-statuses-${label}`, found);

    // A person, by name, on the people tab; the same word finds no status.
    await searchFor(page, 'ingrid');
    await page.getByText('No statuses match “ingrid”.').waitFor();
    await tab(page, 'People').click();
    const ingrid = page.getByRole('main').getByRole('link', { name: 'Ingrid Halvorsen' });
    await ingrid.waitFor();
    await page.getByText('Security Engineer · Platform').waitFor();
    expect(await page.getByRole('main').locator('.account-row').count()).toBe(1);
    await checkPage(page, `social-search-people-${label}`, ingrid);

    // A hashtag, on the hashtags tab, opens its timeline.
    await tab(page, 'Hashtags').click();
    await searchFor(page, '#offsite');
    const offsite = page.getByRole('main').getByRole('link', { name: 'offsite' });
    await offsite.waitFor();
    await checkPage(page, `social-search-hashtags-${label}`, offsite);
    await offsite.click();
    await page.getByRole('heading', { name: '#offsite' }).waitFor();
    await statusCard(page, 'Kayaking trip planned').waitFor();
    await page.goBack();

    // Erin's followers-only status stays hidden from Ana, who does not follow her.
    await tab(page, 'Statuses').click();
    await searchFor(page, 'reorganisation');
    await page.getByText('No statuses match “reorganisation”.').waitFor();
    expect(await statusCard(page, 'Reorganisation plans').count()).toBe(0);
    const api = await ana.api.get<SearchResults>('/api/v2/search?q=reorganisation');
    expect(api.body.statuses).toEqual([]);
    // Her public side is there: the person is found, only the status is not.
    await tab(page, 'People').click();
    await searchFor(page, 'erin');
    await page.getByRole('main').getByRole('link', { name: 'Erin Walsh' }).waitFor();
    await page.context().close();
  });
});
