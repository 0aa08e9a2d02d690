import type { CommunityPrivacy, MembershipState } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import type { Viewer } from '../../http/auth';
import { loadCommunityAccess } from '../visibility/community-facts';
import { community, join, type Person, person, writePage } from './pages.fixtures';
import { listReadablePages } from './pages.queries';
import { canReadPage } from './pages.rules';
import { pageEvidence, searchPages } from './pages.search';

let t: TestApp;
let owner: Person;
const viewers: Record<string, Person> = {};
/** Page id by where it lives: 'organisation' or a community privacy. */
const pages: Record<string, string> = {};
const communities: Record<string, number> = {};

/**
 * Who sees what: for each viewer, the places whose pages they may read. Members see their
 * communities; staff see public ones too; admins get no reach into private or secret
 * communities; guests see only their own communities; a pending request or invitation opens
 * nothing.
 */
const EXPECTED: Record<string, string[]> = {
  member: ['organisation', 'public', 'private', 'secret'],
  outsider: ['organisation', 'public'],
  admin: ['organisation', 'public'],
  guestInside: ['public', 'private', 'secret'],
  guestElsewhere: [],
  requested: ['organisation', 'public'],
  invitedGuest: [],
};

const PLACES = ['organisation', 'public', 'private', 'secret'] as const;

beforeAll(async () => {
  t = await startTestApp();
  owner = await person(t);
  const roles = {
    member: 'member',
    outsider: 'member',
    admin: 'admin',
    guestInside: 'guest',
    guestElsewhere: 'guest',
    requested: 'member',
    invitedGuest: 'guest',
  } as const;
  for (const [name, role] of Object.entries(roles)) viewers[name] = await person(t, role);
  const v = viewers as Record<keyof typeof roles, Person>;
  pages.organisation = (await writePage(owner, { title: 'Handbook topic' })).id;
  for (const privacy of ['public', 'private', 'secret'] as CommunityPrivacy[]) {
    const id = await community(t, privacy, [
      [owner, 'owner'],
      [v.member, 'member'],
      [v.guestInside, 'member'],
    ]);
    communities[privacy] = id;
    const states: Array<[Person, MembershipState]> = [
      [v.requested, 'requested'],
      [v.invitedGuest, 'invited'],
    ];
    for (const [who, state] of states) await join(t, id, who, 'member', state);
    pages[privacy] = (await writePage(owner, { title: 'Handbook topic', community_id: id })).id;
  }
  await community(t, 'private', [[v.guestElsewhere, 'member']]);
});
afterAll(() => t.close());

const viewerOf = (who: Person): Viewer => ({
  id: who.account.id,
  username: who.account.username,
  role: who.account.role,
});

describe('who may read which page', () => {
  it('answers GET with the page or 404, exactly as the rule says, for every viewer and place', async () => {
    for (const [name, who] of Object.entries(viewers)) {
      for (const place of PLACES) {
        const res = await who.api.get(`/api/rapport/v1/pages/${pages[place]}`);
        const expected = EXPECTED[name]?.includes(place) ? 200 : 404;
        expect(res.status, `${name} reading the ${place} page`).toBe(expected);
      }
    }
  });

  it('lists, searches and gives expertise evidence from exactly the readable pages', async () => {
    for (const [name, who] of Object.entries(viewers)) {
      const expected = (EXPECTED[name] ?? []).map((place) => pages[place]).sort();
      const listed = await who.api.get('/api/rapport/v1/pages?q=handbook');
      expect(listed.body.map((p: { id: string }) => p.id).sort(), `${name} list`).toEqual(expected);
      const viewer = viewerOf(who);
      const found = await searchPages(t.ctx, viewer, 'handbook', 20);
      expect(found.map((p) => p.id).sort(), `${name} search`).toEqual(expected);
      const evidence = await pageEvidence(t.ctx, viewer, 'handbook');
      expect([...new Set(evidence.map((e) => e.id))].sort(), `${name} evidence`).toEqual(expected);
      expect(evidence.every((e) => e.accountId === owner.account.id && e.kind === 'page')).toBe(
        true,
      );
    }
  });

  it('keeps the SQL list rule and canReadPage in agreement for every viewer and page', async () => {
    const rows = await t.ctx.db.selectFrom('pages').selectAll().execute();
    for (const who of Object.values(viewers).concat(owner)) {
      const viewer = viewerOf(who);
      const access = await loadCommunityAccess(
        t.ctx.db,
        viewer.id,
        rows.flatMap((row) => (row.community_id === null ? [] : [row.community_id])),
      );
      const byRule = rows
        .filter((row) =>
          canReadPage(viewer, {
            page: row,
            access: row.community_id === null ? undefined : access.get(row.community_id),
            role: null,
          }),
        )
        .map((row) => row.id)
        .sort();
      const bySql = (await listReadablePages(t.ctx.db, { viewer, limit: 80 }))
        .map((row) => row.id)
        .sort();
      expect(bySql, who.account.username).toEqual(byRule);
    }
  });

  it('refuses to list the pages of a community the viewer may not read', async () => {
    const outsider = viewers.outsider as Person;
    const path = (privacy: string) => `/api/rapport/v1/pages?community_id=${communities[privacy]}`;
    expect((await outsider.api.get(path('public'))).status).toBe(200);
    expect((await outsider.api.get(path('private'))).status).toBe(404);
    expect((await outsider.api.get(path('secret'))).status).toBe(404);
    expect((await (viewers.guestElsewhere as Person).api.get(path('public'))).status).toBe(404);
  });

  it('hides co-authors the viewer may not see', async () => {
    // A guest co-authors a public community page; staff outside see the page but not the guest
    // unless they share a community with them.
    const guest = viewers.guestInside as Person;
    const saved = await guest.api.put(`/api/rapport/v1/pages/${pages.public}`, {
      title: 'Handbook topic',
      body: 'Edited by a guest.',
      base_revision: 1,
    });
    expect(saved.status).toBe(200);
    const seen = await (viewers.outsider as Person).api.get(
      `/api/rapport/v1/pages/${pages.public}`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body.updated_by).toBeNull();
    expect(seen.body.co_authors.map((c: { account: { id: string } }) => c.account.id)).toEqual([
      String(owner.account.id),
    ]);
    const insider = await (viewers.member as Person).api.get(
      `/api/rapport/v1/pages/${pages.public}`,
    );
    expect(insider.body.updated_by.id).toBe(String(guest.account.id));
    expect(insider.body.co_authors).toHaveLength(2);
  });
});
