import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { NO_DEPARTMENT, silosOf } from './silos';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const SILOS = '/api/rapport/v1/analytics/silos';
const DAY = 86_400_000;
type Person = Awaited<ReturnType<typeof person>>;

async function person(department: string, role: 'member' | 'admin' | 'guest' = 'member') {
  const { account, token } = await createAccountWithToken(t.ctx, {
    role,
    profile: { department },
  });
  return { account, username: account.username, api: api(t.app, token) };
}

async function post(who: Person, status: string, extra: Record<string, unknown> = {}) {
  const res = await who.api.post('/api/v1/statuses', { status, ...extra });
  expect(res.status, res.text).toBe(200);
  return res.body.id as string;
}

async function favourite(who: Person, statusId: string) {
  const res = await who.api.post(`/api/v1/statuses/${statusId}/favourite`);
  expect(res.status, res.text).toBe(200);
}

async function setMinGroupSize(admin: Person, size: number) {
  const res = await admin.api.put('/api/rapport/v1/analytics/settings', { min_group_size: size });
  expect(res.status, res.text).toBe(200);
}

/**
 * Engineering (the admin, e1, e2), Sales (s1, s2, s3, and o1 who opted out), Legal (l1, l2)
 * and HR (h1). Acts, each through the API:
 *   e1 -> s1 favourite; e1 -> e2 mention; e2 -> e1 favourite;
 *   l1 -> h1 favourite; l1 -> e1 favourite;
 *   s2 -> s3 favourite and mention; s3 -> s2 reply;
 *   o1 -> e1 and e1 -> o1 favourites (o1 opted out: left out).
 */
let admin: Person;
let e1: Person;
let l2: Person;
let o1: Person;
let member: Person;
let guest: Person;

beforeAll(async () => {
  admin = await person('Engineering', 'admin');
  e1 = await person('Engineering');
  const e2 = await person('Engineering');
  const s1 = await person('Sales');
  const s2 = await person('Sales');
  const s3 = await person('Sales');
  o1 = await person('Sales');
  const l1 = await person('Legal');
  l2 = await person('Legal');
  const h1 = await person('HR');
  guest = await person('', 'guest');
  member = e2;
  expect(
    (await o1.api.put('/api/rapport/v1/preferences/analytics', { counted: false })).body,
  ).toEqual({ counted: false });

  const fromE1 = await post(e1, 'Release notes are out');
  const fromS1 = await post(s1, 'Quarter closed');
  const fromS3 = await post(s3, 'Pipeline review at 3');
  const fromS2 = await post(s2, 'Who has the new deck?');
  const fromH1 = await post(h1, 'Benefits window opens Monday');
  const fromO1 = await post(o1, 'Travel policy question');
  await favourite(e1, fromS1);
  await post(e1, `Thanks @${e2.username} for the review`);
  await favourite(e2, fromE1);
  await favourite(l1, fromH1);
  await favourite(l1, fromE1);
  await favourite(s2, fromS3);
  await post(s2, `See you there @${s3.username}`);
  await post(s3, 'In the shared folder', { in_reply_to_id: fromS2 });
  await favourite(o1, fromE1);
  await favourite(e1, fromO1);
  await t.ctx.events.settled();
});

describe('silos', () => {
  it('gives the department matrix, cross-department share and reciprocity', async () => {
    await setMinGroupSize(admin, 3);
    const res = await admin.api.get(SILOS);
    expect(res.status, res.text).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toMatchObject({
      scope: 'organisation',
      suppressed: false,
      min_group_size: 3,
      // Legal (2) and HR (1) are pooled; o1 opted out, so Sales has three people.
      departments: [
        { name: 'Engineering', members: 3, cross_share: 0.3333, isolated: false },
        { name: 'Sales', members: 3, cross_share: 0, isolated: true },
        { name: 'Other', members: 3, cross_share: 1, isolated: false },
      ],
      matrix: [
        [2, 1, 0],
        [0, 3, 0],
        [1, 0, 1],
      ],
      total_interactions: 8,
      // e1 -> s1, l1 -> h1 (Legal to HR, both in "Other") and l1 -> e1.
      cross_department_share: 0.375,
      // 7 pairs, of which e1/e2 and s2/s3 both ways.
      reciprocity: 0.5714,
      isolated_threshold: 0.1,
    });
  });

  it('pools every department under the minimum into "Other"', async () => {
    await setMinGroupSize(admin, 4);
    const res = await admin.api.get(SILOS);
    expect(res.body).toMatchObject({
      departments: [{ name: 'Other', members: 9, cross_share: 0.375, isolated: false }],
      matrix: [[8]],
      total_interactions: 8,
      cross_department_share: 0.375,
    });
  });

  it('withholds "Other" (and its people’s acts) when it is still under the minimum', async () => {
    await setMinGroupSize(admin, 3);
    const moved = await l2.api.patch('/api/v1/accounts/update_credentials', {
      department: 'Engineering',
    });
    expect(moved.status, moved.text).toBe(200);
    const res = await admin.api.get(SILOS);
    expect(res.body).toMatchObject({
      departments: [
        { name: 'Engineering', members: 4, cross_share: 0.3333 },
        { name: 'Sales', members: 3, cross_share: 0, isolated: true },
      ],
      matrix: [
        [2, 1],
        [0, 3],
      ],
      total_interactions: 6,
      cross_department_share: 0.1667,
      reciprocity: 0.8,
    });
    await l2.api.patch('/api/v1/accounts/update_credentials', { department: 'Legal' });
  });

  it('counts someone again once they opt back in', async () => {
    await setMinGroupSize(admin, 3);
    await o1.api.put('/api/rapport/v1/preferences/analytics', { counted: true });
    const res = await admin.api.get(SILOS);
    expect(res.body).toMatchObject({
      departments: [
        { name: 'Engineering', members: 3 },
        { name: 'Sales', members: 4 },
        { name: 'Other', members: 3 },
      ],
      matrix: [
        [2, 2, 0],
        [1, 3, 0],
        [1, 0, 1],
      ],
      total_interactions: 10,
    });
    await o1.api.put('/api/rapport/v1/preferences/analytics', { counted: false });
  });

  it('withholds the whole report when the organisation is under the minimum', async () => {
    await setMinGroupSize(admin, 10);
    const res = await admin.api.get(SILOS);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ scope: 'organisation', suppressed: true, min_group_size: 10 });
    expect(res.body.matrix).toBeUndefined();
    await setMinGroupSize(admin, 3);
  });

  it('counts only the period asked for', async () => {
    const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
    const res = await admin.api.get(`${SILOS}?from=${day(30)}&to=${day(59)}`);
    expect(res.body).toMatchObject({
      from: `${day(30)}T00:00:00.000Z`,
      to: `${day(60)}T00:00:00.000Z`,
      matrix: [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      total_interactions: 0,
      cross_department_share: null,
      reciprocity: null,
      departments: [
        { name: 'Engineering', cross_share: null, isolated: false },
        { name: 'Sales', cross_share: null, isolated: false },
        { name: 'Other', cross_share: null, isolated: false },
      ],
    });
  });

  it('is for admins only', async () => {
    for (const who of [member, guest]) {
      const res = await who.api.get(SILOS);
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('Only admins can see organisation analytics');
      expect((await who.api.get(`${SILOS}?format=csv`)).status).toBe(403);
    }
    expect((await api(t.app).get(SILOS)).status).toBe(401);
  });

  it('rejects a bad period or table', async () => {
    expect((await admin.api.get(`${SILOS}?from=2026-02-01&to=2026-01-01`)).status).toBe(422);
    expect((await admin.api.get(`${SILOS}?from=yesterday`)).status).toBe(400);
    const table = await admin.api.get(`${SILOS}?format=csv&table=people`);
    expect(table.status).toBe(422);
    expect(table.text).toContain('must be one of matrix, departments');
  });

  it('keeps the minimum group size within 3..100, changed by admins only', async () => {
    const settings = '/api/rapport/v1/analytics/settings';
    for (const size of [2, 101, 'five']) {
      const res = await admin.api.put(settings, { min_group_size: size });
      expect(res.status, String(size)).toBe(422);
    }
    expect((await member.api.put(settings, { min_group_size: 4 })).status).toBe(403);
    expect((await admin.api.get(settings)).body).toEqual({ min_group_size: 3 });
    expect((await admin.api.get(SILOS)).body.min_group_size).toBe(3);
  });

  it('downloads the matrix and the departments as CSV', async () => {
    const matrix = await admin.api.get(`${SILOS}?format=csv`);
    expect(matrix.status).toBe(200);
    expect(matrix.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(matrix.headers['content-disposition']).toBe('attachment; filename="rapport-silos.csv"');
    expect(matrix.text).toBe(
      'from \\ to,Engineering,Sales,Other\r\n' +
        'Engineering,2,1,0\r\n' +
        'Sales,0,3,0\r\n' +
        'Other,1,0,1\r\n',
    );
    const departments = await admin.api.get(`${SILOS}?format=csv&table=departments`);
    expect(departments.text).toBe(
      'department,members,interactions_started,interactions_received,cross_share,isolated\r\n' +
        'Engineering,3,3,3,0.3333,false\r\n' +
        'Sales,3,3,4,0,true\r\n' +
        'Other,3,2,1,1,false\r\n',
    );
  });
});

describe('silosOf', () => {
  const people = (groups: Record<string, number[]>) =>
    new Map(
      Object.entries(groups).flatMap(([group, ids]) => ids.map((id) => [id, group] as const)),
    );

  it('pools people without a department with the other small groups', () => {
    const result = silosOf(
      people({ Ops: [1, 2, 3], [NO_DEPARTMENT]: [4, 5], Legal: [6] }),
      [
        { actor_id: 4, target_id: 6, count: 2 },
        { actor_id: 6, target_id: 1, count: 1 },
        { actor_id: 1, target_id: 2, count: 3 },
      ],
      3,
    );
    expect(result.departments.map((row) => [row.name, row.members])).toEqual([
      ['Ops', 3],
      ['Other', 3],
    ]);
    expect(result.matrix).toEqual([
      [3, 0],
      [1, 2],
    ]);
    expect(result.cross_department_share).toBe(0.5);
    expect(result.reciprocity).toBe(0);
  });

  it('lets a department called "Other" take the pooled people in', () => {
    const result = silosOf(people({ Other: [1, 2, 3], Legal: [4] }), [], 3);
    expect(result.departments.map((row) => [row.name, row.members])).toEqual([['Other', 4]]);
  });
});
