import type { Expert } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { DAY_MS } from '../../lib/time';
import { type Person, questionFixtures } from '../questions/questions.fixtures';
import { createStatus } from '../statuses/statuses.service';
import { contribution } from './expertise.service';
import { skillMatches } from './expertise.sources';
import { questionTopics } from './topics';

let t: TestApp;
const { person, community, ask, reply } = questionFixtures(() => t);
const people: Record<string, Person> = {};

const viewerOf = (p: Person) => ({
  id: p.account.id,
  username: p.account.username,
  role: p.account.role,
});

/** A status written `daysAgo` days ago, through the real service. */
async function postedAgo(author: Person, text: string, daysAgo: number) {
  await createStatus(
    t.ctx,
    viewerOf(author),
    { status: text },
    {
      applicationId: null,
      at: Date.now() - daysAgo * DAY_MS,
    },
  );
}

/**
 * The constructed organisation, with its right order on "kubernetes":
 *   alice  2 accepted answers                 2 x 5       = 10
 *   bob    the skill, 2 answers               3 + 2 x 2   = 7
 *   erin   7 statuses (only 5 count)          5 x 1       = 5
 *   carol  4 statuses                         4 x 1       = 4
 *   dan    the skill                          3           = 3
 *   grace  2 statuses a year ago (2 half-lives) 2 x 0.25  = 0.5
 * Gina only asks (questions are not evidence); frank's accepted answers are in a private
 * community (only its members see them); hank is suspended; the guest is unseen by staff.
 */
beforeAll(async () => {
  t = await startTestApp();
  const names = [
    'alice',
    'bob',
    'carol',
    'dan',
    'erin',
    'frank',
    'gina',
    'grace',
    'hank',
    'ivan',
    'olga',
  ];
  for (const name of names) {
    people[name] = await person({ username: `${name}_x`, displayName: name });
  }
  const p = (name: string) => people[name] as Person;
  const setSkills = (name: string, skills: string[], extra: Record<string, unknown> = {}) =>
    t.ctx.db
      .updateTable('accounts')
      .set({ skills: JSON.stringify(skills), ...extra })
      .where('id', '=', p(name).account.id)
      .execute();
  await setSkills('bob', ['Kubernetes', 'Go']);
  await setSkills('dan', ['kubernetes']);
  await setSkills('hank', ['Kubernetes'], { suspended: 1 });
  // account_terms follow profile edits through the service; tests set them directly.
  for (const name of ['bob', 'dan', 'hank']) {
    await t.ctx.db
      .insertInto('account_terms')
      .values({ term: 'kubernetes', account_id: p(name).account.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const guest = await person({ role: 'guest', username: 'guest_x' });
  await t.ctx.db
    .updateTable('accounts')
    .set({ skills: JSON.stringify(['Kubernetes']) })
    .where('id', '=', guest.account.id)
    .execute();
  await t.ctx.db
    .insertInto('account_terms')
    .values({ term: 'kubernetes', account_id: guest.account.id })
    .execute();

  for (const n of [1, 2]) {
    const question = await ask(p('gina'), `Kubernetes question ${n}: how do CronJobs retry?`);
    const good = await reply(p('alice'), question, `Set backoffLimit, case ${n}.`);
    await reply(p('bob'), question, `Maybe a restart policy, case ${n}.`);
    await p('gina').api.post(`/api/rapport/v1/questions/${question.id}/accept`, {
      answer_id: good.id,
    });
  }
  for (let n = 1; n <= 7; n++)
    await p('erin').api.post('/api/v1/statuses', { status: `Kubernetes note ${n}` });
  for (let n = 1; n <= 4; n++)
    await p('carol').api.post('/api/v1/statuses', { status: `Learning kubernetes, day ${n}` });
  for (const n of [1, 2]) await postedAgo(p('grace'), `Kubernetes upgrade notes ${n}`, 2 * 180);
  // Not about the topic.
  await p('olga').api.post('/api/v1/statuses', {
    status: 'Terraform plans for the billing platform',
  });

  const room = await community('private', [
    [p('frank'), 'member'],
    [p('ivan'), 'owner'],
  ]);
  for (const n of [1, 2, 3]) {
    const question = await ask(p('ivan'), `Kubernetes in the vault ${n}?`, { community_id: room });
    const good = await reply(p('frank'), question, `Yes, case ${n}.`);
    await p('ivan').api.post(`/api/rapport/v1/questions/${question.id}/accept`, {
      answer_id: good.id,
    });
  }
}, 60_000);
afterAll(() => t.close());

const ranking = async (viewer: Person, topic = 'kubernetes') => {
  const res = await viewer.api.get(`/api/rapport/v1/experts?topic=${encodeURIComponent(topic)}`);
  expect(res.status, res.text).toBe(200);
  return res.body as Expert[];
};
const names = (experts: Expert[]) => experts.map((expert) => expert.account.display_name);

describe('who knows about a topic', () => {
  it('ranks people in the known right order, with the evidence that placed them', async () => {
    const experts = await ranking(people.olga as Person);
    expect(names(experts)).toEqual(['alice', 'bob', 'erin', 'carol', 'dan', 'grace']);
    const scores = experts.map((expert) => expert.score);
    expect(scores[0]).toBeCloseTo(10, 1);
    expect(scores[1]).toBeCloseTo(7, 1);
    expect(scores[2]).toBeCloseTo(5, 1);
    expect(scores[3]).toBeCloseTo(4, 1);
    expect(scores[4]).toBe(3);
    expect(scores[5]).toBeCloseTo(0.5, 1);

    const [alice, bob, erin] = experts as [Expert, Expert, Expert];
    expect(alice.evidence.map((e) => e.kind)).toEqual(['accepted_answer', 'accepted_answer']);
    expect(alice.evidence[0]?.title).toMatch(/^Kubernetes question \d: how do CronJobs retry\?$/);
    expect(alice.evidence[0]?.url).toMatch(/\/@alice_x\/\d+$/);
    expect(alice.evidence[0]?.at).not.toBeNull();
    expect(bob.evidence.map((e) => e.kind).sort()).toEqual(['answer', 'answer', 'skill']);
    expect(bob.evidence.find((e) => e.kind === 'skill')).toMatchObject({
      title: 'Kubernetes',
      id: null,
      at: null,
    });
    // Only what counted is listed: five of Erin's seven statuses.
    expect(erin.evidence).toHaveLength(5);
  });

  it("counts a private community's answers only for its members", async () => {
    const outsider = await ranking(people.olga as Person);
    expect(names(outsider)).not.toContain('frank');
    const inside = await ranking(people.ivan as Person);
    expect(names(inside)[0]).toBe('frank');
    expect(inside[0]?.score).toBeCloseTo(15, 1);
    expect(inside[0]?.evidence.map((e) => e.title)).toContain('Kubernetes in the vault 1?');
  });

  it('matches words and phrases, and refuses an empty topic', async () => {
    expect(names(await ranking(people.olga as Person, 'terraform'))).toEqual(['olga']);
    expect(await ranking(people.olga as Person, 'nothing-matches-this')).toEqual([]);
    const res = await (people.olga as Person).api.get('/api/rapport/v1/experts?topic=%20');
    expect(res.status).toBe(400);
  });

  it('counts a knowledge page once for each co-author, as the viewer may read it', async () => {
    const olga = people.olga as Person;
    const ivan = people.ivan as Person;
    const dan = people.dan as Person;
    const written = await ivan.api.post('/api/rapport/v1/pages', {
      title: 'Kubernetes upgrades',
      body: 'How we upgrade our Kubernetes clusters, one node pool at a time.',
    });
    expect(written.status).toBe(200);
    const edited = await dan.api.put(`/api/rapport/v1/pages/${written.body.id}`, {
      title: 'Kubernetes upgrades',
      body: 'How we upgrade our Kubernetes clusters, one node pool at a time, and roll back.',
      base_revision: 1,
    });
    expect(edited.status).toBe(200);
    // A page in a private community explains nothing to someone outside it.
    const closed = await community('private', [[ivan, 'owner']]);
    const secret = await ivan.api.post('/api/rapport/v1/pages', {
      title: 'Kubernetes secrets',
      body: 'Where the Kubernetes credentials live.',
      community_id: closed,
    });
    expect(secret.status).toBe(200);

    const experts = await ranking(olga, 'kubernetes');
    const pagesOf = (name: string) =>
      experts
        .find((expert) => expert.account.display_name === name)
        ?.evidence.filter((item) => item.kind === 'page')
        .map((item) => item.title);
    expect(pagesOf('ivan')).toEqual(['Kubernetes upgrades']);
    expect(pagesOf('dan')).toEqual(['Kubernetes upgrades']);
    const mine = await ranking(ivan, 'kubernetes');
    const ivansPages = mine.find((expert) => expert.account.display_name === 'ivan');
    expect(
      ivansPages?.evidence.filter((item) => item.kind === 'page').map((item) => item.title),
    ).toEqual(expect.arrayContaining(['Kubernetes upgrades', 'Kubernetes secrets']));
  });
});

describe('the parts of the score', () => {
  it('halves a contribution every 180 days; skills do not age', () => {
    const now = Date.now();
    expect(contribution({ kind: 'accepted_answer', at: now }, now)).toBe(5);
    expect(contribution({ kind: 'status', at: now - 180 * DAY_MS }, now)).toBeCloseTo(0.5);
    expect(contribution({ kind: 'skill', at: null }, now)).toBe(3);
  });

  it('matches skills by their words', () => {
    expect(skillMatches('User research', ['research'])).toBe(true);
    expect(skillMatches('Kubernetes', ['kubernetes', 'cronjobs'])).toBe(true);
    expect(skillMatches('Go', ['google'])).toBe(false);
    expect(skillMatches('Design systems', ['design', 'tokens'])).toBe(false);
  });

  it("draws a question's topics from its hashtags and most specific words", () => {
    const topics = questionTopics(
      'Does anyone know how we rotate the SSO certificates on staging? @ana https://wiki.example/sso',
      ['security'],
    );
    expect(topics.map((topic) => topic.text)).toEqual([
      'security',
      'certificates',
      'staging',
      'rotate',
    ]);
  });
});
