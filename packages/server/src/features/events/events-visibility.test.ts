import type { CommunityPrivacy } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { updateAccount } from '../accounts/accounts.queries';
import { loadCommunityAccess } from '../visibility/community-facts';
import { community, countRows, createEvent, join, type Person, person } from './events.fixtures';
import { findEventById, listEvents } from './events.queries';
import { canSeeEvent } from './events.rules';
import { MAX_DURATION_MS } from './events.service';

/**
 * The privacy matrix for events: for each kind of event and each kind of viewer, every
 * route answers exactly what that viewer may see, and a hidden event is "not found"
 * everywhere, its calendar file included.
 */

type Where = 'organisation' | CommunityPrivacy;
const WHERE: Where[] = ['organisation', 'public', 'private', 'secret'];

let t: TestApp;
let viewers: Record<string, Person>;
let events: Record<Where, string>;

/** Who sees what: the design's rule, written out. */
const SEES: Record<string, Where[]> = {
  admin: ['organisation', 'public'],
  member: ['organisation', 'public'],
  guestElsewhere: [],
  communityMember: ['organisation', 'public', 'private', 'secret'],
  communityGuest: ['public', 'private', 'secret'],
  invited: ['organisation', 'public'],
  requested: ['organisation', 'public'],
};

beforeAll(async () => {
  t = await startTestApp();
  const organiser = await person(t);
  viewers = {
    admin: await person(t, 'admin'),
    member: await person(t),
    guestElsewhere: await person(t, 'guest'),
    communityMember: await person(t),
    communityGuest: await person(t, 'guest'),
    invited: await person(t),
    requested: await person(t),
  };
  await community(t, 'private', [[viewers.guestElsewhere as Person, 'member']]);
  events = { organisation: (await createEvent(organiser)).id } as Record<Where, string>;
  for (const privacy of ['public', 'private', 'secret'] as const) {
    const id = await community(t, privacy, [
      [organiser, 'owner'],
      [viewers.communityMember as Person, 'member'],
      [viewers.communityGuest as Person, 'member'],
    ]);
    await join(t, id, viewers.invited as Person, 'member', 'invited');
    await join(t, id, viewers.requested as Person, 'member', 'requested');
    events[privacy] = (
      await createEvent(organiser, { title: `Gathering ${privacy}`, community_id: String(id) })
    ).id;
  }
});
afterAll(() => t.close());

describe('who sees an event', () => {
  it.each(Object.keys(SEES))(
    'answers a viewer who is %s exactly what they may see',
    async (kind) => {
      const viewer = viewers[kind] as Person;
      const visible = SEES[kind] as Where[];
      const listed = (await viewer.api.get('/api/rapport/v1/events?limit=80')).body.map(
        (event: { id: string }) => event.id,
      );
      for (const where of WHERE) {
        const id = events[where];
        const sees = visible.includes(where);
        const label = `${kind} / ${where}`;
        const expected = sees ? 200 : 404;
        expect((await viewer.api.get(`/api/rapport/v1/events/${id}`)).status, label).toBe(expected);
        const ics = await viewer.api.get(`/api/rapport/v1/events/${id}.ics`);
        expect(ics.status, `${label} .ics`).toBe(expected);
        if (!sees) expect(ics.text, label).not.toContain('BEGIN:VCALENDAR');
        expect(
          (await viewer.api.get(`/api/rapport/v1/events/${id}/attendees`)).status,
          `${label} attendees`,
        ).toBe(expected);
        expect(listed.includes(id), `${label} in the list`).toBe(sees);
      }
    },
  );

  it('refuses answers, edits and deletions of hidden events as not found, changing nothing', async () => {
    const outsider = viewers.member as Person;
    const before = await countRows(t, 'event_rsvps');
    for (const where of ['private', 'secret'] as const) {
      const id = events[where];
      expect(
        (await outsider.api.post(`/api/rapport/v1/events/${id}/rsvp`, { status: 'going' })).status,
      ).toBe(404);
      expect(
        (await outsider.api.patch(`/api/rapport/v1/events/${id}`, { title: 'x' })).status,
      ).toBe(404);
      expect((await outsider.api.delete(`/api/rapport/v1/events/${id}`)).status).toBe(404);
      const stored = await findEventById(t.ctx.db, Number(id));
      expect(stored?.title).toBe(`Gathering ${where}`);
    }
    expect(await countRows(t, 'event_rsvps')).toBe(before);
    // An admin governs communities but has no reach into a private one's events.
    const admin = viewers.admin as Person;
    expect((await admin.api.delete(`/api/rapport/v1/events/${events.private}`)).status).toBe(404);
  });

  it('filters by a community the viewer may not read as an empty list', async () => {
    const row = await findEventById(t.ctx.db, Number(events.secret));
    const res = await (viewers.member as Person).api.get(
      `/api/rapport/v1/events?community_id=${row?.community_id}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it('closes every door to a suspended account', async () => {
    const suspended = await person(t);
    await updateAccount(t.ctx.db, suspended.account.id, { suspended: 1, suspended_at: Date.now() });
    for (const where of WHERE) {
      const res = await suspended.api.get(`/api/rapport/v1/events/${events[where]}.ics`);
      expect(res.status).toBeGreaterThanOrEqual(401);
      expect(res.status).toBeLessThan(404);
    }
  });

  it('says in SQL what canSeeEvent says', async () => {
    const rows = await t.ctx.db.selectFrom('events').selectAll().execute();
    for (const [kind, viewer] of Object.entries(viewers)) {
      const v = {
        id: viewer.account.id,
        username: viewer.account.username,
        role: viewer.account.role,
      };
      const listed = await listEvents(t.ctx.db, {
        viewer: v,
        when: 'upcoming',
        now: Date.now(),
        maxDurationMs: MAX_DURATION_MS,
        limit: 80,
      });
      const access = await loadCommunityAccess(
        t.ctx.db,
        v.id,
        rows.flatMap((row) => (row.community_id === null ? [] : [row.community_id])),
      );
      const expected = rows
        .filter((row) =>
          canSeeEvent(v, row, row.community_id === null ? undefined : access.get(row.community_id)),
        )
        .map((row) => row.id)
        .sort();
      expect(listed.map((row) => row.id).sort(), kind).toEqual(expected);
    }
  });
});
