import type { CalendarEvent, Page as WikiPage } from '@rapport/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE } from './support/browser';
import { person as colleague, open } from './support/network';
import { checkPage, type Member, shoot } from './support/social';
import { e2eSuite } from './support/suite';

const inHours = (hours: number) =>
  new Date(Math.floor((Date.now() + hours * 3600_000) / 60_000) * 60_000).toISOString();

describe('inviting people to events and pages', () => {
  const e = e2eSuite();
  let ana: Member;
  let gus: Member;
  let event: CalendarEvent;
  let wiki: WikiPage;

  beforeAll(async () => {
    ana = await colleague(e, 'ana', 'Ana Silva', 'Analyst', 'Finance');
    gus = await colleague(e, 'gus', 'Gus Berg', 'Analyst', 'Finance');
    event = (
      await ana.api.post<CalendarEvent>('/api/rapport/v1/events', {
        title: 'Budget workshop',
        description: 'Planning next year together.',
        starts_at: inHours(48),
        ends_at: inHours(50),
        time_zone: 'Europe/Lisbon',
        location: 'Lisbon office',
      })
    ).body;
    wiki = (
      await ana.api.post<WikiPage>('/api/rapport/v1/pages', {
        title: 'Budget process',
        body: 'How we plan the budget.',
      })
    ).body;
  });

  it('invites a colleague never met to an event: advice shows, Send still works', async () => {
    const page = await open(e, ana, `/events/${event.id}`);
    await page.getByRole('button', { name: 'Invite people' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite people to this event' });
    const search = dialog.getByRole('searchbox', { name: 'Search people' });
    // Opened by keyboard focus on the search.
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('nobody-like-this');
    await dialog.getByText('Nobody found for “nobody-like-this”.').waitFor();
    await search.fill('gus');
    await dialog.getByRole('button', { name: 'Add Gus Berg' }).click();
    const advice = dialog.getByRole('complementary', { name: 'Advice on reaching Gus Berg' });
    await advice.waitFor();
    await dialog.getByRole('textbox', { name: /Note/ }).fill('Your numbers would help');
    const send = dialog.getByRole('button', { name: 'Send' });
    expect(await send.isEnabled()).toBe(true);
    await checkPage(page, 'invitations-event-desktop', dialog);

    await send.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Invited 1 person').waitFor();
    await shoot(page, 'invitations-event-sent-desktop');

    // Gus sees it among his notifications, with the event and the note.
    const his = await open(e, gus, '/notifications');
    await his.getByText('Ana Silva invited you to an event').waitFor();
    await his.getByRole('link', { name: 'Budget workshop — Your numbers would help' }).waitFor();
    await checkPage(his, 'invitations-event-notification-desktop');
  });

  it('asks a colleague to look at a page, on a phone', async () => {
    const phone = await open(e, ana, `/pages/${wiki.id}`, PHONE);
    await phone.getByRole('button', { name: 'Ask someone to look' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Ask people to look at this page' });
    await dialog.getByRole('searchbox', { name: 'Search people' }).fill('gus');
    await dialog.getByRole('button', { name: 'Add Gus Berg' }).click();
    await dialog.getByRole('complementary', { name: 'Advice on reaching Gus Berg' }).waitFor();
    await checkPage(phone, 'invitations-page-phone', dialog);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'detached' });
    await phone.getByText('Invited 1 person').waitFor();
    await shoot(phone, 'invitations-page-sent-phone');

    const his = await open(e, gus, '/notifications', PHONE);
    await his.getByText('Ana Silva asked you to look at a page').waitFor();
    await his.getByRole('link', { name: 'Budget process' }).waitFor();
    await checkPage(his, 'invitations-page-notification-phone');
  });
});
