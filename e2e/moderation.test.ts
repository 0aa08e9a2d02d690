import type { ModerationReport } from '@rapport/schema';
import { describe, expect, it } from 'vitest';
import { createAccount } from '../packages/server/test/factories';
import { signedInPage } from './support/session';
import { checkPage, member, post, statusCard, tabTo, VIEWPORTS } from './support/social';
import { e2eSuite } from './support/suite';

const REASON = 'Jokes about a colleague’s accent are not welcome here';

describe.each(VIEWPORTS)('moderation on a %s', (label, viewport) => {
  const e = e2eSuite();

  it('a member reports a status, an admin hides it with a reason, and its author is told why', async () => {
    const admin = await createAccount(e.t.ctx, {
      username: 'morgan',
      displayName: 'Morgan Reyes',
      role: 'admin',
    });
    const ana = await member(e.t, 'ana', 'Ana Silva');
    const bo = await member(e.t, 'bo', 'Bo Lindqvist');
    const dan = await member(e.t, 'dan', 'Dan Okoro');
    const joke = await post(bo, 'Heard the new intern on the phone, what an accent, hilarious');
    await post(bo, 'The release notes for 4.2 are on the wiki');

    // Ana reports Bo's status from its menu, by keyboard.
    const page = await signedInPage(e.browser, e.t, ana.account, viewport);
    await page.goto('/timeline');
    const card = statusCard(page, 'what an accent');
    const more = card.getByRole('button', { name: 'More actions' });
    await more.click();
    await page.getByRole('menuitem', { name: 'Report this status' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report a status by Bo Lindqvist' });
    await dialog.waitFor();
    await dialog.getByText('what an accent').waitFor();
    // The first reason has the focus; sending without one says what is missing.
    expect(await dialog.getByRole('radio', { name: 'Spam' }).evaluate(isFocused)).toBe(true);
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Choose what the problem is.').waitFor();
    expect(await dialog.getByRole('radio', { name: 'Spam' }).evaluate(isFocused)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: 'Breaks our rules' }).isChecked()).toBe(true);
    const details = dialog.getByRole('textbox', { name: /Details for the moderators/ });
    await tabTo(page, details, 5);
    await page.keyboard.type('Mocking the new intern in public.');
    await dialog.getByText('967 characters left').waitFor();
    await checkPage(page, `moderation-report-dialog-${label}`);
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Thanks, moderators will look at it').waitFor();
    expect(await dialog.getByRole('button', { name: 'Done' }).evaluate(isFocused)).toBe(true);
    await checkPage(page, `moderation-report-sent-${label}`);
    // Escape closes the dialog and gives the focus back to the menu button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await more.evaluate(isFocused)).toBe(true);

    // Morgan, an admin, hears of it and opens the queue from the "More" menu.
    const desk = await signedInPage(e.browser, e.t, admin, viewport);
    await desk.goto('/notifications');
    await desk.getByText('Ana Silva reported an account').waitFor();
    await desk.getByRole('link', { name: 'Review the report about @bo' }).waitFor();
    await checkPage(desk, `moderation-admin-notification-${label}`);
    await desk.getByRole('button', { name: 'More', exact: true }).click();
    await desk.getByRole('menuitem', { name: 'Moderation' }).click();
    await desk.getByRole('heading', { name: 'Moderation', level: 1 }).waitFor();
    const reports = desk.getByRole('list', { name: 'Reports' });
    const reportLink = reports.getByRole('link', { name: 'Report about Bo Lindqvist' });
    await reportLink.waitFor();
    await reports.getByText('Mocking the new intern in public.').waitFor();
    await reports.getByText('Breaks our rules').waitFor();
    await checkPage(desk, `moderation-queue-${label}`);

    // The report in full; hiding needs a reason the author will read.
    await reportLink.click();
    await desk.getByRole('heading', { name: 'Report about Bo Lindqvist', level: 1 }).waitFor();
    await desk.getByText('what an accent').waitFor();
    await desk.getByRole('radio', { name: 'Hide the statuses' }).check();
    const submit = desk.getByRole('button', { name: 'Hide and tell the author' });
    await submit.click();
    await desk.getByText('Tell the author why: they will read it.').waitFor();
    const reason = desk.getByRole('textbox', { name: 'Reason' });
    expect(await reason.evaluate(isFocused)).toBe(true);
    await reason.fill(REASON);
    await checkPage(desk, `moderation-report-decide-${label}`, submit);
    await submit.click();
    await desk.getByText('The statuses are hidden and Bo Lindqvist has been told why.').waitFor();
    const outcome = desk.getByRole('region', { name: 'Outcome' });
    await outcome.getByText('Morgan Reyes hid the statuses').waitFor();
    await outcome.getByText(REASON).waitFor();
    expect(await outcome.getByRole('heading', { name: 'Outcome' }).evaluate(isFocused)).toBe(true);
    await checkPage(desk, `moderation-report-handled-${label}`, outcome);

    // The queue has nothing open left; the report is among the resolved ones.
    await desk.getByRole('link', { name: 'All reports' }).click();
    await desk.getByRole('link', { name: 'Open', exact: true }).click();
    await desk.getByText('No open reports').waitFor();
    await desk.getByRole('link', { name: 'Resolved' }).click();
    await desk.getByRole('link', { name: 'Report about Bo Lindqvist' }).waitFor();

    // Bo is told what happened and why, and reads it on the notice page.
    const author = await signedInPage(e.browser, e.t, bo.account, viewport);
    await author.goto('/notifications');
    await author.getByText('A moderator acted on your content').waitFor();
    await author.getByText(`Your content was hidden by a moderator: ${REASON}`).waitFor();
    await checkPage(author, `moderation-author-notification-${label}`);
    await author.getByRole('link', { name: 'Read what happened and why' }).click();
    await author.getByRole('heading', { name: 'A moderator hid your content' }).waitFor();
    await author.getByText(REASON).waitFor();
    await author.getByText('what an accent').waitFor();
    await author.getByRole('heading', { name: 'Questions?' }).waitFor();
    await checkPage(author, `moderation-notice-${label}`);

    // The status itself carries the reason, for Bo's eyes only.
    await author.getByRole('link', { name: 'Open the status' }).click();
    await author.waitForURL(`**/@bo/${joke.id}`);
    const banner = author.getByRole('note').filter({ hasText: 'Hidden by a moderator' });
    await banner.waitFor();
    expect(await banner.textContent()).toBe(
      `Hidden by a moderator: ${REASON}. Only you can see this.`,
    );
    await checkPage(author, `moderation-hidden-status-${label}`, banner);

    // Dan no longer sees it, on the timeline or by its address; nor can he work the queue.
    const other = await signedInPage(e.browser, e.t, dan.account, viewport);
    await other.goto('/timeline');
    await statusCard(other, 'release notes for 4.2').waitFor();
    expect(await statusCard(other, 'what an accent').count()).toBe(0);
    await other.goto(`/@bo/${joke.id}`);
    await other.getByText('Status not found').waitFor();
    await other.goto('/moderation');
    await other.getByRole('heading', { name: 'You do not moderate anything' }).waitFor();
    await checkPage(other, `moderation-nothing-to-moderate-${label}`);

    const queue = await bo.api.get<ModerationReport[]>('/api/rapport/v1/moderation/reports');
    expect(queue.status).toBe(403);
    await Promise.all([page, desk, author, other].map((each) => each.context().close()));
  });

  it('reports a person from their profile', async () => {
    const cy = await member(e.t, 'cy', 'Cy Park');
    const eve = await member(e.t, 'eve', 'Eve Adams');
    const page = await signedInPage(e.browser, e.t, cy.account, viewport);
    await page.goto('/@eve');
    await page.getByRole('heading', { level: 1, name: 'Eve Adams' }).waitFor();
    await page.getByRole('button', { name: 'More actions for Eve Adams' }).click();
    await page.getByRole('menuitem', { name: 'Report Eve Adams' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report Eve Adams' });
    await dialog.getByRole('radio', { name: 'Spam' }).check();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Thanks, moderators will look at it').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const filed = await e.t.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('target_account_id', '=', eve.account.id)
      .execute();
    expect(filed).toMatchObject([{ account_id: cy.account.id, category: 'spam', comment: '' }]);
    await page.context().close();
  });
});

function isFocused(element: Element): boolean {
  return element === document.activeElement;
}
