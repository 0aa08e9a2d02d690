import type { DomainEvent } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { questionFixtures } from './questions.fixtures';

let t: TestApp;
const events: DomainEvent[] = [];
beforeAll(async () => {
  t = await startTestApp();
  for (const type of [
    'question.answer_accepted',
    'question.answer_unaccepted',
    'answer.voted',
    'answer.unvoted',
  ] as const) {
    t.ctx.events.on(type, (event) => {
      events.push(event);
    });
  }
});
afterAll(() => t.close());

const { person, community, ask, reply, questionRow, votes, interactions } = questionFixtures(
  () => t,
);

async function scene() {
  const asker = await person();
  const helper = await person();
  const other = await person();
  const question = await ask(asker, 'Who owns the staging cluster?');
  const answer = await reply(helper, question, 'The platform team does.');
  const second = await reply(other, question, 'Platform, with SRE on call.');
  return { asker, helper, other, question, answer, second };
}

const notificationsOf = (accountId: number) =>
  t.ctx.db
    .selectFrom('notifications')
    .select(['type', 'status_id', 'from_account_id'])
    .where('account_id', '=', accountId)
    .execute();

describe('accepting an answer', () => {
  it('lets the asker accept, move and withdraw the acceptance', async () => {
    const { asker, helper, other, question, answer, second } = await scene();
    const accept = (answerId: string | null) =>
      asker.api.post(`/api/rapport/v1/questions/${question.id}/accept`, { answer_id: answerId });

    const res = await accept(answer.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body.question).toEqual({
      state: 'accepted',
      accepted_answer_id: answer.id,
      answers_count: 2,
    });
    const seen = await other.api.get(`/api/v1/statuses/${answer.id}`);
    expect(seen.body.answer).toEqual({ votes_count: 0, voted: false, accepted: true });
    expect(await notificationsOf(helper.account.id)).toContainEqual({
      type: 'answer_accepted',
      status_id: Number(answer.id),
      from_account_id: asker.account.id,
    });
    expect(await interactions('accepted_answer')).toContainEqual({
      actor_id: asker.account.id,
      target_id: helper.account.id,
      subject_id: Number(answer.id),
    });
    // Accepting it again changes nothing and tells nobody twice.
    expect((await accept(answer.id)).status).toBe(200);
    expect(
      (await notificationsOf(helper.account.id)).filter((n) => n.type === 'answer_accepted'),
    ).toHaveLength(1);

    const moved = await accept(second.id);
    expect(moved.body.question.accepted_answer_id).toBe(second.id);
    const first = await other.api.get(`/api/v1/statuses/${answer.id}`);
    expect(first.body.answer.accepted).toBe(false);

    const withdrawn = await asker.api.delete(`/api/rapport/v1/questions/${question.id}/accept`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.question).toEqual({
      state: 'answered',
      accepted_answer_id: null,
      answers_count: 2,
    });
    await accept(answer.id);
    const nulled = await accept(null);
    expect(nulled.body.question.state).toBe('answered');

    await t.ctx.events.settled();
    const mine = events.filter(
      (event) => 'question_id' in event && event.question_id === question.id,
    );
    expect(mine.map((event) => event.type)).toEqual([
      'question.answer_accepted',
      'question.answer_accepted',
      'question.answer_unaccepted',
      'question.answer_accepted',
      'question.answer_unaccepted',
    ]);
    expect(mine[1]).toMatchObject({ answer_id: second.id, previous_answer_id: answer.id });
  });

  it('refuses anyone but the asker and the community moderators', async () => {
    const asker = await person();
    const helper = await person();
    const moderator = await person();
    const member = await person();
    const room = await community('public', [
      [asker, 'member'],
      [helper, 'member'],
      [moderator, 'moderator'],
      [member, 'member'],
    ]);
    const question = await ask(asker, 'Where are the brand guidelines?', { community_id: room });
    const answer = await reply(helper, question, 'On the wiki, under Marketing.');
    const path = `/api/rapport/v1/questions/${question.id}/accept`;

    for (const who of [member, helper]) {
      const refused = await who.api.post(path, { answer_id: answer.id });
      expect(refused.status).toBe(403);
    }
    expect((await questionRow(question.id)).state).toBe('answered');
    const byModerator = await moderator.api.post(path, { answer_id: answer.id });
    expect(byModerator.status).toBe(200);
    const row = await questionRow(question.id);
    expect(row).toMatchObject({ state: 'accepted', accepted_by_id: moderator.account.id });
    // The ledger records the asker's acknowledgement of the answerer.
    expect(await interactions('accepted_answer')).toContainEqual({
      actor_id: asker.account.id,
      target_id: helper.account.id,
      subject_id: Number(answer.id),
    });
  });

  it('refuses what is not an answer to this question, and changes nothing', async () => {
    const { asker, helper, question, answer } = await scene();
    const elsewhere = await ask(helper, 'An unrelated question');
    const foreign = await reply(asker, elsewhere, 'An answer somewhere else');
    const own = await reply(asker, question, 'My own follow-up');
    const nested = await reply(helper, answer, 'A comment on an answer');
    const before = await questionRow(question.id);
    const path = `/api/rapport/v1/questions/${question.id}/accept`;
    for (const answerId of [foreign.id, own.id, nested.id, question.id, '999999999']) {
      const res = await asker.api.post(path, { answer_id: answerId });
      expect(res.status, answerId).toBe(422);
      expect(res.body.details).toEqual({ answer_id: ['must be an answer to this question'] });
    }
    for (const body of [{}, { answer_id: 'abc' }]) {
      expect((await asker.api.post(path, body)).status).toBe(422);
    }
    expect(await questionRow(question.id)).toEqual(before);
    // Not a question at all: 404.
    expect(
      (
        await asker.api.post(`/api/rapport/v1/questions/${answer.id}/accept`, {
          answer_id: nested.id,
        })
      ).status,
    ).toBe(404);
  });

  it('answers 404 for a question the viewer may not see', async () => {
    const member = await person();
    const helper = await person();
    const outsider = await person();
    const room = await community('private', [
      [member, 'owner'],
      [helper, 'member'],
    ]);
    const question = await ask(member, 'Private budget question', { community_id: room });
    const answer = await reply(helper, question, 'Ask finance.');
    const before = await questionRow(question.id);
    const accept = await outsider.api.post(`/api/rapport/v1/questions/${question.id}/accept`, {
      answer_id: answer.id,
    });
    expect(accept.status).toBe(404);
    expect(accept.body.error).toBe('Question not found');
    const vote = await outsider.api.post(`/api/rapport/v1/answers/${answer.id}/vote`);
    expect(vote.status).toBe(404);
    expect(
      (await outsider.api.get(`/api/rapport/v1/questions/${question.id}/suggested_answerers`))
        .status,
    ).toBe(404);
    expect(await questionRow(question.id)).toEqual(before);
    expect((await votes()).filter((v) => v.status_id === Number(answer.id))).toEqual([]);
  });
});

describe('voting for answers', () => {
  it('counts one vote per person and takes it back', async () => {
    const { asker, helper, other, answer } = await scene();
    const vote = await other.api.post(`/api/rapport/v1/answers/${answer.id}/vote`);
    expect(vote.status, vote.text).toBe(200);
    expect(vote.body.answer).toEqual({ votes_count: 1, voted: true, accepted: false });
    const byAsker = await asker.api.post(`/api/rapport/v1/answers/${answer.id}/vote`);
    expect(byAsker.body.answer).toMatchObject({ votes_count: 2, voted: true });
    const seenByHelper = await helper.api.get(`/api/v1/statuses/${answer.id}`);
    expect(seenByHelper.body.answer).toEqual({ votes_count: 2, voted: false, accepted: false });
    expect(await interactions('answer_vote')).toContainEqual({
      actor_id: other.account.id,
      target_id: helper.account.id,
      subject_id: Number(answer.id),
    });

    const before = await votes();
    const twice = await other.api.post(`/api/rapport/v1/answers/${answer.id}/vote`);
    expect(twice.status).toBe(422);
    expect(twice.body.error).toBe('Validation failed: You have already voted for this answer');
    const own = await helper.api.post(`/api/rapport/v1/answers/${answer.id}/vote`);
    expect(own.status).toBe(422);
    expect(own.body.error).toBe('Validation failed: You cannot vote for your own answer');
    expect(await votes()).toEqual(before);

    const removed = await other.api.delete(`/api/rapport/v1/answers/${answer.id}/vote`);
    expect(removed.status).toBe(200);
    expect(removed.body.answer).toEqual({ votes_count: 1, voted: false, accepted: false });
    // Taking back a vote one never gave changes nothing.
    const again = await other.api.delete(`/api/rapport/v1/answers/${answer.id}/vote`);
    expect(again.body.answer.votes_count).toBe(1);

    await t.ctx.events.settled();
    const mine = events.filter((event) => 'answer_id' in event && event.answer_id === answer.id);
    expect(mine.map((event) => event.type)).toEqual([
      'answer.voted',
      'answer.voted',
      'answer.unvoted',
    ]);
  });

  it('refuses to vote for what is not an answer', async () => {
    const { asker, helper, other, question, answer } = await scene();
    const own = await reply(asker, question, 'Follow-up by the asker');
    const nested = await reply(other, answer, 'A comment');
    const plain = await helper.api.post('/api/v1/statuses', { status: 'Just a status' });
    const before = await votes();
    for (const id of [question.id, own.id, nested.id, plain.body.id, '999999999']) {
      const res = await other.api.post(`/api/rapport/v1/answers/${id}/vote`);
      expect(res.status, id).toBe(404);
      expect(res.body.error).toBe('Answer not found');
    }
    expect(await votes()).toEqual(before);
  });
});
