import type { PersonToMeet } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { insightFixtures, type Member } from './insights.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const { member, post, exchanged, acts } = insightFixtures(() => t);
const path = '/api/rapport/v1/people_to_meet';

describe('people to meet', () => {
  it('finds people outside the circle who write about the same topics, other departments first', async () => {
    // Topics unique to this test, so other tests' posts do not interfere.
    const ana = await member({ department: 'Engineering' });
    await post(ana, 'Tuning #zebrakube and #zebrahelm charts');
    const ben = await member({ department: 'Sales' });
    await post(ben, 'Demoing #zebrakube with #zebrahelm to a customer');
    const cara = await member({ department: 'engineering' });
    await post(cara, 'Our #zebrakube and #zebrahelm upgrade notes');
    // Dan already knows Ana: not someone to meet.
    const dan = await member({ department: 'Sales' });
    await post(dan, '#zebrakube at scale');
    await exchanged(ana, dan, 3);
    // Eve turned relationship insights off: never suggested.
    const eve = await member({ department: 'Finance' });
    await post(eve, 'Costs of #zebrakube');
    expect(
      (await eve.api.put('/api/rapport/v1/preferences/relationships', { enabled: false })).status,
    ).toBe(200);
    // Fay writes about it only for her followers: Ana may not see it.
    const fay = await member({ department: 'Legal' });
    await post(fay, 'Private #zebrakube notes', { visibility: 'private' });
    // Gus only lists it among his skills.
    const gus = await member({ department: 'Support', skills: ['Zebrakube'] });
    // An encounter is still outside the circle.
    await acts(ana, cara, 'favourite', 1);

    const res = await ana.api.get(path);
    expect(res.status, res.text).toBe(200);
    const people: PersonToMeet[] = res.body;
    const ids = people.map((p) => p.account.id);
    expect(ids.slice(0, 3)).toEqual([ben.id, cara.id, gus.id]);
    for (const left of [ana.id, dan.id, eve.id, fay.id]) expect(ids).not.toContain(left);
    expect(people[0]).toMatchObject({
      // In the viewer's order: most used first, then by name.
      shared_topics: ['zebrahelm', 'zebrakube'],
      other_department: true,
      mutual_contacts_count: 0,
      reason:
        'Writes about #zebrahelm and #zebrakube like you; works in Sales; you have no contacts in common',
    });
    // Same department, whatever the case it is written in.
    expect(people[1]).toMatchObject({ other_department: false });
    expect(people[2]?.reason).toBe(
      'Lists Zebrakube among their skills; works in Support; you have no contacts in common',
    );
  });

  it('counts contacts in common and prefers people with few', async () => {
    const ana = await member({ department: 'Ops' });
    await post(ana, 'Thoughts on #yakshave');
    const ben = await member({ department: 'Ops' });
    await post(ben, 'More #yakshave');
    const cara = await member({ department: 'Ops' });
    await post(cara, '#yakshave again');
    // Three people know both Ana and Cara; one knows both Ana and Ben.
    const friends = [await member(), await member(), await member()];
    for (const friend of friends) {
      await exchanged(ana, friend, 2);
      await exchanged(friend, cara, 2);
    }
    await exchanged(friends[0] as Member, ben, 2);
    const people: PersonToMeet[] = (await ana.api.get(path)).body;
    const [first, second] = people.filter((p) => [ben.id, cara.id].includes(p.account.id));
    expect(first).toMatchObject({ mutual_contacts_count: 1 });
    expect(first?.account.id).toBe(ben.id);
    expect(first?.reason).toContain('you have one contact in common');
    expect(second).toMatchObject({ mutual_contacts_count: 3 });
    expect(second?.reason).toContain('you have 3 contacts in common');
  });

  it('is empty for someone with no topics, and at most ten long', async () => {
    const quiet = await member();
    expect((await quiet.api.get(path)).body).toEqual([]);
    const ana = await member();
    await post(ana, 'All about #walrusops');
    for (let i = 0; i < 12; i++) await post(await member(), `#walrusops ${i}`);
    expect((await ana.api.get(path)).body).toHaveLength(10);
  });
});
