import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, tokenFor } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { api } from '../../test/http';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { community, join, type Person } from '../features/events/events.fixtures';
import { seedEvents } from './events';
import { DEPARTMENTS } from './organisation';

/** The demo's calendar step on a small organisation (the whole demo is seed.test.ts's). */

let t: TestApp;
let accounts: AccountRow[];
let ana: ReturnType<typeof api>;
let guest: ReturnType<typeof api>;
let forum: number;
beforeAll(async () => {
  t = await startTestApp();
  const staff = async (username: string, department: string, title: string, role = 'member') =>
    createAccount(t.ctx, {
      username,
      role: role as 'member',
      profile: { department, title, location: 'Lisbon' },
    });
  accounts = [
    await staff('admin', 'People & Culture', 'Workplace Systems Admin', 'admin'),
    await staff('ana_silva', 'Product', 'Senior Product Manager'),
  ];
  for (const department of DEPARTMENTS) {
    for (let i = 0; i < 6; i++) {
      accounts.push(
        await staff(
          `${department.name.replace(/\W/g, '').toLowerCase()}${i}`,
          department.name,
          i === 0 ? (department.leads[0] as string) : (department.titles[0] as string),
        ),
      );
    }
  }
  const lucia = await createAccount(t.ctx, { username: 'lucia', role: 'guest' });
  accounts.push(lucia);
  const asPerson = (account: AccountRow) => ({ account }) as Person;
  const marketingLead = accounts.find((a) => a.department === 'Marketing') as AccountRow;
  forum = await community(t, 'private', [
    [asPerson(marketingLead), 'owner'],
    [asPerson(lucia), 'member'],
  ]);
  await t.ctx.db
    .updateTable('communities')
    .set({ name: 'Customer forum', name_key: 'customer forum' })
    .where('id', '=', forum)
    .execute();
  await join(t, forum, asPerson(accounts[1] as AccountRow));
  await seedEvents(t.ctx, { accounts, now: Date.now(), ana: 'ana_silva', admin: 'admin' });
  ana = api(t.app, await tokenFor(t.ctx, accounts[1] as AccountRow));
  guest = api(t.app, await tokenFor(t.ctx, lucia));
});
afterAll(() => t.close());

describe('the demo calendar', () => {
  it('has upcoming and past events across the offices’ time zones', async () => {
    const upcoming = (await ana.get('/api/rapport/v1/events?limit=40')).body;
    const past = (await ana.get('/api/rapport/v1/events?past=true&limit=40')).body;
    expect(upcoming.length).toBeGreaterThanOrEqual(6);
    expect(past.length).toBeGreaterThanOrEqual(3);
    const zones = new Set([...upcoming, ...past].map((e: { time_zone: string }) => e.time_zone));
    expect(zones.size).toBeGreaterThanOrEqual(5);
    expect(upcoming.some((e: { cancelled_at: string | null }) => e.cancelled_at !== null)).toBe(
      true,
    );
    expect(
      upcoming.some(
        (e: { online_url: string | null; location: string }) => e.online_url && !e.location,
      ),
    ).toBe(true);
  });

  it('has Ana going to some upcoming events, and answers whose counts add up', async () => {
    const going = (await ana.get('/api/rapport/v1/events?rsvp=going')).body;
    expect(going.length).toBeGreaterThanOrEqual(2);
    const rows = await t.ctx.db.selectFrom('events').selectAll().execute();
    for (const row of rows) {
      const answers = await t.ctx.db
        .selectFrom('event_rsvps')
        .select('status')
        .where('event_id', '=', row.id)
        .execute();
      expect(row.going_count, row.title).toBe(answers.filter((a) => a.status === 'going').length);
      expect(row.maybe_count, row.title).toBe(answers.filter((a) => a.status === 'maybe').length);
    }
    const pairs = await t.ctx.db
      .selectFrom('interactions')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('kind', '=', 'same_event')
      .executeTakeFirstOrThrow();
    expect(Number(pairs.n)).toBeGreaterThan(50);
  });

  it('holds the customer webinar in the customer community, where the guest sees it', async () => {
    const seen = (await guest.get('/api/rapport/v1/events')).body;
    expect(seen.map((e: { title: string }) => e.title)).toEqual([
      'Webinar: what’s new in reporting',
    ]);
    expect(seen[0].community.id).toBe(String(forum));
  });
});
