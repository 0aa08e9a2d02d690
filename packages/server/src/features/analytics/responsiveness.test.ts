import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { base, type Person, responsivenessFixtures } from './responsiveness.fixtures';

let t: TestApp;
const { person, people, community, ask, reply, askedHoursBefore, answeredAfter, accept } =
  responsivenessFixtures(() => t);

let admin: Person;
let owner: Person;
let helpers: Person[];
let askers: Person[];
let communityId: string;
const department = `Support Desk ${Math.random().toString(36).slice(2, 6)}`;

/**
 * The known answer: ten questions in one community, nine first answered by someone other
 * than the asker after 1, 2, 3, 4, 5, 6, 8, 10 and 30 hours, one still waiting (its asker's
 * own reply is no answer); two answers accepted.
 *   median of the nine = 5 h; p90 = 10 + 0.2 x (30 - 10) = 14 h (linear interpolation);
 *   within a 6-hour target: 6 of the 10 asked = 0.6; within the default 24 h: 8 of 10.
 */
beforeAll(async () => {
  t = await startTestApp();
  admin = await person({ role: 'admin' });
  owner = await person();
  helpers = await people(2);
  askers = await people(5, { department });
  communityId = await community([
    [owner, 'owner'],
    ...helpers.map((h): [Person, 'member'] => [h, 'member']),
    ...askers.map((a): [Person, 'member'] => [a, 'member']),
  ]);
  const hours = [1, 2, 4, 5, 6, 8, 10, 30];
  const answered = [];
  for (const [i, h] of hours.entries()) {
    const asker = askers[i % askers.length] as Person;
    const helper = helpers[i % helpers.length] as Person;
    answered.push(await answeredAfter(asker, helper, h, { communityId }));
  }
  // Three hours, though the asker added a reply of their own before anyone answered.
  const asker = askers[0] as Person;
  const question = await ask(asker, 'Where is the VPN guide?', communityId);
  await reply(asker, question, 'To add: I am on Linux.');
  const answer = await reply(helpers[1] as Person, question, 'On the IT page.');
  await askedHoursBefore(question, answer, 3);
  // Still waiting: only its asker replied.
  const waiting = await ask(askers[1] as Person, 'Who approves travel?', communityId);
  await reply(askers[1] as Person, waiting, 'Anyone?');

  const [first, second] = answered;
  if (!first || !second) throw new Error('no answers');
  await accept(askers[0] as Person, first.question, first.answer);
  await accept(askers[1] as Person, second.question, second.answer);
  const target = await owner.api.put(`${base}/targets`, {
    scope: `community:${communityId}`,
    answer_within_hours: 6,
    answered_share: 0.9,
  });
  expect(target.status, target.text).toBe(200);
});
afterAll(() => t.close());

describe('responsiveness', () => {
  it('gives the exact figures of a known set of questions, against the community target', async () => {
    const res = await owner.api.get(`${base}/responsiveness?scope=community:${communityId}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      scope: `community:${communityId}`,
      suppressed: false,
      min_group_size: 5,
      questions_asked: 10,
      answered: 9,
      accepted: 2,
      unanswered: 1,
      median_hours_to_first_answer: 5,
      p90_hours_to_first_answer: 14,
      within_target_share: 0.6,
      target: {
        scope: `community:${communityId}`,
        answer_within_hours: 6,
        answered_share: 0.9,
        source: 'scope',
      },
    });
    // Twelve weeks by default; the questions were all posted this week.
    expect(res.body.weekly).toHaveLength(12);
    expect(res.body.weekly.at(-1)).toMatchObject({
      asked: 10,
      answered: 9,
      median_hours: 5,
      within_target_share: 0.6,
    });
    expect(res.body.weekly.slice(0, 11).every((week: { asked: number }) => week.asked === 0)).toBe(
      true,
    );
  });

  it("measures a department by its members' questions, against the organisation's target", async () => {
    const res = await admin.api.get(
      `${base}/responsiveness?scope=${encodeURIComponent(`department:${department}`)}`,
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      questions_asked: 10,
      answered: 9,
      median_hours_to_first_answer: 5,
      within_target_share: 0.8,
      target: { answer_within_hours: 24, answered_share: 0.8, source: 'default', updated_at: null },
    });
  });

  it('counts only the questions asked in the period', async () => {
    // A period after the questions (members are counted as of its end, so it is not withheld).
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const res = await owner.api.get(
      `${base}/responsiveness?scope=community:${communityId}&from=${day(1)}&to=${day(14)}`,
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      from: `${day(1)}T00:00:00.000Z`,
      to: `${day(15)}T00:00:00.000Z`,
      suppressed: false,
      questions_asked: 0,
      answered: 0,
      median_hours_to_first_answer: null,
      p90_hours_to_first_answer: null,
      within_target_share: null,
    });
    expect(res.body.weekly).toHaveLength(2);
    const backwards = await owner.api.get(
      `${base}/responsiveness?scope=community:${communityId}&from=${day(14)}&to=${day(1)}`,
    );
    expect(backwards.status).toBe(422);
  });

  it('shows each dashboard only to those who may see it, and withholds small scopes', async () => {
    const member = askers[2] as Person;
    expect(
      (await member.api.get(`${base}/responsiveness?scope=community:${communityId}`)).status,
    ).toBe(403);
    expect((await owner.api.get(`${base}/responsiveness?scope=organisation`)).status).toBe(403);
    expect(
      (await admin.api.get(`${base}/responsiveness?scope=community:${communityId}`)).status,
    ).toBe(200);
    const organisation = await admin.api.get(`${base}/responsiveness`);
    expect(organisation.status, organisation.text).toBe(200);
    expect(organisation.body.questions_asked).toBeGreaterThanOrEqual(10);

    const small = await community([
      [owner, 'owner'],
      [member, 'member'],
      [helpers[0] as Person, 'member'],
    ]);
    await answeredAfter(member, owner, 2, { communityId: small });
    const withheld = await owner.api.get(`${base}/responsiveness?scope=community:${small}`);
    expect(withheld.status, withheld.text).toBe(200);
    expect(withheld.body).toEqual({
      scope: `community:${small}`,
      scope_name: expect.any(String),
      from: expect.any(String),
      to: expect.any(String),
      generated_at: expect.any(String),
      min_group_size: 5,
      suppressed: true,
    });
    const csv = await owner.api.get(`${base}/responsiveness?scope=community:${small}&format=csv`);
    expect(csv.text.split('\r\n')[1]).toContain(',true,5');
  });

  it('downloads the summary and the weeks as CSV', async () => {
    const url = `${base}/responsiveness?scope=community:${communityId}&format=csv`;
    const summary = await owner.api.get(`${url}&table=summary`);
    expect(summary.status, summary.text).toBe(200);
    expect(summary.headers['content-type']).toContain('text/csv');
    expect(summary.headers['content-disposition']).toContain('rapport-responsiveness.csv');
    const [header, row] = summary.text.split('\r\n');
    expect(header).toBe(
      'scope,from,to,questions_asked,answered,accepted,unanswered,median_hours_to_first_answer,p90_hours_to_first_answer,within_target_share,target_answer_within_hours,target_answered_share,target_source',
    );
    expect(row).toMatch(
      new RegExp(`^community:${communityId},[^,]+,[^,]+,10,9,2,1,5,14,0\\.6,6,0\\.9,scope$`),
    );
    const weekly = await owner.api.get(`${url}&table=weekly`);
    const lines = weekly.text.trim().split('\r\n');
    expect(lines[0]).toBe('week_start,asked,answered,median_hours,within_target_share');
    expect(lines).toHaveLength(13);
    expect(lines.at(-1)).toMatch(/,10,9,5,0\.6$/);
    expect((await owner.api.get(`${url}&table=people`)).status).toBe(422);
  });
});
