import type { DomainEvent } from '@rapport/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { community, createEvent, type Person, person } from '../events/events.fixtures';
import { writePage } from '../pages/pages.fixtures';

let t: TestApp;
let ana: Person;
let ben: Person;
let cleo: Person;
let guest: Person;
const heard: DomainEvent[] = [];

beforeAll(async () => {
  t = await startTestApp();
  ana = await person(t, 'member', 'Ana Silva');
  ben = await person(t, 'member', 'Ben Okafor');
  cleo = await person(t, 'member', 'Cleo Park');
  guest = await person(t, 'guest', 'Gus Guest');
  for (const type of ['event.invited', 'page.invited'] as const) {
    t.ctx.events.on(type, (event) => {
      heard.push(event);
    });
  }
});
afterAll(() => t.close());
beforeEach(() => {
  heard.length = 0;
});

const id = (p: Person) => String(p.account.id);

async function invitationsOf(p: Person, type: string) {
  const res = await p.api.get(`/api/v1/notifications?types[]=${type}`);
  expect(res.status, res.text).toBe(200);
  return res.body as Array<{
    type: string;
    account: { id: string };
    subject: { type: string; id: string; title: string; url: string } | null;
  }>;
}

async function notificationCount(): Promise<number> {
  const row = await t.ctx.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('inviting people to an event', () => {
  it('tells each invitee once, with the event as the subject and the note under it', async () => {
    const event = await createEvent(ana, { title: 'Design review' });
    const url = `/api/rapport/v1/events/${event.id}/invitations`;
    const res = await ana.api.post(url, {
      account_ids: [id(ben), id(cleo)],
      note: 'Your eyes on the flows would help',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ invited: [id(ben), id(cleo)], already_invited: [] });
    await t.ctx.events.settled();

    const [notice] = await invitationsOf(ben, 'event_invitation');
    expect(notice?.account.id).toBe(id(ana));
    expect(notice?.subject).toMatchObject({
      type: 'event',
      id: event.id,
      title: 'Design review — Your eyes on the flows would help',
    });
    expect(notice?.subject?.url).toMatch(new RegExp(`/events/${event.id}$`));
    expect(heard).toEqual([
      expect.objectContaining({
        type: 'event.invited',
        subject_id: event.id,
        by_id: id(ana),
        invitee_ids: [id(ben), id(cleo)],
      }),
    ]);

    // Again: nobody is told twice, and it is not an error.
    const before = await notificationCount();
    const again = await ana.api.post(url, { account_ids: [id(ben)] });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ invited: [], already_invited: [id(ben)] });
    expect(await notificationCount()).toBe(before);
    expect(await invitationsOf(ben, 'event_invitation')).toHaveLength(1);

    // Another inviter may still invite the same person.
    const fromCleo = await cleo.api.post(url, { account_ids: [id(ben)] });
    expect(fromCleo.body).toEqual({ invited: [id(ben)], already_invited: [] });
  });

  it('refuses what cannot be, and changes nothing', async () => {
    const privateCommunity = await community(t, 'private', [
      [ana, 'owner'],
      [ben, 'member'],
    ]);
    const event = await createEvent(ana, {
      title: 'Private planning',
      community_id: String(privateCommunity),
    });
    const url = `/api/rapport/v1/events/${event.id}/invitations`;
    const before = await notificationCount();
    const cases: Array<[Person, string, unknown, number, RegExp]> = [
      [
        ana,
        '/api/rapport/v1/events/123456789/invitations',
        { account_ids: [id(ben)] },
        404,
        /Event not found/,
      ],
      // Cleo is not in the private community: the event does not exist for her.
      [cleo, url, { account_ids: [id(ben)] }, 404, /Event not found/],
      [ana, url, { account_ids: [id(cleo)] }, 422, /cannot see this event: @/],
      [ana, url, { account_ids: [id(ana)] }, 422, /yourself/],
      [ana, url, { account_ids: [] }, 422, /choose someone/],
      [
        ana,
        url,
        { account_ids: Array.from({ length: 21 }, (_, i) => String(900000 + i)) },
        422,
        /at most 20/,
      ],
      [ana, url, { account_ids: ['999999999'] }, 422, /not found/],
      [ana, url, { account_ids: [id(ben)], note: 'x'.repeat(501) }, 422, /note/i],
    ];
    for (const [who, path, body, status, message] of cases) {
      const res = await who.api.post(path, body);
      expect(res.status, `${path} ${JSON.stringify(body).slice(0, 60)}`).toBe(status);
      expect(res.text).toMatch(message);
    }
    // One invitee who cannot see it spoils the lot: Ben is not told either.
    const mixed = await ana.api.post(url, { account_ids: [id(ben), id(cleo)] });
    expect(mixed.status).toBe(422);
    expect(mixed.text).toContain(`@${cleo.account.username}`);
    expect(mixed.text).not.toContain(`@${ben.account.username}`);
    expect(await notificationCount()).toBe(before);
    expect(heard).toEqual([]);

    // A member of it may be invited.
    const ok = await ana.api.post(url, { account_ids: [id(ben)] });
    expect(ok.body.invited).toEqual([id(ben)]);
  });

  it('does not invite a guest to an organisation-wide event', async () => {
    const event = await createEvent(ana, { title: 'All hands' });
    const shared = await community(t, 'private', [
      [ana, 'member'],
      [guest, 'member'],
    ]);
    expect(shared).toBeGreaterThan(0);
    const res = await ana.api.post(`/api/rapport/v1/events/${event.id}/invitations`, {
      account_ids: [id(guest)],
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain(`@${guest.account.username}`);
  });
});

describe('asking people to look at a page', () => {
  it('tells each once, with the page as the subject', async () => {
    const page = await writePage(ana, { title: 'Onboarding' });
    const url = `/api/rapport/v1/pages/${page.id}/invitations`;
    const res = await ana.api.post(url, { account_ids: [id(cleo)] });
    expect(res.status, res.text).toBe(200);
    expect(res.body.invited).toEqual([id(cleo)]);
    await t.ctx.events.settled();
    const [notice] = await invitationsOf(cleo, 'page_invitation');
    expect(notice?.subject).toMatchObject({ type: 'page', id: page.id, title: 'Onboarding' });
    expect(notice?.subject?.url).toMatch(new RegExp(`/pages/${page.id}$`));
    expect(heard).toEqual([expect.objectContaining({ type: 'page.invited', subject_id: page.id })]);

    const again = await ana.api.post(url, { account_ids: [id(cleo)] });
    expect(again.body).toEqual({ invited: [], already_invited: [id(cleo)] });
    expect(await invitationsOf(cleo, 'page_invitation')).toHaveLength(1);
  });

  it('refuses a page the inviter or an invitee cannot read, and changes nothing', async () => {
    const privateCommunity = await community(t, 'private', [[ana, 'owner']]);
    const page = await writePage(ana, { title: 'Secret plans', community_id: privateCommunity });
    const url = `/api/rapport/v1/pages/${page.id}/invitations`;
    const before = await notificationCount();
    expect((await ben.api.post(url, { account_ids: [id(cleo)] })).status).toBe(404);
    expect(
      (
        await ana.api.post('/api/rapport/v1/pages/987654321/invitations', {
          account_ids: [id(ben)],
        })
      ).status,
    ).toBe(404);
    const blind = await ana.api.post(url, { account_ids: [id(ben)] });
    expect(blind.status).toBe(422);
    expect(blind.text).toMatch(/cannot see this page: @/);
    expect(await notificationCount()).toBe(before);
  });
});
