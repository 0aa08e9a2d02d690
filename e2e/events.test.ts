import fs from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './support/browser';
import { signedInPage } from './support/session';
import { checkPage, member } from './support/social';
import { e2eSuite } from './support/suite';

const VIEWPORTS = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;

/** A `datetime-local` value `days` from now at `time`, in the browser's (UTC) calendar. */
function dayAt(days: number, time: string): string {
  const date = new Date(Date.now() + days * 24 * 3600_000);
  return `${date.toISOString().slice(0, 10)}T${time}`;
}

/** Opens Events the way a person finds it: the "More" menu of the main navigation. */
async function openEventsFromNav(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'More' })
    .click();
  await page.getByRole('menuitem', { name: 'Events' }).click();
  await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
}

/** One of the Going / Maybe / Can't go buttons. */
function answer(page: Page, name: string, pressed?: boolean) {
  return page
    .getByRole('group', { name: 'Will you go?' })
    .getByRole('button', { name, exact: true, ...(pressed === undefined ? {} : { pressed }) });
}

function attendeeNames(page: Page) {
  return page.getByRole('list', { name: 'Going' }).locator('.account-row-name a').allTextContents();
}

describe.each(VIEWPORTS)('events on a %s', (label, viewport) => {
  const e = e2eSuite();

  it('an organiser creates an event, a colleague says they are going from the home page, both see each other coming, and the .ics downloads', async () => {
    const ana = await member(e.t, 'ana', 'Ana Silva');
    const ben = await member(e.t, 'ben', 'Ben Okafor');

    // Ana finds Events in the menu: nothing planned yet.
    const organiser = await signedInPage(e.browser, e.t, ana.account, viewport);
    await organiser.goto('/');
    await openEventsFromNav(organiser);
    await organiser.getByText('No upcoming events.').waitFor();
    await checkPage(organiser, `events-empty-${label}`);

    // She plans a review in Toronto time, with a place and a link.
    await organiser.getByRole('link', { name: 'New event' }).click();
    await organiser.getByRole('heading', { level: 1, name: 'New event' }).waitFor();
    const title = organiser.getByLabel('Title');
    await title.fill('Design review, Q3; roadmap');
    await organiser.getByLabel('Starts').fill(dayAt(2, '09:00'));
    expect(await organiser.getByLabel('Ends').inputValue()).toBe(dayAt(2, '10:00'));
    await organiser.getByLabel('Ends').fill(dayAt(2, '10:30'));
    await organiser.getByLabel('Time zone').selectOption('America/Toronto');
    await organiser.getByLabel('Place').fill('Toronto office, room Maple');
    await organiser.getByLabel('Online link').fill('not a link');
    await organiser
      .getByLabel('Description')
      .fill('We walk through the new flows.\nBring questions.');
    await organiser.getByRole('button', { name: 'Create event' }).click();
    // A bad link is caught before anything is sent.
    await organiser.getByText('Enter a web address starting with http:// or https://').waitFor();
    await checkPage(organiser, `events-form-error-${label}`, organiser.getByLabel('Online link'));
    await organiser.getByLabel('Online link').fill('https://meet.example.com/design-review');
    await organiser.getByRole('button', { name: 'Create event' }).click();

    await organiser
      .getByRole('heading', { level: 1, name: 'Design review, Q3; roadmap' })
      .waitFor();
    const eventUrl = organiser.url();
    const eventId = eventUrl.split('/').pop() as string;
    // Shown in her time (the browser's, UTC) and the event's: 9:00 in Toronto is 14:00 UTC.
    await organiser.getByText('Your time (UTC').waitFor();
    await organiser.getByText(/Event time \(America\/Toronto/).waitFor();
    expect(await organiser.locator('.event-when').first().textContent()).toContain('2:00');
    expect(await organiser.locator('.event-when-zone').textContent()).toContain('9:00');
    await answer(organiser, 'Going', true).waitFor();
    expect(await attendeeNames(organiser)).toEqual(['Ana Silva']);
    await checkPage(
      organiser,
      `events-page-organiser-${label}`,
      organiser.locator('.event-details'),
    );

    // Ben sees it on his home page and says he is going from there.
    const colleague = await signedInPage(e.browser, e.t, ben.account, viewport);
    await colleague.goto('/');
    const card = colleague.getByRole('region', { name: 'Upcoming events' });
    const item = card.locator('li').filter({ hasText: 'Design review, Q3; roadmap' });
    await item.waitFor();
    await checkPage(colleague, `events-home-card-${label}`, card);
    await item.getByRole('button', { name: 'I’m going' }).click();
    await item.locator('.event-rsvp-going').waitFor();
    await checkPage(colleague, `events-home-going-${label}`, card);

    // On the event page both appear among those going, and his answer is pressed.
    await item.getByRole('link', { name: 'Design review, Q3; roadmap' }).click();
    await colleague
      .getByRole('heading', { level: 1, name: 'Design review, Q3; roadmap' })
      .waitFor();
    await answer(colleague, 'Going', true).waitFor();
    await colleague.getByText('You’re going.').waitFor();
    await expect.poll(() => attendeeNames(colleague)).toEqual(['Ana Silva', 'Ben Okafor']);
    expect(await colleague.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await checkPage(
      colleague,
      `events-page-colleague-${label}`,
      colleague.locator('.event-attendees'),
    );

    // He can change his mind by keyboard: Maybe, then Going again.
    const maybe = answer(colleague, 'Maybe');
    await maybe.focus();
    await colleague.keyboard.press('Enter');
    await answer(colleague, 'Maybe', true).waitFor();
    await answer(colleague, 'Going', false).click();
    await answer(colleague, 'Going', true).waitFor();

    // Ana sees Ben coming.
    await organiser.reload();
    await expect.poll(() => attendeeNames(organiser)).toEqual(['Ana Silva', 'Ben Okafor']);
    await organiser.getByRole('button', { name: 'Going 2', pressed: true }).waitFor();

    // "Add to calendar" downloads the .ics, which a calendar library reads.
    const [download] = await Promise.all([
      colleague.waitForEvent('download'),
      colleague.getByRole('link', { name: 'Add to calendar' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('design-review-q3-roadmap.ics');
    const text = fs.readFileSync(await download.path(), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    }
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(vevent.summary).toBe('Design review, Q3; roadmap');
    expect(vevent.location).toBe('Toronto office, room Maple');
    expect(vevent.startDate.zone?.tzid).toBe('America/Toronto');
    const event = await ben.api.get<{ starts_at: string }>(`/api/rapport/v1/events/${eventId}`);
    expect(vevent.startDate.toJSDate().toISOString()).toBe(event.body.starts_at);

    // His "Going" tab lists it.
    await openEventsFromNav(colleague);
    await colleague.getByRole('link', { name: 'Going', exact: true }).click();
    await colleague.waitForURL(/tab=going/);
    const listed = colleague.locator('article[data-event-id]');
    // The previous tab's list may show until the Going list has loaded: wait for it.
    await expect.poll(() => listed.count()).toBe(1);
    await checkPage(colleague, `events-list-going-${label}`, listed.first());

    // The organiser's edit form starts from the event as planned, in its own time zone.
    await organiser.getByRole('link', { name: 'Edit' }).click();
    await organiser.getByRole('heading', { level: 1, name: 'Edit event' }).waitFor();
    expect(await organiser.getByLabel('Starts').inputValue()).toBe(dayAt(2, '09:00'));
    expect(await organiser.getByLabel('Time zone').inputValue()).toBe('America/Toronto');
    await checkPage(organiser, `events-edit-${label}`, organiser.getByLabel('Starts'));

    await organiser.context().close();
    await colleague.context().close();
  });
});
