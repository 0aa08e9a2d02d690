import type { Participation } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import {
  aroundToday,
  community,
  day,
  invite,
  join,
  type Person,
  people,
  person,
  post,
  SUPPRESSED,
  setMinGroupSize,
} from './analytics.test-support';

/**
 * The privacy of organisation analytics (issue 7): small groups withheld, opt-outs kept out
 * of departments and communities, each dashboard only for those who run its scope, and
 * settings only for admins. The participation dashboard stands for all of them here, since
 * they share the scope rules, the minimum and the opt-out.
 */
let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await startTestApp();
  admin = await person(t, { role: 'admin' });
});
afterAll(() => t.close());

const participation = '/api/rapport/v1/analytics/participation';

async function reportFor(who: Person, url: string) {
  await t.ctx.activity.flush();
  return who.api.get(url);
}

describe('small groups', () => {
  it('withholds a whole scope with fewer members than the minimum, as JSON and as CSV', async () => {
    const tiny = await people(t, 4, { department: 'Tiny' });
    for (const one of tiny) await post(one);
    const res = await reportFor(admin, aroundToday('department:Tiny'));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      scope: 'department:Tiny',
      scope_name: 'Tiny',
      from: `${day(-1)}T00:00:00.000Z`,
      to: `${day(2)}T00:00:00.000Z`,
      generated_at: expect.any(String),
      min_group_size: 5,
      suppressed: true,
    });
    const csv = await admin.api.get(aroundToday('department:Tiny', '&format=csv&table=weekly'));
    expect(csv.status).toBe(200);
    expect(csv.text).toBe(
      `scope,from,to,suppressed,min_group_size\r\ndepartment:Tiny,${day(-1)}T00:00:00.000Z,${day(2)}T00:00:00.000Z,true,5\r\n`,
    );

    // Four people are enough once an admin lowers the minimum to 3.
    await setMinGroupSize(admin, 3);
    try {
      const shown = await reportFor(admin, aroundToday('department:Tiny'));
      expect(shown.body).toMatchObject({ suppressed: false, members: 4, contributors: 4 });
    } finally {
      await setMinGroupSize(admin, 5);
    }
  });

  it('withholds a community of four', async () => {
    const [owner, ...others] = await people(t, 4, { department: 'Small team' });
    const id = await community(owner as Person, others);
    const res = await reportFor(owner as Person, aroundToday(`community:${id}`));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ scope: `community:${id}`, suppressed: true });
  });

  it('never names or identifies a person in a report', async () => {
    const group = await people(t, 5, { department: 'Named' });
    for (const one of group) await post(one);
    const res = await reportFor(admin, aroundToday('department:Named'));
    expect(res.body).toMatchObject({ suppressed: false, members: 5, contributors: 5 });
    for (const one of group) {
      expect(res.text).not.toContain(String(one.account.id));
      expect(res.text).not.toContain(one.account.username);
    }
  });
});

describe('opting out', () => {
  it('counts an opted-out member in the organisation, not in their department or communities', async () => {
    const team = await people(t, 6, { department: 'Quiet' });
    const [owner, leaver] = team as [Person, Person];
    const id = await community(owner, team.slice(1));
    for (const one of team) await post(one, { community_id: id });
    const organisation = (await reportFor(admin, aroundToday('organisation')))
      .body as Participation;

    const preferences = '/api/rapport/v1/preferences/analytics';
    expect((await leaver.api.get(preferences)).body).toEqual({ counted: true });
    const out = await leaver.api.put(preferences, { counted: false });
    expect(out.status, out.text).toBe(200);
    expect(out.body).toEqual({ counted: false });
    expect((await leaver.api.get(preferences)).body).toEqual({ counted: false });

    const after = (await reportFor(admin, aroundToday('organisation'))).body as Participation;
    expect(after.members).toBe(organisation.members);
    expect(after.contributions).toBe(organisation.contributions);
    expect((await reportFor(admin, aroundToday('department:Quiet'))).body).toMatchObject({
      members: 5,
      contributions: 5,
    });
    expect((await reportFor(owner, aroundToday(`community:${id}`))).body).toMatchObject({
      members: 5,
      contributions: 5,
    });

    // A second opt-out leaves four: the department and the community are withheld.
    expect((await team[2]?.api.put(preferences, { counted: false }))?.status).toBe(200);
    expect((await reportFor(admin, aroundToday('department:Quiet'))).body).toMatchObject(
      SUPPRESSED,
    );
    expect((await reportFor(owner, aroundToday(`community:${id}`))).body).toMatchObject(SUPPRESSED);

    // Counted again: back in.
    expect((await leaver.api.put(preferences, { counted: true })).body).toEqual({ counted: true });
    expect((await reportFor(admin, aroundToday('department:Quiet'))).body).toMatchObject({
      suppressed: false,
      members: 5,
    });
  });
});

describe('who may see which dashboard', () => {
  let owner: Person;
  let moderator: Person;
  let member: Person;
  let guest: Person;
  let theirs: string;
  let another: string;
  let secret: string;

  beforeAll(async () => {
    const team = await people(t, 6, { department: 'Support' });
    [owner, moderator, member] = team as [Person, Person, Person];
    guest = await person(t, { role: 'guest' });
    theirs = await community(owner, team.slice(1));
    await invite(admin, theirs, [guest]);
    await join(guest, theirs);
    const role = await owner.api.patch(
      `/api/rapport/v1/communities/${theirs}/members/${moderator.account.id}`,
      { role: 'moderator' },
    );
    expect(role.status, role.text).toBe(200);
    const others = await people(t, 5);
    another = await community(others[0] as Person, [...others.slice(1), owner, member]);
    secret = await community(others[0] as Person, others.slice(1), 'secret');
  });

  it('lets admins see the organisation, departments and any community', async () => {
    for (const scope of [
      'organisation',
      'department:Support',
      `community:${theirs}`,
      `community:${secret}`,
    ]) {
      const res = await reportFor(admin, aroundToday(scope));
      expect(res.status, `${scope}: ${res.text}`).toBe(200);
    }
  });

  it('lets owners and moderators see their community only', async () => {
    for (const who of [owner, moderator]) {
      const res = await reportFor(who, aroundToday(`community:${theirs}`));
      expect(res.status, res.text).toBe(200);
      // Guests belong to the communities they are in: six people and the guest.
      expect(res.body).toMatchObject({ suppressed: false, members: 7 });
    }
    const other = await reportFor(owner, aroundToday(`community:${another}`));
    expect(other.status).toBe(403);
    expect(other.body.error).toBe(
      "Only the community's owners and moderators can see its analytics",
    );
    const hidden = await reportFor(owner, aroundToday(`community:${secret}`));
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toBe('Community not found');
    for (const scope of ['organisation', 'department:Support']) {
      expect((await reportFor(owner, aroundToday(scope))).status).toBe(403);
    }
  });

  it('gives members and guests no dashboard', async () => {
    const organisation = await reportFor(member, aroundToday('organisation'));
    expect(organisation.status).toBe(403);
    expect(organisation.body.error).toBe('Only admins can see organisation analytics');
    const department = await reportFor(member, aroundToday('department:Support'));
    expect(department.status).toBe(403);
    expect(department.body.error).toBe('Only admins can see department analytics');
    expect((await reportFor(member, aroundToday(`community:${theirs}`))).status).toBe(403);
    for (const scope of ['organisation', 'department:Support', `community:${theirs}`]) {
      expect((await reportFor(guest, aroundToday(scope))).status, scope).toBe(403);
    }
    // A guest does not even learn that a community they are not in exists.
    expect((await reportFor(guest, aroundToday(`community:${another}`))).status).toBe(404);
    // Nor does anyone signed out.
    expect((await api(t.app).get(aroundToday('organisation'))).status).toBe(401);
  });

  it('lists the dashboards each person may open', async () => {
    const scopes = '/api/rapport/v1/analytics/scopes';
    const forAdmin = (await admin.api.get(scopes)).body;
    expect(forAdmin.organisation).toBe(true);
    expect(forAdmin.departments).toContain('Support');
    const forOwner = (await owner.api.get(scopes)).body;
    expect(forOwner).toMatchObject({ organisation: false, departments: [] });
    expect(forOwner.communities.map((c: { id: string }) => c.id)).toEqual([theirs]);
    expect((await member.api.get(scopes)).body).toEqual({
      organisation: false,
      departments: [],
      communities: [],
    });
  });
});

describe('bad input', () => {
  async function refused(url: string, status: number, message: string) {
    const res = await admin.api.get(url);
    expect(res.status, res.text).toBe(status);
    expect(res.body.error).toContain(message);
  }

  it('answers each mistake with a 4xx that says what is wrong', async () => {
    await refused(
      `${participation}?scope=everyone`,
      400,
      'must be organisation, department:NAME or community:ID',
    );
    await refused(`${participation}?scope=community:abc`, 400, 'must be organisation');
    await refused(`${participation}?from=yesterday`, 400, 'must be a date (YYYY-MM-DD)');
    await refused(`${participation}?from=2026-03-01&to=2026-02-01`, 422, 'From must be before to');
    await refused(
      `${participation}?from=2024-01-01&to=2025-06-01`,
      422,
      'a period covers at most 366 days',
    );
    await refused(`${participation}?scope=department:Nowhere`, 404, 'Department not found');
    await refused(`${participation}?scope=community:12345`, 404, 'Community not found');
    await refused(`${participation}?format=xml`, 400, 'Format');
    await refused(
      `${participation}?format=csv&table=people`,
      422,
      'Table must be one of summary, weekly, lorenz, segments, personas',
    );
    // A year is fine.
    expect((await admin.api.get(`${participation}?from=2025-01-01&to=2025-12-31`)).status).toBe(
      200,
    );
  });
});

describe('settings', () => {
  const settings = '/api/rapport/v1/analytics/settings';

  it('lets only admins change the minimum group size, never below 3', async () => {
    const member = await person(t);
    expect((await member.api.get(settings)).body).toEqual({ min_group_size: 5 });
    const refused = await member.api.put(settings, { min_group_size: 10 });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('Only admins can change analytics settings');

    const stored = () =>
      t.ctx.db
        .selectFrom('server_settings')
        .selectAll()
        .where('key', '=', 'analytics.min_group_size')
        .executeTakeFirst();
    const before = await stored();
    const tooLow = await admin.api.put(settings, { min_group_size: 2 });
    expect(tooLow.status).toBe(422);
    expect(tooLow.body.error).toContain('Min group size');
    expect((await admin.api.put(settings, { min_group_size: 101 })).status).toBe(422);
    // Nothing changed.
    expect(await stored()).toEqual(before);
    expect((await admin.api.get(settings)).body).toEqual({ min_group_size: 5 });

    const raised = await admin.api.put(settings, { min_group_size: 8 });
    expect(raised.status, raised.text).toBe(200);
    expect(raised.body).toEqual({ min_group_size: 8 });
    expect((await member.api.get(settings)).body).toEqual({ min_group_size: 8 });
    // A department of seven is now too small.
    await people(t, 7, { department: 'Seven' });
    expect((await reportFor(admin, aroundToday('department:Seven'))).body).toMatchObject({
      suppressed: true,
      min_group_size: 8,
    });
    await setMinGroupSize(admin, 5);
    expect((await reportFor(admin, aroundToday('department:Seven'))).body).toMatchObject({
      suppressed: false,
      members: 7,
    });
  });
});
