import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import {
  community,
  countRows,
  createEvent,
  endEvent,
  type Person,
  person,
} from './events.fixtures';
import { SAME_EVENT_FAN_OUT } from './rsvps.service';

let t: TestApp;
let ana: Person;
let ben: Person;
let cleo: Person;
beforeAll(async () => {
  t = await startTestApp();
  ana = await person(t, 'member', 'Ana Silva');
  ben = await person(t, 'member', 'Ben Okafor');
  cleo = await person(t, 'member', 'Cleo Martin');
});
afterAll(() => t.close());

const rsvp = (who: Person, id: string, status: unknown) =>
  who.api.post(`/api/rapport/v1/events/${id}/rsvp`, { status });

async function sameEventPairs(eventId: string): Promise<string[]> {
  const rows = await t.ctx.db
    .selectFrom('interactions')
    .select(['actor_id', 'target_id', 'kind', 'subject_type', 'community_id'])
    .where('subject_id', '=', Number(eventId))
    .execute();
  const name = (id: number) =>
    [ana, ben, cleo].find((p) => p.account.id === id)?.account.display_name.split(' ')[0] ?? id;
  for (const row of rows) expect(row).toMatchObject({ kind: 'same_event', subject_type: 'event' });
  return rows.map((row) => `${name(row.actor_id)}->${name(row.target_id)}`).sort();
}

describe('answering an event', () => {
  it('keeps the counts in step with each change of answer', async () => {
    const event = await createEvent(ana);
    const answered = await rsvp(ben, event.id, 'going');
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body).toMatchObject({ rsvp: 'going', going_count: 2, maybe_count: 0 });
    expect((await rsvp(ben, event.id, 'maybe')).body).toMatchObject({
      rsvp: 'maybe',
      going_count: 1,
      maybe_count: 1,
    });
    expect((await rsvp(ben, event.id, 'maybe')).body).toMatchObject({
      going_count: 1,
      maybe_count: 1,
    });
    expect((await rsvp(ben, event.id, 'declined')).body).toMatchObject({
      rsvp: 'declined',
      going_count: 1,
      maybe_count: 0,
    });
    // The organiser may step back too.
    expect((await rsvp(ana, event.id, 'declined')).body).toMatchObject({ going_count: 0 });
    const seen = await cleo.api.get(`/api/rapport/v1/events/${event.id}`);
    expect(seen.body).toMatchObject({ going_count: 0, maybe_count: 0, rsvp: null });
  });

  it('counts every answer given at the same moment', async () => {
    const event = await createEvent(ana);
    const crowd = await Promise.all(Array.from({ length: 8 }, () => person(t)));
    const answers = await Promise.all(
      crowd.map((p, i) => rsvp(p, event.id, i % 2 ? 'going' : 'maybe')),
    );
    expect(answers.map((a) => a.status)).toEqual(crowd.map(() => 200));
    const row = await t.ctx.db
      .selectFrom('events')
      .select(['going_count', 'maybe_count'])
      .where('id', '=', Number(event.id))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ going_count: 5, maybe_count: 4 });
  });

  it('refuses an unknown answer, and any answer once the event has ended, changing nothing', async () => {
    const event = await createEvent(ana);
    const before = await countRows(t, 'event_rsvps');
    const unknown = await rsvp(ben, event.id, 'attending');
    expect(unknown.status).toBe(422);
    expect(unknown.body.details.status).toBeDefined();
    await endEvent(t, event.id);
    const late = await rsvp(ben, event.id, 'going');
    expect(late.status).toBe(422);
    expect(late.body.error).toContain('already ended');
    expect(await countRows(t, 'event_rsvps')).toBe(before);
    expect((await rsvp(ben, '999999', 'going')).status).toBe(404);
  });

  it('emits a typed event for each change of answer', async () => {
    const seen: string[] = [];
    t.ctx.events.on('event.rsvp_changed', (e) => {
      seen.push(`${e.event_id} ${e.account_id} ${e.status}`);
    });
    const event = await createEvent(ana);
    await rsvp(ben, event.id, 'maybe');
    await rsvp(ben, event.id, 'maybe');
    await rsvp(ben, event.id, 'going');
    await t.ctx.events.settled();
    expect(seen.filter((line) => line.startsWith(event.id))).toEqual([
      `${event.id} ${ben.account.id} maybe`,
      `${event.id} ${ben.account.id} going`,
    ]);
  });
});

describe('the interaction ledger', () => {
  it('pairs each person going with the others going, once, and forgets it when they stop going', async () => {
    const id = await community(t, 'public', [[ana, 'member']]);
    const event = await createEvent(ana, { community_id: String(id) });
    await rsvp(ben, event.id, 'going');
    expect(await sameEventPairs(event.id)).toEqual(['Ben->Ana']);
    await rsvp(cleo, event.id, 'maybe');
    expect(await sameEventPairs(event.id)).toEqual(['Ben->Ana']);
    await rsvp(cleo, event.id, 'going');
    expect(await sameEventPairs(event.id)).toEqual(['Ben->Ana', 'Cleo->Ana', 'Cleo->Ben']);
    const rows = await t.ctx.db
      .selectFrom('interactions')
      .select('community_id')
      .where('subject_id', '=', Number(event.id))
      .execute();
    expect(rows.every((row) => row.community_id === id)).toBe(true);

    await rsvp(ben, event.id, 'declined');
    expect(await sameEventPairs(event.id)).toEqual(['Cleo->Ana']);
    await rsvp(ben, event.id, 'going');
    expect(await sameEventPairs(event.id)).toEqual(['Ben->Ana', 'Ben->Cleo', 'Cleo->Ana']);
  });

  it(`pairs a newcomer with at most ${SAME_EVENT_FAN_OUT} of a large crowd`, async () => {
    const event = await createEvent(ana);
    const now = Date.now();
    const crowd = [];
    for (let i = 0; i < SAME_EVENT_FAN_OUT + 5; i++) crowd.push(await createAccount(t.ctx));
    await t.ctx.db
      .insertInto('event_rsvps')
      .values(
        crowd.map((account, i) => ({
          event_id: Number(event.id),
          account_id: account.id,
          status: 'going' as const,
          created_at: now + i,
          updated_at: now + i,
        })),
      )
      .execute();
    await rsvp(ben, event.id, 'going');
    const rows = await t.ctx.db
      .selectFrom('interactions')
      .select('target_id')
      .where('subject_id', '=', Number(event.id))
      .where('actor_id', '=', ben.account.id)
      .execute();
    expect(rows).toHaveLength(SAME_EVENT_FAN_OUT);
    // The most recent to answer are the ones paired.
    const targets = new Set(rows.map((row) => row.target_id));
    expect(targets.has((crowd.at(-1) as { id: number }).id)).toBe(true);
    expect(targets.has(ana.account.id)).toBe(false);
  });
});

describe('attendees', () => {
  it('lists each answer in the order given, with Link pages, and who declined only to organisers', async () => {
    const event = await createEvent(ana);
    await rsvp(ben, event.id, 'going');
    await rsvp(cleo, event.id, 'going');
    const first = await ben.api.get(`/api/rapport/v1/events/${event.id}/attendees?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.map((a: { account: { id: string } }) => a.account.id)).toEqual([
      String(ana.account.id),
      String(ben.account.id),
    ]);
    expect(first.body[0]).toMatchObject({ status: 'going' });
    const next = String(first.headers.link).match(/<([^>]+)>; rel="next"/)?.[1] as string;
    const url = new URL(next);
    const second = await ben.api.get(url.pathname + url.search);
    expect(second.body.map((a: { account: { id: string } }) => a.account.id)).toEqual([
      String(cleo.account.id),
    ]);

    await rsvp(cleo, event.id, 'declined');
    const maybe = await ben.api.get(`/api/rapport/v1/events/${event.id}/attendees?status=maybe`);
    expect(maybe.body).toEqual([]);
    expect(
      (await ben.api.get(`/api/rapport/v1/events/${event.id}/attendees?status=declined`)).status,
    ).toBe(403);
    const declined = await ana.api.get(
      `/api/rapport/v1/events/${event.id}/attendees?status=declined`,
    );
    expect(declined.body.map((a: { account: { id: string } }) => a.account.id)).toEqual([
      String(cleo.account.id),
    ]);
    expect(
      (await ben.api.get(`/api/rapport/v1/events/${event.id}/attendees?status=unknown`)).status,
    ).toBe(400);
  });

  it('shows only the people the viewer may see', async () => {
    const guest = await person(t, 'guest', 'Gina Guest');
    const outsider = await person(t, 'member', 'Olga Outside');
    const id = await community(t, 'public', [
      [ana, 'owner'],
      [guest, 'member'],
    ]);
    const event = await createEvent(ana, { community_id: String(id) });
    await rsvp(guest, event.id, 'going');
    await rsvp(outsider, event.id, 'going');
    const names = async (viewer: Person) =>
      (await viewer.api.get(`/api/rapport/v1/events/${event.id}/attendees`)).body
        .map((a: { account: { display_name: string } }) => a.account.display_name)
        .sort();
    // The guest meets the people of their community, not the rest of the organisation.
    expect(await names(guest)).toEqual(['Ana Silva', 'Gina Guest']);
    // A member outside the community sees the staff going, not the community's guest.
    expect(await names(outsider)).toEqual(['Ana Silva', 'Olga Outside']);
    expect(await names(ana)).toEqual(['Ana Silva', 'Gina Guest', 'Olga Outside']);
  });
});
