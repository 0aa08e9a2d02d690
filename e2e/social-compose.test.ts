import type { Status } from '@rapport/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInPage } from './support/session';
import {
  checkPage,
  follow,
  member,
  post,
  shoot,
  statusCard,
  tabTo,
  VIEWPORTS,
} from './support/social';
import { e2eSuite } from './support/suite';

/** The first status of the home timeline. */
function newestOnHome(page: Page) {
  return page
    .getByRole('region', { name: 'Home timeline' })
    .locator('article[data-status-id]')
    .first();
}

describe.each(VIEWPORTS)('writing statuses on a %s', (label, viewport) => {
  // A fresh organisation per viewport: the same names and words mean the same thing in both.
  const e = e2eSuite();

  it('posts a mention chosen from the suggestions by keyboard, a hashtag, a content warning and a followers-only status; refuses one too long', async () => {
    const ana = await member(e.t, 'ana', 'Ana Silva');
    await member(e.t, 'bruna', 'Bruna Lima');
    const bruno = await member(e.t, 'bruno', 'Bruno Costa');
    const carl = await member(e.t, 'carl', 'Carl Nilsen');
    await follow(bruno, ana);

    const page = await signedInPage(e.browser, e.t, ana.account, viewport);
    await page.goto('/');
    const text = page.getByRole('combobox', { name: 'New status' });
    await text.click();
    await text.pressSequentially('Lunch with @brun');
    // Two people match; the arrows move through them and Enter inserts the one chosen.
    const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    const option = suggestions.getByRole('option', { name: /@bruno$/ });
    await option.waitFor();
    expect(await suggestions.getByRole('option').count()).toBe(2);
    for (let presses = 0; presses < 3; presses++) {
      await page.keyboard.press('ArrowDown');
      if ((await option.getAttribute('aria-selected')) === 'true') break;
    }
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await text.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await checkPage(page, `social-compose-suggestions-${label}`, suggestions);
    await page.keyboard.press('Enter');
    expect(await text.inputValue()).toBe('Lunch with @bruno ');
    await expect.poll(() => text.getAttribute('aria-expanded')).toBe('false');
    await text.pressSequentially('to plan the #offsite agenda');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByText('Your status was posted.').waitFor();
    expect(await text.inputValue()).toBe('');

    const first = newestOnHome(page);
    await first.getByText('to plan the').waitFor();
    // The server links them to its own addresses; the app turns those into its routes.
    const mention = first.getByRole('link', { name: '@bruno', exact: true });
    await expect.poll(() => mention.getAttribute('href')).toBe('/@bruno');
    const hashtag = first.getByRole('link', { name: '#offsite', exact: true });
    await expect.poll(() => hashtag.getAttribute('href')).toBe('/tags/offsite');
    await checkPage(page, `social-compose-posted-${label}`, first);

    // The hashtag opens its timeline, which shows the status.
    await hashtag.click();
    await page.waitForURL(/\/tags\/offsite$/);
    await page.getByRole('heading', { name: '#offsite' }).waitFor();
    const tagged = statusCard(
      page.getByRole('region', { name: 'Statuses with #offsite' }),
      'Lunch with',
    );
    await tagged.waitFor();
    await checkPage(page, `social-compose-tag-${label}`, tagged);

    // A content warning hides the text until the reader asks for it.
    await page.goto('/');
    await page.getByRole('button', { name: 'Content warning' }).click();
    await page.getByRole('textbox', { name: 'Content warning text' }).fill('Quiz answers');
    await text.fill('The answer to question three is 42');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const warned = newestOnHome(page);
    await warned.getByText('Quiz answers').waitFor();
    const body = warned.getByText('The answer to question three is 42');
    expect(await body.isVisible()).toBe(false);
    await warned.getByRole('button', { name: 'Show more' }).click();
    await body.waitFor();
    expect(
      await page.getByRole('button', { name: 'Content warning' }).getAttribute('aria-pressed'),
    ).toBe('false');

    // Followers only: Bruno follows Ana and may read it, Carl may not.
    await page.getByRole('combobox', { name: 'Who can see this' }).selectOption('private');
    await text.fill('Draft budget for next quarter, followers only');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const privateCard = statusCard(page, 'Draft budget for next quarter');
    await privateCard.waitFor();
    await privateCard.getByText('Followers', { exact: true }).waitFor();
    const privateId = (await privateCard.getAttribute('data-status-id')) as string;
    expect((await bruno.api.get<Status>(`/api/v1/statuses/${privateId}`)).body.visibility).toBe(
      'private',
    );
    const carlPage = await signedInPage(e.browser, e.t, carl.account, viewport);
    await carlPage.goto(`/@ana/${privateId}`);
    await carlPage.getByText('Status not found').waitFor();
    await carlPage.context().close();

    // Over the limit: the counter turns to the error state and posting is refused.
    const before = (await ana.api.get<Status[]>(`/api/v1/accounts/${ana.account.id}/statuses`)).body
      .length;
    await text.fill(`${'Too long. '.repeat(52)}`);
    const counter = page.locator('.compose-counter');
    expect(await counter.textContent()).toBe('-20');
    expect(await counter.getAttribute('class')).toContain('compose-counter-over');
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('20 characters over the limit').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('alert').getByText('Your status is too long').waitFor();
    await shoot(page, `social-compose-too-long-${label}`, text);
    const after = (await ana.api.get<Status[]>(`/api/v1/accounts/${ana.account.id}/statuses`)).body
      .length;
    expect(after).toBe(before);
    await page.context().close();
  });

  it('posts and favourites with the keyboard alone', async () => {
    const kim = await member(e.t, 'kim', 'Kim Jensen');
    const lea = await member(e.t, 'lea', 'Lea Novak');
    await follow(kim, lea);
    const leaStatus = await post(lea, 'The new coffee machine on floor 3 works');

    const page = await signedInPage(e.browser, e.t, kim.account, viewport);
    await page.goto('/');
    const text = page.getByRole('combobox', { name: 'New status' });
    await statusCard(page, 'coffee machine').waitFor();
    await tabTo(page, text);
    await page.keyboard.type('Typed without a mouse');
    const postButton = page.getByRole('button', { name: 'Post', exact: true });
    await tabTo(page, postButton);
    await page.keyboard.press('Enter');
    await page.getByText('Your status was posted.').waitFor();
    await newestOnHome(page).filter({ hasText: 'Typed without a mouse' }).waitFor();

    const favourite = statusCard(page, 'coffee machine').getByRole('button', {
      name: 'Favourite',
    });
    await tabTo(page, favourite);
    await page.keyboard.press('Enter');
    await expect.poll(() => favourite.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(
        async () => (await kim.api.get<Status>(`/api/v1/statuses/${leaStatus.id}`)).body.favourited,
      )
      .toBe(true);
    // Where the focus is must be visible: the favourite button draws an outline.
    const outline = await favourite.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe('none');
    await shoot(page, `social-keyboard-${label}`, favourite);
    await page.context().close();
  });
});
