import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { community, join } from '../packages/server/src/features/files/community.fixtures';
import { DESKTOP, PHONE } from './support/browser';
import { signedInPage } from './support/session';
import { checkPage, member, shoot, statusCard, tabTo } from './support/social';
import { e2eSuite } from './support/suite';

const VIEWPORTS = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;

/** The section tabs of a community's page. */
function sections(page: Page) {
  return page.getByRole('navigation', { name: 'Community sections' });
}

async function openSection(page: Page, name: string): Promise<void> {
  await sections(page).getByRole('link', { name, exact: true }).click();
  await sections(page)
    .getByRole('link', { name, exact: true })
    .and(page.locator('[aria-current="page"]'))
    .waitFor();
}

describe.each(VIEWPORTS)('communities on a %s', (label, viewport) => {
  const e = e2eSuite();

  it('creates a private community with a cover, takes a request to join and an invitation, posts and pins, and a member leaves', async () => {
    const ana = await member(e.t, 'ana', 'Ana Silva');
    const bruno = await member(e.t, 'bruno', 'Bruno Costa');
    const carla = await member(e.t, 'carla', 'Carla Mendes');

    // Ana finds no community yet, neither hers nor anyone's.
    const owner = await signedInPage(e.browser, e.t, ana.account, viewport);
    await owner.goto('/communities');
    await owner.getByRole('heading', { name: 'Communities', level: 1 }).waitFor();
    await owner.getByText('You are not in any community yet.').waitFor();
    await checkPage(owner, `communities-empty-mine-${label}`);
    await owner.getByRole('link', { name: 'All communities', exact: true }).click();
    await owner.getByText('There are no communities yet.').waitFor();

    // She creates a private one with a cover image.
    await owner.getByRole('button', { name: 'Create community' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Create a community' });
    await dialog.waitFor();
    await dialog.getByLabel('Name').fill('Design Guild');
    await dialog
      .getByLabel('Description')
      .fill('Designers across the product teams: reviews, patterns and tools.');
    await dialog.getByRole('radio', { name: /Private/ }).check();
    const cover = await sharp({
      create: { width: 1200, height: 400, channels: 3, background: '#5b6ee1' },
    })
      .png()
      .toBuffer();
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'guild.png', mimeType: 'image/png', buffer: cover });
    await dialog.getByRole('img', { name: 'Preview of the new cover' }).waitFor();
    await dialog.getByLabel('Describe the image').fill('Colour swatches on a desk');
    await shoot(
      owner,
      `communities-create-dialog-${label}`,
      dialog.getByLabel('Describe the image'),
    );
    await dialog.getByRole('button', { name: 'Create community' }).click();
    await owner.getByRole('heading', { name: 'Design Guild', level: 1 }).waitFor();
    const communityId = owner.url().split('/').pop() as string;
    await owner.getByRole('img', { name: 'Colour swatches on a desk' }).waitFor();
    await owner.getByText('Private', { exact: true }).first().waitFor();
    await owner.getByText('Nothing posted here yet.').waitFor();
    await checkPage(owner, `communities-created-${label}`);

    // Posting from its Timeline, then pinning what she posted.
    const text = owner.getByRole('combobox', { name: 'New status' });
    await text.click();
    await text.pressSequentially('Welcome to the guild: crits every Thursday.');
    await owner.getByRole('button', { name: 'Post', exact: true }).click();
    const timeline = owner.getByRole('region', { name: 'Statuses in Design Guild' });
    const posted = statusCard(timeline, 'crits every Thursday');
    await posted.waitFor();
    await posted.getByRole('button', { name: 'More actions' }).click();
    await owner.getByRole('menuitem', { name: 'Pin to the community' }).click();
    await owner.getByText('Pinned to the community.').waitFor();
    const pinned = owner.getByRole('region', { name: 'Pinned' });
    await statusCard(pinned, 'crits every Thursday').waitFor();
    await checkPage(owner, `communities-pinned-${label}`, pinned);

    // Bruno searches the directory: nothing for a wrong word, the guild for the right one.
    const asker = await signedInPage(e.browser, e.t, bruno.account, viewport);
    await asker.goto('/communities?view=all');
    const search = asker.getByRole('searchbox', { name: 'Search communities' });
    await search.fill('gardening');
    await asker.getByText('No community matches “gardening”.').waitFor();
    await checkPage(asker, `communities-search-empty-${label}`);
    await search.fill('design');
    const card = asker.getByRole('article').filter({ hasText: 'Design Guild' });
    await card.waitFor();
    await card.getByRole('button', { name: 'Request to join Design Guild' }).waitFor();
    await checkPage(asker, `communities-search-found-${label}`, card);

    // On its page he sees it is closed to him, and asks to join.
    await card.getByRole('link', { name: 'Design Guild' }).click();
    await asker.getByRole('heading', { name: 'Design Guild', level: 1 }).waitFor();
    await asker.getByText('Only members see what is posted in this community.').waitFor();
    expect(await asker.getByText('crits every Thursday').count()).toBe(0);
    expect(await sections(asker).getByRole('link').allTextContents()).toEqual(['Timeline']);
    await checkPage(asker, `communities-closed-${label}`);
    await asker.getByRole('button', { name: 'Request to join' }).click();
    await asker.getByText('Your request to join Design Guild was sent').waitFor();
    await asker.getByRole('button', { name: 'Withdraw request' }).waitFor();
    await checkPage(asker, `communities-requested-${label}`);

    // Ana approves him from Requests.
    await owner.reload();
    await openSection(owner, 'Requests');
    const requests = owner.getByRole('region', { name: 'Requests to join' });
    await requests.getByText('Bruno Costa').waitFor();
    await checkPage(owner, `communities-requests-${label}`, requests);
    await requests.getByRole('button', { name: 'Approve Bruno Costa' }).click();
    await owner.getByText('Bruno Costa is now a member.').waitFor();
    await requests.getByText('Nobody is waiting to join.').waitFor();

    // And invites Carla from Members.
    await openSection(owner, 'Members');
    const invite = owner.getByRole('region', { name: 'Invite people' });
    await invite.getByRole('searchbox', { name: 'Find people to invite' }).fill('carla');
    await invite.getByRole('button', { name: 'Add Carla Mendes' }).click();
    await invite.getByRole('button', { name: 'Invite 1 person' }).waitFor();
    await checkPage(owner, `communities-invite-${label}`, invite);
    await invite.getByRole('button', { name: 'Invite 1 person' }).click();
    await invite.getByText('Invitation sent.').waitFor();
    await owner
      .getByRole('region', { name: 'Members', exact: true })
      .getByText('Bruno Costa')
      .waitFor();
    // Until she answers, Carla is listed among the invitations the owner may cancel.
    const waiting = owner.getByRole('region', { name: 'Invited, not answered yet' });
    await waiting.getByText('Carla Mendes').waitFor();
    await waiting.getByRole('button', { name: 'Cancel invitation to Carla Mendes' }).waitFor();
    await checkPage(owner, `communities-members-${label}`);

    // Carla finds the invitation on her directory page and accepts it on the community's.
    const invited = await signedInPage(e.browser, e.t, carla.account, viewport);
    await invited.goto('/communities');
    const invitations = invited.getByRole('region', { name: 'Invitations' });
    await invitations.getByRole('button', { name: 'Accept invitation to Design Guild' }).waitFor();
    await invited.getByRole('heading', { name: 'Your communities', level: 2 }).waitFor();
    await checkPage(invited, `communities-invited-${label}`, invitations);
    await invitations.getByRole('link', { name: 'Design Guild' }).click();
    await invited.getByText('You are invited to join this community.').waitFor();
    await invited.getByRole('button', { name: 'Accept invitation' }).click();
    await invited.getByText('You joined Design Guild.').waitFor();
    await statusCard(invited, 'crits every Thursday').first().waitFor();

    // Bruno, now a member, reads the timeline, then leaves.
    await asker.reload();
    await statusCard(asker, 'crits every Thursday').first().waitFor();
    await asker.getByRole('button', { name: 'Leave' }).click();
    const leaving = asker.getByRole('dialog', { name: 'Leave Design Guild?' });
    await leaving.waitFor();
    await shoot(asker, `communities-leave-dialog-${label}`, leaving);
    await leaving.getByRole('button', { name: 'Leave', exact: true }).click();
    await asker.getByText('You left Design Guild.').waitFor();
    await asker.getByText('Only members see what is posted in this community.').waitFor();
    await asker.getByRole('button', { name: 'Request to join' }).waitFor();
    const left = await ana.api.get<Array<{ account: { username: string } }>>(
      `/api/rapport/v1/communities/${communityId}/members`,
    );
    expect(left.body.map((m) => m.account.username).sort()).toEqual(['ana', 'carla']);

    for (const p of [owner, asker, invited]) await p.context().close();
  });

  it('shows Questions, Pages, Events and Files inside a community, by keyboard; a secret one stays hidden', async () => {
    const erin = await member(e.t, 'erin', 'Erin Walsh');
    const finn = await member(e.t, 'finn', 'Finn Weber');
    const gus = await member(e.t, 'gus', 'Gus Lindqvist');
    const id = await community(e.t, 'private');
    await join(e.t, id, erin, 'owner');
    await join(e.t, id, finn, 'member');
    const name = `Community ${id}`;
    const base = `/communities/${id}`;

    const page = await signedInPage(e.browser, e.t, erin.account, viewport);
    await page.goto(base);
    await page.getByRole('heading', { name, level: 1 }).waitFor();

    // Keyboard: Tab reaches the section tabs, Enter opens one.
    const questionsTab = sections(page).getByRole('link', { name: 'Questions', exact: true });
    await tabTo(page, questionsTab, 80);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${base}/questions$`));
    await page.getByText('No unanswered questions: everything has an answer.').waitFor();
    await checkPage(page, `communities-questions-empty-${label}`, sections(page));
    // The next tab is one Tab press further, still inside the section row.
    await questionsTab.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')).toBe(
      'Pages',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${base}/pages$`));
    await page.getByText('No pages here yet').waitFor();
    await checkPage(page, `communities-pages-empty-${label}`, sections(page));

    await openSection(page, 'Events');
    await page.getByText('No upcoming events.').waitFor();
    await checkPage(page, `communities-events-empty-${label}`, sections(page));

    await openSection(page, 'Files');
    await page.getByText('No files here yet').waitFor();
    await checkPage(page, `communities-files-empty-${label}`, sections(page));

    // Erin asks a question from the Questions section; it is listed there.
    await openSection(page, 'Questions');
    const form = page.getByRole('form', { name: 'Ask a question' });
    const box = form.getByRole('combobox', { name: 'Ask a question' });
    await box.click();
    await box.pressSequentially('Which icon set do we use for the admin screens?');
    await form.getByRole('button', { name: 'Ask', exact: true }).click();
    await form.getByText('Question asked.').waitFor();
    const unanswered = page.getByRole('region', { name: 'Unanswered' });
    const question = statusCard(unanswered, 'Which icon set');
    await question.waitFor();
    await checkPage(page, `communities-questions-${label}`, question);

    // A page and an event written elsewhere are listed in their sections.
    const written = await erin.api.post<{ id: string }>('/api/rapport/v1/pages', {
      title: 'Icon guidelines',
      body: '# Icons\n\nUse the outline set at 20 px.',
      community_id: String(id),
    });
    expect(written.status, written.text).toBe(200);
    const start = new Date(Date.now() + 3 * 24 * 3600_000);
    const planned = await erin.api.post<{ id: string }>('/api/rapport/v1/events', {
      title: 'Icon jam',
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 3600_000).toISOString(),
      time_zone: 'UTC',
      location: 'Studio 2',
      community_id: String(id),
    });
    expect(planned.status, planned.text).toBe(200);
    await page.goto(`${base}/pages`);
    await page.getByRole('link', { name: 'Icon guidelines' }).waitFor();
    await checkPage(page, `communities-pages-${label}`, sections(page));
    await page.goto(`${base}/events`);
    await page.getByRole('link', { name: 'Icon jam' }).waitFor();
    await checkPage(page, `communities-events-${label}`, sections(page));

    // Gus is in neither: the private one shows him its closed state, a secret one nothing.
    const secret = await community(e.t, 'secret');
    await join(e.t, secret, erin, 'owner');
    const outsider = await signedInPage(e.browser, e.t, gus.account, viewport);
    await outsider.goto(`${base}/questions`);
    await outsider.waitForURL(new RegExp(`${base}$`));
    await outsider.getByText('Only members see what is posted in this community.').waitFor();
    await outsider.getByRole('button', { name: 'Request to join' }).waitFor();
    await outsider.goto(`/communities/${secret}`);
    await outsider.getByRole('heading', { name: 'Community not found' }).waitFor();
    await checkPage(outsider, `communities-secret-not-found-${label}`);
    await outsider.goto(`/communities?view=all&q=${encodeURIComponent(`Community ${secret}`)}`);
    await outsider.getByText(`No community matches “Community ${secret}”.`).waitFor();

    await page.context().close();
    await outsider.context().close();
  });
});
