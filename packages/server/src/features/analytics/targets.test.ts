import type { DomainEvent } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { base, type Person, responsivenessFixtures } from './responsiveness.fixtures';

let t: TestApp;
const { person, community } = responsivenessFixtures(() => t);
const events: DomainEvent[] = [];

let admin: Person;
let owner: Person;
let moderator: Person;
let member: Person;
let outsider: Person;
let communityId: string;
let secretId: string;
const department = 'Targets Team';

beforeAll(async () => {
  t = await startTestApp();
  t.ctx.events.on('analytics.target_updated', (event) => {
    events.push(event);
  });
  admin = await person({ role: 'admin' });
  owner = await person({ department });
  moderator = await person();
  member = await person();
  outsider = await person();
  communityId = await community([
    [owner, 'owner'],
    [moderator, 'moderator'],
    [member, 'member'],
  ]);
  secretId = await community([[outsider, 'owner']], 'secret');
});
afterAll(() => t.close());

const stored = () =>
  t.ctx.db.selectFrom('analytics_targets').selectAll().orderBy('scope').execute();

describe('response targets', () => {
  it('starts from the default: 80% of questions answered within 24 hours', async () => {
    const res = await admin.api.get(`${base}/targets`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      scope: 'organisation',
      answer_within_hours: 24,
      answered_share: 0.8,
      source: 'default',
      updated_at: null,
    });
  });

  it("lets a community's owners and moderators set its target, and nobody else", async () => {
    const body = {
      scope: `community:${communityId}`,
      answer_within_hours: 8,
      answered_share: 0.75,
    };
    expect((await member.api.put(`${base}/targets`, body)).status).toBe(403);
    expect((await outsider.api.put(`${base}/targets`, body)).status).toBe(403);
    expect(
      (await member.api.put(`${base}/targets`, { ...body, scope: 'organisation' })).status,
    ).toBe(403);
    expect(
      (await owner.api.put(`${base}/targets`, { ...body, scope: 'organisation' })).status,
    ).toBe(403);
    // A secret community is not even found by someone outside it.
    expect(
      (await owner.api.put(`${base}/targets`, { ...body, scope: `community:${secretId}` })).status,
    ).toBe(404);
    expect(await stored()).toEqual([]);
    expect(events).toEqual([]);

    const set = await owner.api.put(`${base}/targets`, body);
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({
      scope: `community:${communityId}`,
      answer_within_hours: 8,
      answered_share: 0.75,
      source: 'scope',
    });
    expect(Date.parse(set.body.updated_at)).toBeGreaterThan(0);
    const changed = await moderator.api.put(`${base}/targets`, { ...body, answer_within_hours: 4 });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.answer_within_hours).toBe(4);
    expect((await owner.api.get(`${base}/targets?scope=community:${communityId}`)).body).toEqual(
      changed.body,
    );
    expect((await member.api.get(`${base}/targets?scope=community:${communityId}`)).status).toBe(
      403,
    );
    expect(await stored()).toMatchObject([
      {
        scope: `community:${communityId}`,
        answer_within_hours: 4,
        answered_percent: 75,
        updated_by_id: moderator.account.id,
      },
    ]);
    expect(events).toEqual([
      { type: 'analytics.target_updated', scope: `community:${communityId}`, by_id: owner.id },
      { type: 'analytics.target_updated', scope: `community:${communityId}`, by_id: moderator.id },
    ]);
  });

  it('refuses bad values and department targets, changing nothing', async () => {
    const before = await stored();
    const scope = `community:${communityId}`;
    for (const body of [
      { scope, answer_within_hours: 0, answered_share: 0.8 },
      { scope, answer_within_hours: 721, answered_share: 0.8 },
      { scope, answer_within_hours: 1.5, answered_share: 0.8 },
      { scope, answer_within_hours: 'soon', answered_share: 0.8 },
      { scope, answer_within_hours: 24, answered_share: 1.2 },
      { scope, answer_within_hours: 24, answered_share: 0.01 },
      { scope, answer_within_hours: 24 },
      { scope: 'everyone', answer_within_hours: 24, answered_share: 0.8 },
    ]) {
      const res = await owner.api.put(`${base}/targets`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const departmental = await admin.api.put(`${base}/targets`, {
      scope: `department:${department}`,
      answer_within_hours: 12,
      answered_share: 0.9,
    });
    expect(departmental.status).toBe(422);
    expect(departmental.body.error).toContain('department');
    expect(await stored()).toEqual(before);
    expect(events).toHaveLength(2);
  });

  it("is inherited from the organisation's target by communities without one and by departments", async () => {
    const set = await admin.api.put(`${base}/targets`, {
      scope: 'organisation',
      answer_within_hours: '12',
      answered_share: '0.9',
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({
      answer_within_hours: 12,
      answered_share: 0.9,
      source: 'scope',
    });

    const other = await community([[owner, 'owner']]);
    expect((await owner.api.get(`${base}/targets?scope=community:${other}`)).body).toMatchObject({
      scope: `community:${other}`,
      answer_within_hours: 12,
      answered_share: 0.9,
      source: 'organisation',
    });
    const ofDepartment = await admin.api.get(
      `${base}/targets?scope=${encodeURIComponent(`department:${department}`)}`,
    );
    expect(ofDepartment.body).toMatchObject({
      scope: `department:${department}`,
      answer_within_hours: 12,
      source: 'organisation',
    });
    // A community with its own target keeps it.
    expect(
      (await owner.api.get(`${base}/targets?scope=community:${communityId}`)).body,
    ).toMatchObject({
      answer_within_hours: 4,
      source: 'scope',
    });
    expect((await member.api.get(`${base}/targets`)).status).toBe(403);
  });
});
