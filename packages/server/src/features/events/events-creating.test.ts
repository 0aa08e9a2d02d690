import { describe, expect, it } from 'vitest';
import { api } from '../../../test/http';
import {
  community,
  countRows,
  createEvent,
  eventInput,
  hoursFromNow,
  person,
} from './events.fixtures';
import { ana, ben, EVENTS, t, useEventsApp } from './events.test-support';

useEventsApp();

describe('creating an event', () => {
  it('stores it with its organiser going, and shows it as the issue describes', async () => {
    const res = await ana.api.post(EVENTS, {
      ...eventInput(),
      title: '  Design review  ',
      description: 'Agenda: https://wiki.example.com/review\n\nBring <questions>.',
    });
    expect(res.status, res.text).toBe(200);
    const event = res.body;
    expect(event).toMatchObject({
      title: 'Design review',
      time_zone: 'Europe/Lisbon',
      location: 'Lisbon office, 3rd floor',
      online_url: 'https://meet.example.com/all-hands',
      community: null,
      going_count: 1,
      maybe_count: 0,
      rsvp: 'going',
      can_edit: true,
      cancelled_at: null,
      url: `${t.url}/events/${event.id}`,
      ics_url: `${t.url}/api/rapport/v1/events/${event.id}.ics`,
    });
    expect(event.organiser.id).toBe(String(ana.account.id));
    expect(event.html).toContain('<a href="https://wiki.example.com/review"');
    expect(event.html).toContain('Bring &lt;questions&gt;.');
    expect(event.html).not.toContain('<questions>');

    // Another member sees it, without the right to edit it and without an answer yet.
    const seen = await ben.api.get(`${EVENTS}/${event.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: event.id, rsvp: null, can_edit: false });
  });

  it('reads a time without an offset as wall-clock time in the event’s time zone', async () => {
    const toronto = await createEvent(ana, {
      starts_at: '2099-01-15T09:00',
      ends_at: '2099-01-15T10:30',
      time_zone: 'America/Toronto',
    });
    expect(toronto.starts_at).toBe('2099-01-15T14:00:00.000Z');
    expect(toronto.ends_at).toBe('2099-01-15T15:30:00.000Z');
    // Summer time in Lisbon is UTC+1; an explicit offset is an instant whatever the zone.
    const lisbon = await createEvent(ana, {
      starts_at: '2099-07-01T09:00:00',
      ends_at: '2099-07-01T17:00:00+01:00',
    });
    expect(lisbon.starts_at).toBe('2099-07-01T08:00:00.000Z');
    expect(lisbon.ends_at).toBe('2099-07-01T16:00:00.000Z');
  });

  it.each([
    ['a missing title', { title: undefined }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a title too long', { title: 'x'.repeat(201) }, 'title'],
    ['an unknown time zone', { time_zone: 'Mars/Olympus_Mons' }, 'time_zone'],
    ['an offset for a time zone', { time_zone: '+01:00' }, 'time_zone'],
    ['a javascript: link', { online_url: 'javascript:alert(1)' }, 'online_url'],
    ['an ftp link', { online_url: 'ftp://files.example.com/x' }, 'online_url'],
    ['a link that is not one', { online_url: 'meet me there' }, 'online_url'],
    ['an end before the start', { ends_at: hoursFromNow(23) }, 'ends_at'],
    ['an end at the start', { ends_at: hoursFromNow(24) }, 'ends_at'],
    ['an event of 40 days', { ends_at: hoursFromNow(24 * 41) }, 'ends_at'],
    [
      'an event already over',
      { starts_at: hoursFromNow(-3), ends_at: hoursFromNow(-2) },
      'ends_at',
    ],
    ['a date that is not one', { starts_at: '2099-02-30T10:00' }, 'starts_at'],
    ['a time that is not ISO 8601', { starts_at: 'next Tuesday' }, 'starts_at'],
    ['a description too long', { description: 'x'.repeat(5001) }, 'description'],
    ['a location too long', { location: 'x'.repeat(301) }, 'location'],
  ])('refuses %s with 422 and stores nothing', async (_case, change, field) => {
    const before = await Promise.all([countRows(t, 'events'), countRows(t, 'event_rsvps')]);
    const res = await ana.api.post(EVENTS, eventInput(change));
    expect(res.status, res.text).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    expect(Object.keys(res.body.details)).toEqual([field]);
    expect(await Promise.all([countRows(t, 'events'), countRows(t, 'event_rsvps')])).toEqual(
      before,
    );
  });

  it('names every field at fault at once', async () => {
    const res = await ana.api.post(
      EVENTS,
      eventInput({ title: '', time_zone: 'Nowhere/City', online_url: 'mailto:a@b.c' }),
    );
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.details).sort()).toEqual(['online_url', 'time_zone', 'title']);
    expect(res.body.error).toMatch(/^Validation failed: /);
  });

  it('lets guests create events only in their communities', async () => {
    const guest = await person(t, 'guest');
    const orgWide = await guest.api.post(EVENTS, eventInput());
    expect(orgWide.status).toBe(422);
    expect(orgWide.body.details.community_id).toBeDefined();
    const theirs = await community(t, 'private', [[guest, 'member']]);
    const inside = await guest.api.post(EVENTS, eventInput({ community_id: String(theirs) }));
    expect(inside.status, inside.text).toBe(200);
    expect(inside.body.community).toMatchObject({ id: String(theirs), privacy: 'private' });
  });

  it('lets only members create events in a community; a hidden one is not found', async () => {
    const open = await community(t, 'public', [[ana, 'owner']]);
    const secret = await community(t, 'secret', [[ana, 'owner']]);
    const before = await countRows(t, 'events');
    expect((await ben.api.post(EVENTS, eventInput({ community_id: String(open) }))).status).toBe(
      403,
    );
    expect((await ben.api.post(EVENTS, eventInput({ community_id: String(secret) }))).status).toBe(
      404,
    );
    expect((await ben.api.post(EVENTS, eventInput({ community_id: '123456' }))).status).toBe(404);
    expect(await countRows(t, 'events')).toBe(before);
    expect((await ana.api.post(EVENTS, eventInput({ community_id: String(open) }))).status).toBe(
      200,
    );
  });

  it('needs a signed-in person with the write scope', async () => {
    expect((await api(t.app).post(EVENTS, eventInput())).status).toBe(401);
    expect((await api(t.app).get(EVENTS)).status).toBe(401);
  });
});
