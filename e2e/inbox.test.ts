import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMember, insertCommunity } from '../packages/server/test/community-factory';
import { signedInPage } from './support/session';
import {
  checkPage,
  member,
  post,
  shoot,
  tabTo,
  userStreamOpened,
  VIEWPORTS,
} from './support/social';
import { e2eSuite } from './support/suite';

/** Live arrivals may take a moment more than a page's own requests. */
const LIVE = { timeout: 10_000 };

function inboxLink(page: Page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Inbox/ });
}

function items(page: Page) {
  return page.getByRole('list', { name: 'Inbox items' }).getByRole('link');
}

/** The filter tabs (their names, such as Messages, are also main navigation entries). */
function filters(page: Page) {
  return page.getByRole('navigation', { name: 'Which items' });
}

describe.each(VIEWPORTS)('the inbox on a %s', (label, viewport) => {
  const e = e2eSuite();

  it('blends mentions, replies and answers, filters them, opens one and marks all read, live', async () => {
    const ana = await member(e.t, 'ana', 'Ana Silva');
    const bruno = await member(e.t, 'bruno', 'Bruno Costa');
    const carla = await member(e.t, 'carla', 'Carla Mendes');
    const dani = await member(e.t, 'dani', 'Dani Rocha');
    const design = await insertCommunity(e.t.ctx, { name: 'Design Guild', privacy: 'private' });
    for (const who of [ana, bruno]) await addMember(e.t.ctx, design.id, who.account.id);

    const plan = await post(ana, 'Draft plan for the onboarding revamp');
    const question = await post(ana, { status: 'Who owns the VPN setup?', kind: 'question' });
    await post(bruno, {
      status: '@ana can you review the colour tokens before Friday?',
      community_id: String(design.id),
    });
    await post(carla, { status: '@ana the plan looks solid to me', in_reply_to_id: plan.id });
    await post(dani, {
      status: '@ana IT owns it, ask for the new client',
      in_reply_to_id: question.id,
    });
    // A favourite is a notification, not something that needs Ana: not in the inbox.
    expect((await bruno.api.post(`/api/v1/statuses/${plan.id}/favourite`)).status).toBe(200);

    const page = await signedInPage(e.browser, e.t, ana.account, viewport);
    const streaming = userStreamOpened(page);
    await page.goto('/');
    await expect.poll(() => inboxLink(page).textContent()).toContain('(3 unread)');
    await inboxLink(page).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await items(page).first().waitFor();
    const texts = await items(page).allTextContents();
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('Dani Rocha answered your question');
    expect(texts[0]).toContain('IT owns it');
    expect(texts[1]).toContain('Carla Mendes replied to you');
    expect(texts[2]).toContain('Bruno Costa mentioned you');
    expect(texts[2]).toContain('in Design Guild');
    for (const text of texts) expect(text).toContain('Unread');
    await checkPage(page, `inbox-${label}`, items(page).first());

    // Filters.
    await filters(page).getByRole('link', { name: 'Answers' }).click();
    await expect.poll(() => items(page).count()).toBe(1);
    expect(await items(page).first().textContent()).toContain('answered your question');
    await filters(page).getByRole('link', { name: 'Messages' }).click();
    await page.getByText('No direct messages yet.').waitFor();
    await filters(page).getByRole('link', { name: 'All', exact: true }).click();
    await expect.poll(() => items(page).count()).toBe(3);

    // A new mention appears at the top without a reload.
    await streaming;
    await post(bruno, '@ana the workshop moved to room 4B');
    await expect
      .poll(async () => (await items(page).first().textContent()) ?? '', LIVE)
      .toContain('room 4B');
    await expect.poll(() => inboxLink(page).textContent(), LIVE).toContain('(4 unread)');

    // Opening the reply goes to its thread and marks it read, everywhere.
    const reply = items(page).filter({ hasText: 'replied to you' });
    await reply.click();
    await page.getByText('the plan looks solid to me').first().waitFor();
    await expect.poll(() => inboxLink(page).textContent()).toContain('(3 unread)');
    await page.goBack();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await expect
      .poll(() => items(page).filter({ hasText: 'replied to you' }).textContent())
      .not.toContain('Unread');
    const unreadMentions = await ana.api.get<{ count: number }>(
      '/api/v1/notifications/unread_count?types[]=mention',
    );
    expect(unreadMentions.body.count).toBe(3);

    // By keyboard: Tab to the answer, Enter opens it.
    const answer = items(page).filter({ hasText: 'answered your question' });
    await tabTo(page, answer);
    await page.keyboard.press('Enter');
    await page.getByText('IT owns it, ask for the new client').first().waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();

    // A direct message: one item for the conversation, its latest message as the preview.
    const chat = await dani.api.post<{ id: string }>('/api/rapport/v1/chats', {
      account_ids: [String(ana.account.id)],
    });
    expect(chat.status, chat.text).toBe(200);
    await dani.api.post(`/api/rapport/v1/chats/${chat.body.id}/messages`, {
      text: 'Are you free for **ten minutes** after lunch?',
    });
    // (Live conversation events reach the inbox through the conversations' stream handler,
    // which the conversations web feature brings; here the page is opened again.)
    await page.goto('/inbox?filter=messages');
    const message = items(page).filter({ hasText: 'Dani Rocha sent you a message' });
    await message.waitFor();
    expect(await message.textContent()).toContain('Are you free for ten minutes after lunch?');
    expect(await message.getAttribute('href')).toBe(`/messages/${chat.body.id}`);
    await checkPage(page, `inbox-messages-${label}`, message);
    await filters(page).getByRole('link', { name: 'All', exact: true }).click();
    await items(page).first().waitFor();

    // Mark all read: the dots and the badge go, and Mastodon apps see the marker moved.
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByText('Everything in your inbox is marked read.').waitFor();
    await expect.poll(() => inboxLink(page).locator('.nav-badge').count()).toBe(0);
    expect(await page.locator('.inbox-item-dot').count()).toBe(0);
    const newest = await ana.api.get<Array<{ id: string }>>('/api/v1/notifications?limit=1');
    const markers = await ana.api.get<{ notifications?: { last_read_id: string } }>(
      '/api/v1/markers?timeline[]=notifications',
    );
    expect(markers.body.notifications?.last_read_id).toBe(newest.body[0]?.id);
    await checkPage(page, `inbox-read-${label}`);

    await filters(page).getByRole('link', { name: 'Unread' }).click();
    await page.getByText('You’re all caught up').waitFor();
    await checkPage(page, `inbox-caught-up-${label}`);
    await page.context().close();
  });

  it('says so when the inbox cannot be loaded, and tries again', async () => {
    const eva = await member(e.t, 'eva', 'Eva Schmidt');
    const finn = await member(e.t, 'finn', 'Finn Weber');
    await post(finn, '@eva lunch at noon?');
    const page = await signedInPage(e.browser, e.t, eva.account, viewport);
    let failing = true;
    await page.route('**/api/rapport/v1/inbox?*', (route) =>
      failing
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ error: 'The inbox is resting', code: 'unavailable' }),
          })
        : route.continue(),
    );
    await page.goto('/inbox');
    // The app retries a server error twice before it gives up and says so.
    const retry = page.getByRole('button', { name: 'Try again' });
    await retry.waitFor(LIVE);
    await page.getByText('The inbox is resting').waitFor();
    await shoot(page, `inbox-error-${label}`);
    failing = false;
    await retry.click();
    await items(page).filter({ hasText: 'lunch at noon' }).waitFor();
    await page.context().close();
  });
});
