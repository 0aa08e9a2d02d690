import type { Participation } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import {
  aroundToday,
  community,
  createPage,
  day,
  editPage,
  type Person,
  people,
  person,
  post,
  postMany,
  SUPPRESSED,
  setMinGroupSize,
} from './analytics.test-support';

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await startTestApp();
  admin = await person(t, { role: 'admin' });
});
afterAll(() => t.close());

async function report(url: string): Promise<Participation> {
  await t.ctx.activity.flush();
  const res = await admin.api.get(url);
  expect(res.status, res.text).toBe(200);
  expect(res.headers['cache-control']).toBe('private, no-store');
  return res.body as Participation;
}

describe('the 85/15 department: 40 members, 6 of whom write 85% of the contributions', () => {
  // Research has 40 members. Contributions (statuses of every kind and page revisions):
  //   m1..m5 three each, m6 two (17 together), m7..m9 one each (3): 20 in all.
  // top 15% = ceil(0.15 x 40) = 6 people: 17 / 20 = 0.85
  // top 10% = 4 people: 12 / 20 = 0.6;  top 1% = 1 person: 3 / 20 = 0.15
  // Gini, counts ascending (31 zeros, 1, 1, 1, 2, 3, 3, 3, 3, 3), n = 40, total 20:
  //   sum (2i - n - 1) x_i = (23 + 25 + 27) x 1 + 29 x 2 + (31 + 33 + 35 + 37 + 39) x 3
  //                        = 75 + 58 + 525 = 658;  G = 658 / (40 x 20) = 0.8225
  let m: Person[];
  const scope = 'department:Research';

  beforeAll(async () => {
    m = await people(t, 40, { department: 'Research' });
    const [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14] = m as [
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
    ];
    // m1: two statuses and a new page (3). A direct message is not a contribution.
    const m1Status = await post(m1);
    await post(m1);
    const page = await createPage(m1);
    await post(m1, { visibility: 'direct' }, `@${m2.account.username} between us`);
    // m2: a question, a reply to m1 and an edit of m1's page (3).
    const question = await post(m2, { kind: 'question' }, 'How do we ship on Fridays?');
    await post(m2, { in_reply_to_id: m1Status }, 'Good point');
    await editPage(m2, page);
    // m3: an answer to m2's question and two statuses (3).
    await post(m3, { in_reply_to_id: question }, 'Carefully');
    await postMany(m3, 2);
    await postMany(m4, 3);
    await postMany(m5, 3);
    await postMany(m6, 2);
    for (const one of [m7, m8, m9]) await post(one);
    // Reactions, counted apart: m10 favourites two statuses, m11 boosts one (3).
    expect((await m10.api.post(`/api/v1/statuses/${m1Status}/favourite`)).status).toBe(200);
    expect((await m10.api.post(`/api/v1/statuses/${question}/favourite`)).status).toBe(200);
    expect((await m11.api.post(`/api/v1/statuses/${m1Status}/reblog`)).status).toBe(200);
    // m12..m14 only read.
    for (const reader of [m12, m13, m14]) {
      expect((await reader.api.get('/api/v1/timelines/home')).status).toBe(200);
    }
  });

  it('gives the shares, Gini and Lorenz curve exactly, and withholds small groups', async () => {
    const r = await report(aroundToday(scope));
    expect(r).toMatchObject({
      suppressed: false,
      scope,
      scope_name: 'Research',
      min_group_size: 5,
      members: 40,
      contributors: 9,
      contributions: 20,
      reactions: 3,
      top15_share: 0.85,
      // The top 1% (1 person) and 10% (4 people) are fewer than 5.
      top1_share: SUPPRESSED,
      top10_share: SUPPRESSED,
      gini: 0.8225,
      first_time_contributors: 9,
      returning_first_time_contributors: 0,
    });
    // 31 of 40 contributed nothing: the curve is flat until 75%, then climbs.
    expect(r.lorenz).toHaveLength(21);
    expect(r.lorenz[0]).toEqual([0, 0]);
    expect(r.lorenz[15]).toEqual([0.75, 0]);
    // At 80%, 32 people: the 31 zeros and one person with 1 contribution: 1 / 20.
    expect(r.lorenz[16]).toEqual([0.8, 0.05]);
    expect(r.lorenz[20]).toEqual([1, 1]);
    // Active: m1..m14 used Rapport; m12..m14 only read, m10 and m11 only reacted.
    // The period is 3 days, so heavy means at least 3 contributions (m1..m5).
    expect(r.segments).toEqual({ inactive: 26, observers: 5, occasional: SUPPRESSED, heavy: 5 });
    // Personas of the 14 active (a reaction weighs half): m1 and m2 are engagers (m1 gave
    // 3 and received a reply, a favourite and a boost: 2; m2 gave 3 and received an answer
    // and a favourite: 1.5), m3..m9 broadcasters (nobody responded), and m10..m14, who
    // wrote nothing, observers.
    expect(r.personas).toEqual({
      observer: 5,
      broadcaster: 7,
      responder: 0,
      catalyst: 0,
      engager: SUPPRESSED,
    });
    expect(r.thresholds).toEqual({
      heavy_per_week: 1,
      heavy_minimum: 3,
      reaction_weight: 0.5,
      catalyst_ratio: 1.5,
      responder_share: 0.75,
      broadcaster_ratio: 0.5,
    });
    expect(r.weekly).toHaveLength(1);
    expect(r.weekly[0]).toMatchObject({
      contributors: 9,
      contributions: 20,
      reactions: 3,
      active: 14,
      first_time_contributors: 9,
      top15_share: 0.85,
      gini: 0.8225,
    });
  });

  it('shows the smaller groups once an admin lowers the minimum to 3', async () => {
    await setMinGroupSize(admin, 3);
    try {
      const r = await report(aroundToday(scope));
      expect(r).toMatchObject({ min_group_size: 3, top10_share: 0.6, top1_share: SUPPRESSED });
      expect(r.segments.occasional).toBe(4);
      expect(r.personas).toEqual({
        observer: 5,
        broadcaster: 7,
        responder: 0,
        catalyst: 0,
        engager: SUPPRESSED,
      });
    } finally {
      await setMinGroupSize(admin, 5);
    }
  });

  it('downloads each table as CSV', async () => {
    await t.ctx.activity.flush();
    const summary = await admin.api.get(aroundToday(scope, '&format=csv'));
    expect(summary.status, summary.text).toBe(200);
    expect(summary.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(summary.headers['content-disposition']).toBe(
      'attachment; filename="rapport-participation.csv"',
    );
    const [header, row, end] = summary.text.split('\r\n');
    expect(header).toBe(
      'scope,from,to,members,contributors,contributions,reactions,top1_share,top10_share,top15_share,gini,first_time_contributors,returning_first_time_contributors',
    );
    expect(row).toMatch(
      /^department:Research,\d{4}-.*Z,\d{4}-.*Z,40,9,20,3,suppressed,suppressed,0\.85,0\.8225,9,0$/,
    );
    expect(end).toBe('');

    const weekly = await admin.api.get(aroundToday(scope, '&format=csv&table=weekly'));
    expect(weekly.text.split('\r\n').slice(0, 2)).toEqual([
      'week_start,contributors,contributions,reactions,active,first_time_contributors,top15_share,gini',
      expect.stringMatching(/^\d{4}-\d\d-\d\dT00:00:00\.000Z,9,20,3,14,9,0\.85,0\.8225$/),
    ]);
    const segments = await admin.api.get(aroundToday(scope, '&format=csv&table=segments'));
    expect(segments.text).toBe(
      'segment,people\r\ninactive,26\r\nobservers,5\r\noccasional,suppressed\r\nheavy,5\r\n',
    );
    const personas = await admin.api.get(aroundToday(scope, '&format=csv&table=personas'));
    expect(personas.text.split('\r\n')[0]).toBe('persona,people');
    expect(personas.text).toContain('\r\nbroadcaster,7\r\n');
    const lorenz = await admin.api.get(aroundToday(scope, '&format=csv&table=lorenz'));
    const lines = lorenz.text.trim().split('\r\n');
    expect(lines[0]).toBe('members_share,contributions_share');
    expect(lines).toHaveLength(22);
    expect(lines[17]).toBe('0.8,0.05');
  });

  it('tells apart first-time contributors from people who contributed before the period', async () => {
    // From tomorrow on, everyone who contributed today has contributed before.
    const later = `/api/rapport/v1/analytics/participation?scope=${scope}&from=2099-01-01&to=2099-02-01`;
    const r = await report(later);
    expect(r).toMatchObject({ contributors: 0, contributions: 0, first_time_contributors: 0 });
    expect(r.top15_share).toBeNull();
    expect(r.gini).toBeNull();
    expect(r.weekly).toHaveLength(5);
    expect(r.segments).toEqual({ inactive: 40, observers: 0, occasional: 0, heavy: 0 });
  });
});

describe('a community with a known Gini', () => {
  // Five members; contributions in the community 5, 2, 1, 0, 0 (their statuses elsewhere
  // do not count). Ascending x = 0, 0, 1, 2, 5, n = 5, total 8:
  //   sum (2i - n - 1) x_i = -4 x 0 - 2 x 0 + 0 x 1 + 2 x 2 + 4 x 5 = 24;  G = 24 / 40 = 0.6
  it('gives the Gini of the community only, withholding what is about fewer than five', async () => {
    const [owner, a, b, c, d] = (await people(t, 5, { department: 'Gini' })) as [
      Person,
      Person,
      Person,
      Person,
      Person,
    ];
    const id = await community(owner, [a, b, c, d]);
    await postMany(owner, 5, { community_id: id });
    await post(a, { community_id: id });
    await createPage(a, id);
    await post(b, { community_id: id });
    // Elsewhere: not contributions to this community.
    await postMany(c, 3);
    await createPage(d);

    await t.ctx.activity.flush();
    const res = await owner.api.get(aroundToday(`community:${id}`));
    expect(res.status, res.text).toBe(200);
    const r = res.body as Participation;
    expect(r).toMatchObject({
      scope: `community:${id}`,
      members: 5,
      contributions: 8,
      gini: 0.6,
      contributors: SUPPRESSED,
      // The top 15% of 5 is one person.
      top15_share: SUPPRESSED,
      first_time_contributors: SUPPRESSED,
    });
    // Two of five contributed nothing here: [0.4, 0]; three: 1 of 8; four: 3 of 8.
    expect(r.lorenz[8]).toEqual([0.4, 0]);
    expect(r.lorenz[12]).toEqual([0.6, 0.125]);
    expect(r.lorenz[16]).toEqual([0.8, 0.375]);
    // The department counts their contributions everywhere: 5 + 2 + 1 + 3 + 1 = 12.
    const department = await report(aroundToday('department:Gini'));
    expect(department).toMatchObject({ members: 5, contributions: 12 });
  });
});

describe('what counts as a contribution', () => {
  it('counts a status a moderator hid (it was written), not one its author deleted', async () => {
    const [writer, reporter, deleter] = (await people(t, 5, { department: 'Moderated' })) as [
      Person,
      Person,
      Person,
    ];
    const hidden = await post(writer, {}, 'A borderline joke');
    await post(writer);
    const filed = await reporter.api.post('/api/v1/reports', {
      account_id: String(writer.account.id),
      status_ids: [hidden],
      category: 'violation',
    });
    expect(filed.status, filed.text).toBe(200);
    const acted = await admin.api.post(
      `/api/rapport/v1/moderation/reports/${filed.body.id}/actions`,
      { action: 'hide', reason: 'Not welcome here' },
    );
    expect(acted.status, acted.text).toBe(200);
    const deleted = await post(deleter);
    await post(deleter);
    expect((await deleter.api.delete(`/api/v1/statuses/${deleted}`)).status).toBe(200);

    const r = await report(aroundToday('department:Moderated'));
    expect(r).toMatchObject({ members: 5, contributions: 3 });
  });
});

describe('activity', () => {
  it('makes a member who only reads an observer rather than inactive', async () => {
    await setMinGroupSize(admin, 3);
    try {
      const group = await people(t, 6, { department: 'Readers' });
      const scope = 'department:Readers';
      // Nobody has used Rapport yet.
      expect((await report(aroundToday(scope))).segments).toEqual({
        inactive: 6,
        observers: 0,
        occasional: 0,
        heavy: 0,
      });
      for (const reader of group.slice(0, 3)) {
        expect((await reader.api.get('/api/v1/timelines/home')).status).toBe(200);
      }
      const r = await report(aroundToday(scope));
      expect(r.segments).toEqual({ inactive: 3, observers: 3, occasional: 0, heavy: 0 });
      expect(r.personas.observer).toBe(3);
      expect(r.weekly[0]?.active).toBe(3);
    } finally {
      await setMinGroupSize(admin, 5);
    }
  });
});

// Last in the file: it moves the clock forward (ids stay time-ordered after it).
describe('first-time contributors who come back', () => {
  afterAll(() => {
    vi.useRealTimers();
  });

  it('counts those whose first contribution is in the period, and who contributed on a later day', async () => {
    await setMinGroupSize(admin, 3);
    // Six people: one contributed before, one once, three come back, one never writes.
    const group = await people(t, 6, { department: 'Newcomers' });
    const [veteran, once] = group as [Person, Person];
    const returning = group.slice(2, 5);
    // Today, before the period: the veteran's first contribution.
    await post(veteran);
    const tomorrow = Date.parse(`${day(1)}T10:00:00.000Z`);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(tomorrow);
    for (const one of [veteran, once, ...returning]) await post(one);
    // Twice on the same day is not coming back...
    vi.setSystemTime(tomorrow + 60 * 60 * 1000);
    await post(once);
    // ...the next day is.
    vi.setSystemTime(tomorrow + 24 * 60 * 60 * 1000);
    for (const one of returning) await post(one);
    vi.useRealTimers();

    const period = `scope=department:Newcomers&from=${day(1)}&to=${day(2)}`;
    const r = await report(`/api/rapport/v1/analytics/participation?${period}`);
    expect(r).toMatchObject({
      contributors: 5,
      contributions: 9,
      first_time_contributors: 4,
      returning_first_time_contributors: 3,
    });
    expect(r.weekly[0]?.first_time_contributors).toBe(4);
    await setMinGroupSize(admin, 5);
  });
});
