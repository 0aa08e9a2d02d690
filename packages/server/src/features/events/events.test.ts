import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import {
  community,
  countRows,
  createEvent,
  endEvent,
  eventInput,
  hoursFromNow,
  type Person,
  person,
} from './events.fixtures';
import { searchEvents } from './events.service';

let t: TestApp;
let ana: Person;
let ben: Person;
let admin: Person;
beforeAll(async () => {
  t = await startTestApp();
  ana = await person(t, 'member', 'Ana Silva');
  ben = await person(t, 'member', 'Ben Okafor');
  admin = await person(t, 'admin');
});
afterAll(() => t.close());

const EVENTS = '/api/rapport/v1/events';

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

describe('editing, cancelling and deleting', () => {
  it('lets the organiser edit, and refuses bad input without changing anything', async () => {
    const event = await createEvent(ana);
    const edited = await ana.api.patch(`${EVENTS}/${event.id}`, {
      title: 'All-hands (moved upstairs)',
      location: 'Lisbon office, 4th floor',
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'All-hands (moved upstairs)',
      location: 'Lisbon office, 4th floor',
      starts_at: event.starts_at,
    });

    const stored = await t.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', Number(event.id))
      .executeTakeFirstOrThrow();
    for (const bad of [
      { ends_at: event.starts_at },
      { title: '' },
      { time_zone: 'Atlantis/Capital' },
      { online_url: 'file:///etc/passwd' },
      { community_id: '42' },
    ]) {
      const res = await ana.api.patch(`${EVENTS}/${event.id}`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
    }
    const after = await t.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', Number(event.id))
      .executeTakeFirstOrThrow();
    expect(after).toEqual(stored);
  });

  it('keeps the instants when only the time zone changes, and the wall time when both are sent', async () => {
    const event = await createEvent(ana, {
      starts_at: '2099-03-10T09:00',
      ends_at: '2099-03-10T10:00',
      time_zone: 'Europe/Berlin',
    });
    const zoneOnly = await ana.api.patch(`${EVENTS}/${event.id}`, { time_zone: 'Asia/Singapore' });
    expect(zoneOnly.body).toMatchObject({
      time_zone: 'Asia/Singapore',
      starts_at: '2099-03-10T08:00:00.000Z',
    });
    const both = await ana.api.patch(`${EVENTS}/${event.id}`, {
      time_zone: 'Asia/Singapore',
      starts_at: '2099-03-10T09:00',
      ends_at: '2099-03-10T10:00',
    });
    expect(both.body.starts_at).toBe('2099-03-10T01:00:00.000Z');
  });

  it('lets the organiser and admins manage organisation-wide events, nobody else', async () => {
    const event = await createEvent(ana);
    expect((await ben.api.patch(`${EVENTS}/${event.id}`, { title: 'Mine now' })).status).toBe(403);
    expect((await ben.api.delete(`${EVENTS}/${event.id}`)).status).toBe(403);
    const byAdmin = await admin.api.patch(`${EVENTS}/${event.id}`, { title: 'Checked by admin' });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.can_edit).toBe(true);
    expect((await admin.api.delete(`${EVENTS}/${event.id}`)).status).toBe(200);
    expect((await ana.api.get(`${EVENTS}/${event.id}`)).status).toBe(404);
  });

  it('lets a community’s owners and moderators manage its events, not its members or admins', async () => {
    const moderator = await person(t);
    const member = await person(t);
    const id = await community(t, 'public', [
      [ana, 'member'],
      [moderator, 'moderator'],
      [member, 'member'],
    ]);
    const event = await createEvent(ana, { community_id: String(id) });
    expect((await member.api.patch(`${EVENTS}/${event.id}`, { title: 'x' })).status).toBe(403);
    // Admins are not members here: the community's own moderators run it.
    expect((await admin.api.patch(`${EVENTS}/${event.id}`, { title: 'x' })).status).toBe(403);
    const moderated = await moderator.api.patch(`${EVENTS}/${event.id}`, {
      description: 'Tidied by a moderator',
    });
    expect(moderated.status).toBe(200);
    expect(moderated.body.can_edit).toBe(true);
    expect((await moderator.api.delete(`${EVENTS}/${event.id}`)).status).toBe(200);
  });

  it('tells those going when the time changes or the event is cancelled, not when the text does', async () => {
    const event = await createEvent(ana);
    await ben.api.post(`${EVENTS}/${event.id}/rsvp`, { status: 'going' });
    const notices = async () =>
      (await ben.api.get('/api/v1/notifications')).body.filter(
        (n: { subject?: { id: string } | null }) => n.subject?.id === event.id,
      );

    await ana.api.patch(`${EVENTS}/${event.id}`, { description: 'Now with snacks' });
    expect(await notices()).toEqual([]);

    const moved = await ana.api.patch(`${EVENTS}/${event.id}`, {
      starts_at: hoursFromNow(48),
      ends_at: hoursFromNow(49),
    });
    expect(moved.status).toBe(200);
    const [changed] = await notices();
    expect(changed).toMatchObject({
      type: 'event_changed',
      account: { id: String(ana.account.id) },
      subject: { type: 'event', id: event.id, url: `${t.url}/events/${event.id}` },
    });
    // The organiser is not told of their own change.
    const own = (await ana.api.get('/api/v1/notifications')).body;
    expect(
      own.filter((n: { subject?: { id: string } | null }) => n.subject?.id === event.id),
    ).toEqual([]);

    const cancelled = await ana.api.patch(`${EVENTS}/${event.id}`, { cancelled: true });
    expect(cancelled.body.cancelled_at).not.toBeNull();
    expect((await notices()).map((n: { type: string }) => n.type)).toEqual([
      'event_cancelled',
      'event_changed',
    ]);
    const answer = await ben.api.post(`${EVENTS}/${event.id}/rsvp`, { status: 'maybe' });
    expect(answer.status).toBe(422);
    const restored = await ana.api.patch(`${EVENTS}/${event.id}`, { cancelled: false });
    expect(restored.body.cancelled_at).toBeNull();
  });

  it('tells those going when an upcoming event is deleted, and emits a typed event for each change', async () => {
    const seen: string[] = [];
    for (const type of ['event.created', 'event.updated', 'event.deleted'] as const) {
      t.ctx.events.on(type, (event) => {
        seen.push(`${event.type} ${event.event_id}`);
      });
    }
    const event = await createEvent(ana);
    await ben.api.post(`${EVENTS}/${event.id}/rsvp`, { status: 'maybe' });
    await ana.api.patch(`${EVENTS}/${event.id}`, { title: 'Renamed' });
    expect((await ana.api.delete(`${EVENTS}/${event.id}`)).status).toBe(200);
    await t.ctx.events.settled();
    expect(seen.filter((line) => line.endsWith(` ${event.id}`))).toEqual([
      `event.created ${event.id}`,
      `event.updated ${event.id}`,
      `event.deleted ${event.id}`,
    ]);
    const notices = (await ben.api.get('/api/v1/notifications')).body.filter(
      (n: { subject?: { id: string } | null }) => n.subject?.id === event.id,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      type: 'event_cancelled',
      subject: { title: 'Renamed', url: `${t.url}/events` },
    });
    expect(await countRows(t, 'event_rsvps')).toBeGreaterThan(0);
    const left = await t.ctx.db
      .selectFrom('event_rsvps')
      .select('account_id')
      .where('event_id', '=', Number(event.id))
      .execute();
    expect(left).toEqual([]);
  });
});

describe('lists', () => {
  it('pages upcoming events soonest first, past ones latest first, with Link headers', async () => {
    const t2 = await startTestApp();
    try {
      const org = await person(t2);
      const reader = await person(t2);
      const made: string[] = [];
      for (const hours of [30, 10, 20, 40, 50]) {
        made.push(
          (
            await createEvent(org, {
              starts_at: hoursFromNow(hours),
              ends_at: hoursFromNow(hours + 1),
            })
          ).id,
        );
      }
      const [e30, e10, e20, e40, e50] = made;
      const first = await reader.api.get('/api/rapport/v1/events?limit=2');
      expect(first.body.map((e: { id: string }) => e.id)).toEqual([e10, e20]);
      const next = String(first.headers.link).match(/<([^>]+)>; rel="next"/)?.[1];
      expect(next).toBeDefined();
      const second = await reader.api.get(
        new URL(next as string).pathname + new URL(next as string).search,
      );
      expect(second.body.map((e: { id: string }) => e.id)).toEqual([e30, e40]);

      await endEvent(t2, e10 as string, 30);
      await endEvent(t2, e20 as string, 5);
      const upcoming = await reader.api.get('/api/rapport/v1/events?upcoming=true');
      expect(upcoming.body.map((e: { id: string }) => e.id)).toEqual([e30, e40, e50]);
      const past = await reader.api.get('/api/rapport/v1/events?past=true');
      expect(past.body.map((e: { id: string }) => e.id)).toEqual([e20, e10]);
      expect(past.headers.link).toBeUndefined();

      // An event under way is upcoming until it ends.
      await t2.ctx.db
        .updateTable('events')
        .set({ starts_at: Date.now() - 3600_000, ends_at: Date.now() + 3600_000 })
        .where('id', '=', Number(e50))
        .execute();
      const now = await reader.api.get('/api/rapport/v1/events');
      expect(now.body.map((e: { id: string }) => e.id)).toEqual([e50, e30, e40]);

      expect((await reader.api.get('/api/rapport/v1/events?upcoming=true&past=true')).status).toBe(
        400,
      );
      expect((await reader.api.get('/api/rapport/v1/events?cursor=nonsense')).status).toBe(400);
    } finally {
      await t2.close();
    }
  });

  it('filters by community and by the viewer going', async () => {
    const id = await community(t, 'public', [[ana, 'member']]);
    const inside = await createEvent(ana, { community_id: String(id) });
    const outside = await createEvent(ana);
    const byCommunity = await ben.api.get(`${EVENTS}?community_id=${id}`);
    expect(byCommunity.body.map((e: { id: string }) => e.id)).toEqual([inside.id]);

    await ben.api.post(`${EVENTS}/${outside.id}/rsvp`, { status: 'going' });
    await ben.api.post(`${EVENTS}/${inside.id}/rsvp`, { status: 'maybe' });
    const mine = await ben.api.get(`${EVENTS}?rsvp=going&limit=80`);
    const ids = mine.body.map((e: { id: string }) => e.id);
    expect(ids).toContain(outside.id);
    expect(ids).not.toContain(inside.id);
    expect(mine.body.every((e: { rsvp: string }) => e.rsvp === 'going')).toBe(true);
  });

  it('finds events for the unified search by the words of their title and place', async () => {
    const secret = await community(t, 'secret', [[ana, 'owner']]);
    await createEvent(ana, { title: 'Kayaking trip', location: 'Tagus river' });
    await createEvent(ana, { title: 'Kayaking debrief', community_id: String(secret) });
    const as = (p: Person) => ({
      id: p.account.id,
      username: p.account.username,
      role: p.account.role,
    });
    const titles = async (p: Person, q: string) =>
      (await searchEvents(t.ctx, as(p), q, 10)).map((event) => event.title).sort();
    expect(await titles(ana, 'kayak')).toEqual(['Kayaking debrief', 'Kayaking trip']);
    expect(await titles(ben, 'kayak')).toEqual(['Kayaking trip']);
    expect(await titles(ben, 'tagus kay')).toEqual(['Kayaking trip']);
    expect(await titles(ben, 'KAYAKING rivers')).toEqual([]);
    expect(await titles(ben, '  ')).toEqual([]);
  });
});
