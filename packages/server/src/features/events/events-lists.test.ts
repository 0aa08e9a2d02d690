import { describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/harness';
import {
  community,
  createEvent,
  endEvent,
  hoursFromNow,
  type Person,
  person,
} from './events.fixtures';
import { searchEvents } from './events.service';
import { ana, ben, EVENTS, t, useEventsApp } from './events.test-support';

useEventsApp();

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
