import type { KnowledgeTopic, Status } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { base, type Person, responsivenessFixtures } from './responsiveness.fixtures';

let t: TestApp;
const { person, people, community, ask, reply, page, revise } = responsivenessFixtures(() => t);

let admin: Person;
let owner: Person;
let expert: Person;
let spread: Person[];
let askers: Person[];
let financeId: string;
const department = `Finance Ops ${Math.random().toString(36).slice(2, 6)}`;

/**
 * The known answer, all in one community (Finance):
 * - #payroll: five questions from five people; one expert wrote all five answers (two on
 *   one question), one question waits. Three people list the skill (Payroll, Payroll,
 *   pay-roll): it is reported as the skill Payroll. Bus factor 1.
 * - #expenses: three questions, each answered by the same three people: 3 + 3 + 3 answers,
 *   so two people make half of them. Bus factor 2.
 * - #travel: two questions answered once each by five people. Bus factor 3: not at risk.
 * - #tiny: one asker, one answerer: under the minimum group size, hidden.
 * - Finance itself: the 11 questions' 20 answers and 3 page revisions (the expert 2, a
 *   colleague 1): per person 8, 5, 5, 4, 1 of 23, so two make half. Bus factor 2.
 */
beforeAll(async () => {
  t = await startTestApp();
  admin = await person({ role: 'admin' });
  owner = await person();
  expert = await person({ skills: ['Payroll', 'Budgets'] });
  await person({ skills: ['Payroll'] });
  await person({ skills: ['pay-roll'] });
  spread = await people(3);
  askers = await people(5, { department });
  const [x, y] = spread as [Person, Person, Person];
  financeId = await community([
    [owner, 'owner'],
    [expert, 'member'],
    ...[...spread, ...askers].map((p): [Person, 'member'] => [p, 'member']),
  ]);
  const asked = async (asker: Person, text: string) => ask(asker, text, financeId);

  const payroll: Status[] = [];
  for (const [i, asker] of askers.entries()) {
    payroll.push(await asked(asker, `When is the payroll cut-off this month? #payroll ${i}`));
  }
  for (const question of payroll.slice(0, 4)) await reply(expert, question, 'The 20th.');
  await reply(expert, payroll[0] as Status, 'Unless it is a weekend.');

  for (const asker of askers.slice(0, 3)) {
    const question = await asked(asker, 'How do I claim a train ticket? #expenses');
    for (const answerer of spread) await reply(answerer, question, 'In the expenses tool.');
  }

  const trip = await asked(askers[3] as Person, 'Who books hotels? #travel');
  for (const answerer of spread) await reply(answerer, trip, 'The travel desk.');
  const visa = await asked(askers[4] as Person, 'Do I need a visa for Norway? #travel');
  for (const answerer of [expert, owner]) await reply(answerer, visa, 'No.');

  const tiny = await asked(askers[0] as Person, 'Anyone kept the old #tiny form?');
  await reply(x, tiny, 'Yes.');

  const howTo = await page(expert, financeId, 'Payroll how-to');
  await revise(expert, howTo, 'Cut-off is on the 20th.');
  await page(y, financeId, 'Expense rules');
});
afterAll(() => t.close());

const url = (path: string) => `${t.ctx.config.publicUrl}${path}`;

function expected(): KnowledgeTopic[] {
  return [
    {
      kind: 'skill',
      key: 'Payroll',
      name: 'Payroll',
      url: url('/experts?topic=Payroll'),
      bus_factor: 1,
      contributors: 1,
      answers: 5,
      pages: 0,
      questions_asked: 5,
      unanswered: 1,
      listed_by: 3,
      at_risk: true,
      remedies: ['write_page', 'backup_responder', 'answer_queue'],
    },
    {
      kind: 'community',
      key: financeId,
      name: expect.any(String) as unknown as string,
      url: url(`/communities/${financeId}`),
      bus_factor: 2,
      contributors: 5,
      answers: 20,
      pages: 3,
      questions_asked: 11,
      unanswered: 1,
      listed_by: 0,
      at_risk: true,
      remedies: ['answer_queue'],
    },
    {
      kind: 'hashtag',
      key: 'expenses',
      name: 'expenses',
      url: url('/tags/expenses'),
      bus_factor: 2,
      contributors: 3,
      answers: 9,
      pages: 0,
      questions_asked: 3,
      unanswered: 0,
      listed_by: 0,
      at_risk: true,
      remedies: ['write_page'],
    },
    {
      kind: 'hashtag',
      key: 'travel',
      name: 'travel',
      url: url('/tags/travel'),
      bus_factor: 3,
      contributors: 5,
      answers: 5,
      pages: 0,
      questions_asked: 2,
      unanswered: 0,
      listed_by: 0,
      at_risk: false,
      remedies: ['write_page'],
    },
  ];
}

describe('knowledge risk', () => {
  it("finds a community's single-expert topics, riskiest first, without naming anyone", async () => {
    const res = await owner.api.get(`${base}/knowledge_risk?scope=community:${financeId}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.suppressed).toBe(false);
    expect(res.body.topics).toEqual(expected());
    expect(res.body.hidden_topics).toBe(1);
    // A year by default: knowledge builds up slowly.
    expect(Date.parse(res.body.to) - Date.parse(res.body.from)).toBe(365 * 86_400_000);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(expert.id);
    expect(text).not.toContain(expert.account.username);
  });

  it('reads the organisation and a department the same way', async () => {
    const organisation = await admin.api.get(`${base}/knowledge_risk`);
    expect(organisation.status, organisation.text).toBe(200);
    expect(organisation.body.topics).toEqual(expected());

    // The department asked every question, but wrote none of the pages.
    const ofDepartment = await admin.api.get(
      `${base}/knowledge_risk?scope=${encodeURIComponent(`department:${department}`)}`,
    );
    expect(ofDepartment.status, ofDepartment.text).toBe(200);
    const finance = ofDepartment.body.topics.find(
      (topic: KnowledgeTopic) => topic.kind === 'community',
    );
    expect(finance).toMatchObject({
      answers: 20,
      pages: 0,
      bus_factor: 2,
      remedies: ['answer_queue'],
    });

    expect((await owner.api.get(`${base}/knowledge_risk`)).status).toBe(403);
    expect(
      (await expert.api.get(`${base}/knowledge_risk?scope=community:${financeId}`)).status,
    ).toBe(403);
  });

  it('downloads the topics as CSV', async () => {
    const res = await owner.api.get(
      `${base}/knowledge_risk?scope=community:${financeId}&format=csv&table=topics`,
    );
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'kind,key,name,url,bus_factor,contributors,answers,pages,questions_asked,unanswered,listed_by,at_risk,remedies',
    );
    expect(lines[1]).toBe(
      `skill,Payroll,Payroll,${url('/experts?topic=Payroll')},1,1,5,0,5,1,3,true,write_page backup_responder answer_queue`,
    );
    expect(lines).toHaveLength(5);
  });

  it('leaves out, beyond the organisation, the answers of people who opted out', async () => {
    const x = spread[0] as Person;
    const optOut = await x.api.put('/api/rapport/v1/preferences/analytics', { counted: false });
    expect(optOut.status, optOut.text).toBe(200);
    const res = await owner.api.get(`${base}/knowledge_risk?scope=community:${financeId}`);
    const expenses = res.body.topics.find((topic: KnowledgeTopic) => topic.key === 'expenses');
    expect(expenses).toMatchObject({
      contributors: 2,
      answers: 6,
      bus_factor: 1,
      remedies: ['write_page', 'backup_responder'],
    });
    const organisation = await admin.api.get(`${base}/knowledge_risk`);
    expect(organisation.body.topics).toEqual(expected());
  });
});
