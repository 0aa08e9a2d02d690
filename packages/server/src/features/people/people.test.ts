import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, tokenFor } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  const people: Array<[string, string, Record<string, string>]> = [
    [
      'jose',
      'José Álvarez',
      { title: 'Data Engineer', department: 'Platform', location: 'Sevilla' },
    ],
    [
      'maria',
      'María Núñez',
      { title: 'Product Designer', department: 'Design', location: 'Madrid' },
    ],
    ['li', 'Li Wei', { title: 'Data Scientist', department: 'Research', location: 'Shanghai' }],
    [
      'olga',
      'Olga Petrova',
      { title: 'Engineering Manager', department: 'Platform', location: 'Berlin' },
    ],
    [
      'sam',
      'Sam Taylor',
      { title: 'Support Lead', department: 'Customer Care', location: 'Dublin' },
    ],
  ];
  for (const [username, displayName, profile] of people) {
    await createAccount(t.ctx, { username, displayName, profile });
  }
  await createAccount(t.ctx, { username: 'emile', displayName: 'Émile Zola' });
  await createAccount(t.ctx, {
    username: 'kim',
    displayName: 'Kim Park',
    profile: { skills: JSON.stringify(['Kubernetes', 'PostgreSQL']) },
  });
  await createAccount(t.ctx, {
    username: 'gone',
    displayName: 'Gone Engineer',
    profile: { title: 'Engineer', suspended: 1, suspended_at: Date.now() },
  });
  const viewer = await createAccount(t.ctx, { username: 'viewer', displayName: 'Viewer Person' });
  token = await tokenFor(t.ctx, viewer);
});
afterAll(() => t.close());

async function search(q: string): Promise<string[]> {
  const res = await api(t.app, token).get(`/api/rapport/v1/people?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.map((row: { username: string }) => row.username);
}

describe('GET /api/rapport/v1/people', () => {
  it('lists everyone visible, sorted by display name, suspended accounts excluded', async () => {
    const res = await api(t.app, token).get('/api/rapport/v1/people');
    expect(res.status).toBe(200);
    // Accents and case do not move a name: Émile sorts with the Es.
    expect(res.body.map((row: { display_name: string }) => row.display_name)).toEqual([
      'Émile Zola',
      'José Álvarez',
      'Kim Park',
      'Li Wei',
      'María Núñez',
      'Olga Petrova',
      'Sam Taylor',
      'Viewer Person',
    ]);
    expect(res.headers.link).toBeUndefined();
  });

  it.each([
    ['a name prefix', 'Alv', ['jose']],
    ['a username', 'sam', ['sam']],
    ['a title word', 'designer', ['maria']],
    ['a title word prefix shared by two', 'data', ['jose', 'li']],
    ['a department', 'platform', ['jose', 'olga']],
    ['a location', 'shang', ['li']],
    ['a skill', 'postgres', ['kim']],
    ['an accent-folded name', 'jose', ['jose']],
    ['an accented query', 'NÚÑEZ', ['maria']],
    ['two words (AND)', 'data platform', ['jose']],
    ['two words matching nobody together', 'designer berlin', []],
    ['a word in the middle of a name', 'etrova', []],
    ['punctuation around words', '  "engineer"!! ', ['jose', 'olga']],
  ])('finds people by %s', async (_case, q, expected) => {
    expect(await search(q)).toEqual(expected);
  });

  it('pages with a cursor in the Link header, visiting everyone exactly once', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/api/rapport/v1/people?limit=2';
    let pages = 0;
    while (url) {
      const res = await api(t.app, token).get(url);
      expect(res.status).toBe(200);
      expect(res.body.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.map((row: { username: string }) => row.username));
      const link = /<([^>]+)>; rel="next"/.exec(String(res.headers.link ?? ''));
      url = link ? (link[1] as string).replace(t.url, '') : undefined;
      pages += 1;
      expect(pages).toBeLessThan(10);
    }
    expect(seen).toEqual(['emile', 'jose', 'kim', 'li', 'maria', 'olga', 'sam', 'viewer']);
  });

  it('pages a search too', async () => {
    const first = await api(t.app, token).get('/api/rapport/v1/people?q=platform&limit=1');
    expect(first.body.map((row: { username: string }) => row.username)).toEqual(['jose']);
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1] as string;
    expect(new URL(next).searchParams.get('q')).toBe('platform');
    const second = await api(t.app, token).get(next.replace(t.url, ''));
    expect(second.body.map((row: { username: string }) => row.username)).toEqual(['olga']);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['the wrong shape', Buffer.from('[1]').toString('base64url')],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
  ])('refuses a cursor that is %s with 400', async (_case, cursor) => {
    const res = await api(t.app, token).get(`/api/rapport/v1/people?cursor=${cursor}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('bad_request');
  });

  it('refuses a bad limit with 400 naming it', async () => {
    for (const limit of ['0', '81', 'ten']) {
      const res = await api(t.app, token).get(`/api/rapport/v1/people?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.details)).toEqual(['limit']);
    }
  });

  it('needs a signed-in person', async () => {
    expect((await api(t.app).get('/api/rapport/v1/people')).status).toBe(401);
  });
});
