import type { CommunityPrivacy, Role } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { eventInput } from '../events/events.fixtures';
import { join, type Person } from '../pages/pages.fixtures';

let t: TestApp;
let owner: Person;
const people: Record<string, Person> = {};
/** The title (or text) each thing was given, by where it lives. */
type Place = 'organisation' | 'private' | 'secret';
const communities: Partial<Record<CommunityPrivacy, string>> = {};

async function person(username: string, role: Role = 'member'): Promise<Person> {
  const { account, token } = await createAccountWithToken(t.ctx, {
    username,
    role,
    displayName: `${username.replace(/_/g, ' ')}`,
  });
  return { account, token, api: api(t.app, token) };
}

async function ok(res: Promise<{ status: number; text: string; body: unknown }>) {
  const done = await res;
  expect(done.status, done.text).toBe(200);
  return done.body as { id: string };
}

/** A status, a question, a page and an event, all about zephyrs, in one place. */
async function writeEverything(place: Place) {
  const communityId =
    place === 'organisation' ? {} : { community_id: communities[place] as string };
  await ok(
    owner.api.post('/api/v1/statuses', { status: `Zephyr status ${place}`, ...communityId }),
  );
  await ok(
    owner.api.post('/api/v1/statuses', {
      status: `Zephyr question ${place}?`,
      kind: 'question',
      ...communityId,
    }),
  );
  await ok(
    owner.api.post('/api/rapport/v1/pages', {
      title: `Zephyr page ${place}`,
      body: 'How we handle zephyrs.',
      ...communityId,
    }),
  );
  await ok(
    owner.api.post(
      '/api/rapport/v1/events',
      eventInput({ title: `Zephyr event ${place}`, ...communityId }),
    ),
  );
}

beforeAll(async () => {
  t = await startTestApp();
  owner = await person('zephyr_owner');
  people.member = await person('zephyr_member');
  people.outsider = await person('zephyr_outsider');
  people.admin = await person('zephyr_admin', 'admin');
  people.guestInside = await person('zephyr_guest_inside', 'guest');
  people.guestElsewhere = await person('zephyr_guest_elsewhere', 'guest');
  for (const privacy of ['public', 'private', 'secret'] as const) {
    const community = await ok(
      owner.api.post('/api/rapport/v1/communities', {
        name: `Zephyr ${privacy} circle`,
        description: 'Everything about zephyrs',
        privacy,
      }),
    );
    communities[privacy] = community.id;
    await join(t, Number(community.id), people.member as Person);
  }
  await join(t, Number(communities.private), people.guestInside as Person);
  const elsewhere = await ok(
    owner.api.post('/api/rapport/v1/communities', { name: 'Unrelated corner', privacy: 'private' }),
  );
  await join(t, Number(elsewhere.id), people.guestElsewhere as Person);
  for (const place of ['organisation', 'private', 'secret'] as const) await writeEverything(place);
});
afterAll(() => t.close());

interface Found {
  accounts: Array<{ username: string }>;
  statuses: Array<{ content: string; kind: string }>;
  communities: Array<{ name: string }>;
  questions: Array<{ id: string; content: string; kind: string }>;
  pages: Array<{ title: string }>;
  events: Array<{ title: string }>;
}

/** Where each kind of result came from, as the places named in the texts. */
function placesIn(found: Found) {
  const placeOf = (text: string) => /(organisation|private|secret)/.exec(text)?.[1] ?? '?';
  const sorted = (list: string[]) => [...new Set(list)].sort();
  return {
    statuses: sorted(found.statuses.map((s) => placeOf(s.content))),
    questions: sorted(found.questions.map((s) => placeOf(s.content))),
    communities: sorted(found.communities.map((c) => c.name.split(' ')[1] ?? '?')),
    pages: sorted(found.pages.map((p) => placeOf(p.title))),
    events: sorted(found.events.map((e) => placeOf(e.title))),
  };
}

async function searchAs(who: Person, query: string) {
  const res = await who.api.get<Found>(`/api/rapport/v1/search?${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('GET /api/rapport/v1/search', () => {
  it('finds every kind of thing for a member of every community', async () => {
    const found = await searchAs(people.member as Person, 'q=zephyr&limit=10');
    expect(placesIn(found)).toEqual({
      statuses: ['organisation', 'private', 'secret'],
      questions: ['organisation', 'private', 'secret'],
      communities: ['private', 'public', 'secret'],
      pages: ['organisation', 'private', 'secret'],
      events: ['organisation', 'private', 'secret'],
    });
    expect(found.accounts.map((a) => a.username)).toContain('zephyr_owner');
    expect(found.questions.every((s) => s.kind === 'question')).toBe(true);
    // Questions are statuses too: they stay among the statuses.
    expect(found.statuses.filter((s) => s.kind === 'question')).toHaveLength(3);
  });

  it('never shows a non-member what private and secret communities hold, nor a secret community', async () => {
    const found = await searchAs(people.outsider as Person, 'q=zephyr&limit=10');
    expect(placesIn(found)).toEqual({
      statuses: ['organisation'],
      questions: ['organisation'],
      communities: ['private', 'public'],
      pages: ['organisation'],
      events: ['organisation'],
    });
    for (const type of ['statuses', 'questions', 'communities', 'pages', 'events'] as const) {
      const one = await searchAs(people.outsider as Person, `q=zephyr&type=${type}`);
      expect(JSON.stringify(one)).not.toMatch(/secret/i);
    }
  });

  it('tells an admin that every community exists, but shows none of their content', async () => {
    const found = await searchAs(people.admin as Person, 'q=zephyr&limit=10');
    expect(placesIn(found)).toEqual({
      statuses: ['organisation'],
      questions: ['organisation'],
      communities: ['private', 'public', 'secret'],
      pages: ['organisation'],
      events: ['organisation'],
    });
  });

  it('shows guests only the things of their own communities', async () => {
    const inside = await searchAs(people.guestInside as Person, 'q=zephyr&limit=10');
    expect(placesIn(inside)).toEqual({
      statuses: ['private'],
      questions: ['private'],
      communities: ['private'],
      pages: ['private'],
      events: ['private'],
    });
    const elsewhere = await searchAs(people.guestElsewhere as Person, 'q=zephyr&limit=10');
    expect(placesIn(elsewhere)).toEqual({
      statuses: [],
      questions: [],
      communities: [],
      pages: [],
      events: [],
    });
    // People: only those sharing a community with the guest (the owner of theirs), and self.
    expect(elsewhere.accounts.map((a) => a.username).sort()).toEqual([
      'zephyr_guest_elsewhere',
      'zephyr_owner',
    ]);
  });

  it('answers one kind at a time, paging statuses, questions, communities and pages', async () => {
    const member = people.member as Person;
    const pages = await member.api.get<Found>('/api/rapport/v1/search?q=zephyr&type=pages');
    expect(pages.body.pages).toHaveLength(3);
    expect(pages.body.statuses).toEqual([]);
    expect(pages.body.events).toEqual([]);

    for (const type of ['statuses', 'questions', 'communities', 'pages'] as const) {
      const seen: string[] = [];
      let url: string | undefined = `/api/rapport/v1/search?q=zephyr&type=${type}&limit=2`;
      for (let round = 0; url && round < 10; round++) {
        const res: { status: number; text: string; body: Record<string, Array<{ id: string }>> } & {
          headers: Record<string, unknown>;
        } = await member.api.get(url);
        expect(res.status, res.text).toBe(200);
        seen.push(...(res.body[type] ?? []).map((item) => item.id));
        const link: string = String(res.headers.link ?? '');
        const next: string | undefined = /<([^>]+)>; rel="next"/.exec(link)?.[1];
        url = next ? next.replace(/^https?:\/\/[^/]+/, '') : undefined;
      }
      expect(new Set(seen).size, type).toBe(seen.length);
      expect(seen.length, type).toBe(type === 'statuses' ? 6 : 3);
    }
  });

  it('finds an old question behind many newer statuses with the same word', async () => {
    const member = people.member as Person;
    const asked = await ok(
      member.api.post('/api/v1/statuses', {
        status: 'Who owns the quokkaflow pipeline?',
        kind: 'question',
      }),
    );
    // More than a few pages of status matches: the questions are found among matches in SQL.
    for (let n = 0; n < 70; n++) {
      await ok(member.api.post('/api/v1/statuses', { status: `Quokkaflow run ${n} went fine` }));
    }
    const found = await member.api.get<Found>('/api/rapport/v1/search?q=quokkaflow');
    expect(found.body.questions.map((question) => question.id)).toEqual([asked.id]);
    expect(found.body.statuses).toHaveLength(5);
  });

  it('refuses bad input with a clear message', async () => {
    const member = people.member as Person;
    const cases: Array<[string, string]> = [
      ['q=', 'q'],
      ['q=%20%20', 'q'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['q=zephyr&type=hashtags', 'type'],
      ['q=zephyr&limit=0', 'limit'],
      ['q=zephyr&limit=41', 'limit'],
      ['q=zephyr&limit=many', 'limit'],
      ['q=zephyr&max_id=1', 'max_id'],
      ['q=zephyr&type=pages&max_id=1', 'max_id'],
      ['q=zephyr&type=statuses&cursor=WzEsMl0', 'cursor'],
    ];
    for (const [query, field] of cases) {
      const res = await member.api.get(`/api/rapport/v1/search?${query}`);
      expect([400, 422], query).toContain(res.status);
      expect(res.text, query).toContain(field);
    }
    const broken = await member.api.get('/api/rapport/v1/search?q=zephyr&type=pages&cursor=nope');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatch(/cursor/);
  });

  it('finds nothing for a query without words, rather than everything', async () => {
    const found = await searchAs(people.member as Person, `q=${encodeURIComponent('!!!')}`);
    expect(found.accounts).toEqual([]);
    const accountsOnly = await searchAs(
      people.member as Person,
      `q=${encodeURIComponent('!!!')}&type=accounts`,
    );
    expect(accountsOnly.accounts).toEqual([]);
    expect(placesIn(found)).toEqual({
      statuses: [],
      questions: [],
      communities: [],
      pages: [],
      events: [],
    });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await api(t.app).get('/api/openapi.json')).body;
    const operation = doc.paths['/api/rapport/v1/search'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'cursor',
      'limit',
      'max_id',
      'q',
      'type',
    ]);
    expect(
      Object.keys(operation.responses['200'].content['application/json'].schema.properties).sort(),
    ).toEqual(['accounts', 'communities', 'events', 'pages', 'questions', 'statuses']);
  });
});
