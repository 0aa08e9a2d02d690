import type { DomainEvent, Expert } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { type Person, questionFixtures } from './questions.fixtures';

let t: TestApp;
const events: DomainEvent[] = [];
const { person, community, ask, reply } = questionFixtures(() => t);
let asker: Person;
let expert: Person;
let skilled: Person;
let insider: Person;
let bystander: Person;

beforeAll(async () => {
  t = await startTestApp();
  t.ctx.events.on('question.answerers_notified', (event) => {
    events.push(event);
  });
  asker = await person({ displayName: 'Asker' });
  expert = await person({ displayName: 'Expert' });
  skilled = await person({ displayName: 'Skilled' });
  insider = await person({ displayName: 'Insider' });
  bystander = await person({ displayName: 'Bystander' });
  await t.ctx.db
    .updateTable('accounts')
    .set({ skills: JSON.stringify(['Terraform']) })
    .where('id', '=', skilled.account.id)
    .execute();
  await t.ctx.db
    .insertInto('account_terms')
    .values({ term: 'terraform', account_id: skilled.account.id })
    .execute();
  // The expert has answered terraform questions before, and accepted.
  const earlier = await ask(bystander, 'How do we lock Terraform state?');
  const good = await reply(expert, earlier, 'With the DynamoDB lock table.');
  await bystander.api.post(`/api/rapport/v1/questions/${earlier.id}/accept`, {
    answer_id: good.id,
  });
  await insider.api.post('/api/v1/statuses', { status: 'Terraform modules refactored today' });
});
afterAll(() => t.close());

const suggestions = async (who: Person, questionId: string) => {
  const res = await who.api.get(`/api/rapport/v1/questions/${questionId}/suggested_answerers`);
  expect(res.status, res.text).toBe(200);
  return res.body as Expert[];
};
const namesOf = (experts: Expert[]) => experts.map((e) => e.account.display_name);

describe('people likely to know', () => {
  it("suggests people from the expertise ranking on the question's topic", async () => {
    const question = await ask(
      asker,
      'What is the safest way to import existing buckets into #terraform?',
    );
    const found = await suggestions(asker, question.id);
    expect(namesOf(found)).toEqual(['Expert', 'Skilled', 'Insider']);
    expect(found[0]?.evidence[0]).toMatchObject({ kind: 'accepted_answer' });
    // Once someone has answered, they are no longer suggested; the asker never is.
    await reply(skilled, question, 'terraform import, one resource at a time.');
    expect(namesOf(await suggestions(asker, question.id))).toEqual(['Expert', 'Insider']);
    const ownTopic = await ask(expert, 'Anyone using terraform workspaces?');
    expect(namesOf(await suggestions(expert, ownTopic.id))).not.toContain('Expert');
  });

  it('suggests only people who may see the question', async () => {
    const room = await community('private', [
      [asker, 'owner'],
      [insider, 'member'],
    ]);
    const question = await ask(asker, 'Terraform for the private vault?', { community_id: room });
    expect(namesOf(await suggestions(asker, question.id))).toEqual(['Insider']);
    const direct = await ask(asker, `@${insider.account.username} terraform drift, any idea?`, {
      visibility: 'direct',
    });
    expect(namesOf(await suggestions(asker, direct.id))).toEqual(['Insider']);
  });

  it('asks them with one click, once each', async () => {
    const question = await ask(asker, 'Who reviews terraform plans for billing?');
    const ids = [expert.id, skilled.id];
    const path = `/api/rapport/v1/questions/${question.id}/suggested_answerers/notify`;
    const res = await asker.api.post(path, { account_ids: ids });
    expect(res.status, res.text).toBe(200);
    expect(res.body.notified_ids.sort()).toEqual(ids.sort());
    const told = await t.ctx.db
      .selectFrom('notifications')
      .select(['account_id', 'type', 'from_account_id'])
      .where('status_id', '=', Number(question.id))
      .where('type', '=', 'question_suggested')
      .execute();
    expect(told.map((n) => n.account_id).sort()).toEqual(ids.map(Number).sort());
    const seen = await expert.api.get('/api/v1/notifications?types[]=question_suggested');
    expect(seen.body[0]).toMatchObject({ type: 'question_suggested', status: { id: question.id } });

    // Again: nobody is told twice.
    const again = await asker.api.post(path, { account_ids: [expert.id, insider.id] });
    expect(again.body.notified_ids).toEqual([insider.id]);
    await t.ctx.events.settled();
    expect(events.filter((e) => 'question_id' in e && e.question_id === question.id)).toHaveLength(
      2,
    );
  });

  it('refuses others, people who may not see the question, and bad lists, changing nothing', async () => {
    const room = await community('private', [
      [asker, 'owner'],
      [insider, 'member'],
    ]);
    const question = await ask(asker, 'Terraform state in the private room?', {
      community_id: room,
    });
    const path = `/api/rapport/v1/questions/${question.id}/suggested_answerers/notify`;
    const count = async () =>
      (
        await t.ctx.db
          .selectFrom('notifications')
          .select('id')
          .where('type', '=', 'question_suggested')
          .execute()
      ).length;
    const before = await count();
    const byOther = await insider.api.post(path, { account_ids: [asker.id] });
    expect(byOther.status).toBe(403);
    const outsider = await asker.api.post(path, { account_ids: [insider.id, expert.id] });
    expect(outsider.status).toBe(422);
    expect(outsider.body.details).toEqual({
      account_ids: ['must be people who may see the question'],
    });
    for (const body of [
      {},
      { account_ids: [] },
      { account_ids: ['x'] },
      { account_ids: [asker.id] },
    ]) {
      expect((await asker.api.post(path, body)).status).toBe(422);
    }
    expect(await count()).toBe(before);
    // Someone who may not see the question cannot even learn it exists.
    expect((await expert.api.post(path, { account_ids: [insider.id] })).status).toBe(404);
  });
});
