import { describe, expect, it } from 'vitest';
import { community, countRows, createEvent, hoursFromNow, person } from './events.fixtures';
import { admin, ana, ben, EVENTS, t, useEventsApp } from './events.test-support';

useEventsApp();

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
