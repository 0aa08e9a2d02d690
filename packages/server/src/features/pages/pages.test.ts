import type { DomainEvent } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import {
  community,
  type Person,
  pageTableCounts,
  person,
  SAMPLE_BODY,
  writePage,
} from './pages.fixtures';

let t: TestApp;
let ana: Person;
let ben: Person;
let admin: Person;
let guest: Person;
const events: DomainEvent[] = [];

beforeAll(async () => {
  t = await startTestApp();
  [ana, ben, admin, guest] = await Promise.all([
    person(t),
    person(t),
    person(t, 'admin'),
    person(t, 'guest'),
  ]);
  for (const type of ['page.created', 'page.updated', 'page.deleted'] as const) {
    t.ctx.events.on(type, (event) => {
      events.push(event);
    });
  }
});
afterAll(() => t.close());

describe('writing a page', () => {
  it('creates an organisation-wide page with its first revision, rendered Markdown and its author', async () => {
    const page = await writePage(ana);
    expect(page).toMatchObject({
      title: 'How we run releases',
      body: SAMPLE_BODY,
      community: null,
      revision: 1,
      created_by: { id: String(ana.account.id) },
      updated_by: { id: String(ana.account.id) },
      permissions: { edit: true, delete: true },
    });
    expect(page.html).toContain('<h1>Release checklist</h1>');
    expect(page.html).toContain('<li>Run the full test suite</li>');
    expect(page.co_authors).toEqual([
      expect.objectContaining({
        account: expect.objectContaining({ id: String(ana.account.id) }),
        revisions_count: 1,
      }),
    ]);
    expect(page.url).toBe(`${t.ctx.config.publicUrl}/pages/${page.id}`);
    await t.ctx.events.settled();
    expect(events).toContainEqual({
      type: 'page.created',
      page_id: page.id,
      community_id: null,
      revision: 1,
      by_id: String(ana.account.id),
    });
  });

  it('renders Markdown through the sanitiser: no raw HTML, no script links, links open safely', async () => {
    const page = await writePage(ana, {
      body: [
        '<script>alert(1)</script> <b onclick="x()">bold?</b>',
        '',
        '[click](javascript:alert(1)) and [docs](https://docs.example/guide) and https://bare.example/x',
        '',
        '![diagram](https://img.example/d.png)',
        '',
        '| Left | Right |',
        '|:-----|------:|',
        '| a | 1 |',
      ].join('\n'),
    });
    expect(page.html).not.toContain('<script');
    // Raw HTML stays visible as text, never as markup.
    expect(page.html).not.toMatch(/<b\b|<[^>]*\sonclick=/);
    expect(page.html).toContain('&lt;b onclick="x()"&gt;');
    expect(page.html).not.toContain('href="javascript:');
    expect(page.html).not.toContain('<img');
    expect(page.html).toContain('&lt;script&gt;');
    expect(page.html).toContain(
      '<a href="https://docs.example/guide" rel="nofollow noopener noreferrer" target="_blank">docs</a>',
    );
    expect(page.html).toContain('href="https://bare.example/x"');
    expect(page.html).toContain('>diagram</a>');
    expect(page.html).toContain('<th align="right">Right</th>');
    expect(page.html).toContain('<td align="right">1</td>');
  });

  it('previews Markdown exactly as a save would render it', async () => {
    const res = await ana.api.post('/api/rapport/v1/pages/preview', { body: '## Hi\n\n*there*' });
    expect(res.status).toBe(200);
    expect(res.body.html).toBe('<h2>Hi</h2>\n<p><em>there</em></p>\n');
  });

  it('refuses bad input with 422 naming the field, and writes nothing', async () => {
    const before = await pageTableCounts(t);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '', body: 'x' }, 'title'],
      [{ title: '   ', body: 'x' }, 'title'],
      [{ title: 'x'.repeat(201), body: 'x' }, 'title'],
      [{ title: 'Fine', body: '  \n ' }, 'body'],
      [{ title: 'Fine', body: 'x'.repeat(100_001) }, 'body'],
      [{ title: 'Fine' }, 'body'],
      [{ title: 'Fine', body: 'x', community_id: 'abc' }, 'community_id'],
      [{ title: 'Fine', body: 'x', summary: 's'.repeat(301) }, 'summary'],
    ];
    for (const [body, field] of cases) {
      const res = await ana.api.post('/api/rapport/v1/pages', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(res.body.code).toBe('validation_failed');
      expect(Object.keys(res.body.details)).toContain(field);
    }
    expect(await pageTableCounts(t)).toEqual(before);
  });

  it('keeps guests out of organisation-wide pages and people out of communities they are not in', async () => {
    const before = await pageTableCounts(t);
    const guestOrg = await guest.api.post('/api/rapport/v1/pages', { title: 'T', body: 'B' });
    expect(guestOrg.status).toBe(403);
    const secret = await community(t, 'secret', [[ben, 'owner']]);
    const publicOne = await community(t, 'public', [[ben, 'owner']]);
    const hidden = await ana.api.post('/api/rapport/v1/pages', {
      title: 'T',
      body: 'B',
      community_id: String(secret),
    });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toBe('Community not found');
    const notMember = await ana.api.post('/api/rapport/v1/pages', {
      title: 'T',
      body: 'B',
      community_id: String(publicOne),
    });
    expect(notMember.status).toBe(403);
    const missing = await ana.api.post('/api/rapport/v1/pages', {
      title: 'T',
      body: 'B',
      community_id: '999999999',
    });
    expect(missing.status).toBe(404);
    expect(await pageTableCounts(t)).toEqual(before);
  });

  it('lets a guest write in a community they belong to', async () => {
    const shared = await community(t, 'private', [
      [ben, 'owner'],
      [guest, 'member'],
    ]);
    const page = await writePage(guest, { title: 'Integration notes', community_id: shared });
    expect(page.community).toMatchObject({ id: String(shared), privacy: 'private' });
    expect(page.permissions).toEqual({ edit: true, delete: true });
  });

  it('tells where the viewer may write: organisation-wide for staff, and their communities', async () => {
    const writer = await person(t);
    const visitor = await person(t, 'guest');
    const team = await community(t, 'secret', [
      [writer, 'member'],
      [visitor, 'member'],
    ]);
    await community(t, 'public', [[ben, 'owner']]);
    const places = await writer.api.get('/api/rapport/v1/pages/places');
    expect(places.body).toEqual({
      organisation: true,
      communities: [expect.objectContaining({ id: String(team), privacy: 'secret' })],
    });
    const guestPlaces = await visitor.api.get('/api/rapport/v1/pages/places');
    expect(guestPlaces.body.organisation).toBe(false);
    expect(guestPlaces.body.communities).toHaveLength(1);
  });

  it('needs a signed-in person with the write scope', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/rapport/v1/pages',
      payload: { title: 'T', body: 'B' },
    });
    expect(anonymous.statusCode).toBe(401);
    const { api: readOnly } = await person(t).then(async (p) => {
      const { tokenFor } = await import('../../../test/factories');
      const { api } = await import('../../../test/http');
      return { api: api(t.app, await tokenFor(t.ctx, p.account, ['read'])) };
    });
    expect((await readOnly.post('/api/rapport/v1/pages', { title: 'T', body: 'B' })).status).toBe(
      403,
    );
  });
});

describe('reading a page', () => {
  it('shows organisation-wide pages to the staff and hides them from guests (404)', async () => {
    const page = await writePage(ana);
    for (const reader of [ana, ben, admin]) {
      const res = await reader.api.get(`/api/rapport/v1/pages/${page.id}`);
      expect(res.status).toBe(200);
      expect(res.body.body).toBe(SAMPLE_BODY);
    }
    expect((await ben.api.get(`/api/rapport/v1/pages/${page.id}`)).body.permissions).toEqual({
      edit: true,
      delete: false,
    });
    expect((await admin.api.get(`/api/rapport/v1/pages/${page.id}`)).body.permissions).toEqual({
      edit: true,
      delete: true,
    });
    const hidden = await guest.api.get(`/api/rapport/v1/pages/${page.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toBe('Page not found');
    expect((await ana.api.get('/api/rapport/v1/pages/123456789')).status).toBe(404);
    expect((await ana.api.get('/api/rapport/v1/pages/not-a-number')).status).toBe(404);
  });
});

describe('listing pages', () => {
  it('pages newest updated first with a cursor, filters by community and searches by word prefix', async () => {
    const own = await startTestApp();
    try {
      const [writer, reader] = await Promise.all([person(own), person(own)]);
      const team = await community(own, 'private', [[writer, 'member']]);
      const titles = ['Expense policy', 'Design principles', 'Onboarding guide', 'Travel booking'];
      for (const title of titles) await writePage(writer, { title, body: `All about ${title}.` });
      await writePage(writer, { title: 'Team rituals', body: 'Standups.', community_id: team });

      const first = await writer.api.get('/api/rapport/v1/pages?limit=3');
      expect(first.status).toBe(200);
      expect(first.body.map((p: { title: string }) => p.title)).toEqual([
        'Team rituals',
        'Travel booking',
        'Onboarding guide',
      ]);
      expect(first.body[0].excerpt).toBe('Standups.');
      expect(first.body[0]).not.toHaveProperty('body');
      const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1];
      expect(next).toBeDefined();
      const second = await writer.api.get(
        new URL(String(next)).pathname + new URL(String(next)).search,
      );
      expect(second.body.map((p: { title: string }) => p.title)).toEqual([
        'Design principles',
        'Expense policy',
      ]);

      const orgOnly = await writer.api.get('/api/rapport/v1/pages?scope=organisation');
      expect(orgOnly.body).toHaveLength(4);
      const inTeam = await writer.api.get(`/api/rapport/v1/pages?community_id=${team}`);
      expect(inTeam.body.map((p: { title: string }) => p.title)).toEqual(['Team rituals']);
      // Someone outside a private community may not list its pages, nor see them in the list.
      expect((await reader.api.get(`/api/rapport/v1/pages?community_id=${team}`)).status).toBe(404);
      expect((await reader.api.get('/api/rapport/v1/pages')).body).toHaveLength(4);

      const found = await reader.api.get('/api/rapport/v1/pages?q=onboard');
      expect(found.body.map((p: { title: string }) => p.title)).toEqual(['Onboarding guide']);
      const twoWords = await reader.api.get('/api/rapport/v1/pages?q=about%20expen');
      expect(twoWords.body.map((p: { title: string }) => p.title)).toEqual(['Expense policy']);
      expect((await writer.api.get('/api/rapport/v1/pages?q=standups')).body).toHaveLength(1);
      expect((await reader.api.get('/api/rapport/v1/pages?q=standups')).body).toHaveLength(0);
      expect((await reader.api.get('/api/rapport/v1/pages?cursor=nonsense')).status).toBe(400);
    } finally {
      await own.close();
    }
  });

  it('moves a page to the top of the list when it is edited', async () => {
    const older = await writePage(ana, { title: 'Older page' });
    await writePage(ana, { title: 'Newer page' });
    const saved = await ben.api.put(`/api/rapport/v1/pages/${older.id}`, {
      title: 'Older page',
      body: `${SAMPLE_BODY}\n\nOne more line.`,
      base_revision: 1,
    });
    expect(saved.status).toBe(200);
    const list = await ben.api.get('/api/rapport/v1/pages?limit=1');
    expect(list.body[0].id).toBe(older.id);
  });
});

describe('deleting a page', () => {
  it('lets the creator and admins delete organisation-wide pages, nobody else', async () => {
    const page = await writePage(ana);
    const before = await pageTableCounts(t);
    expect((await ben.api.delete(`/api/rapport/v1/pages/${page.id}`)).status).toBe(403);
    expect((await guest.api.delete(`/api/rapport/v1/pages/${page.id}`)).status).toBe(404);
    expect(await pageTableCounts(t)).toEqual(before);
    expect((await ana.api.delete(`/api/rapport/v1/pages/${page.id}`)).status).toBe(200);
    expect((await ana.api.get(`/api/rapport/v1/pages/${page.id}`)).status).toBe(404);
    const revisions = await t.ctx.db
      .selectFrom('page_revisions')
      .select('n')
      .where('page_id', '=', Number(page.id))
      .execute();
    expect(revisions).toEqual([]);

    const other = await writePage(ben);
    expect((await admin.api.delete(`/api/rapport/v1/pages/${other.id}`)).status).toBe(200);
    await t.ctx.events.settled();
    expect(events).toContainEqual({
      type: 'page.deleted',
      page_id: other.id,
      community_id: null,
      by_id: String(admin.account.id),
    });
  });

  it("lets a community's owners and moderators delete its pages, not other members nor admins outside", async () => {
    const [owner, moderator, member] = await Promise.all([person(t), person(t), person(t)]);
    const team = await community(t, 'public', [
      [owner, 'owner'],
      [moderator, 'moderator'],
      [member, 'member'],
    ]);
    const first = await writePage(member, { community_id: team });
    const second = await writePage(member, { community_id: team });
    const third = await writePage(owner, { community_id: team });
    expect((await admin.api.delete(`/api/rapport/v1/pages/${third.id}`)).status).toBe(403);
    expect((await member.api.delete(`/api/rapport/v1/pages/${third.id}`)).status).toBe(403);
    expect((await moderator.api.delete(`/api/rapport/v1/pages/${first.id}`)).status).toBe(200);
    expect((await owner.api.delete(`/api/rapport/v1/pages/${second.id}`)).status).toBe(200);
  });
});
