import type { DomainEvent, Status } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import type { Db } from '../../db/tables';
import { questionFixtures } from './questions.fixtures';
import { loadQuestionFacts } from './questions.present';

let t: TestApp;
const events: DomainEvent[] = [];
beforeAll(async () => {
  t = await startTestApp();
  for (const type of ['question.asked', 'question.answered'] as const) {
    t.ctx.events.on(type, (event) => {
      events.push(event);
    });
  }
});
afterAll(() => t.close());

const { person, community, ask, reply, questionRow } = questionFixtures(() => t);

const ids = (statuses: Status[]) => statuses.map((status) => status.id);

describe('asking and answering', () => {
  it('marks a question and its answers, and keeps the counts', async () => {
    const ana = await person();
    const bo = await person();
    const cy = await person();
    const question = await ask(ana, 'How do we rotate the SSO certificates? #security');
    expect(question).toMatchObject({
      kind: 'question',
      question: { state: 'unanswered', accepted_answer_id: null, answers_count: 0 },
      answer: null,
    });
    await t.ctx.events.settled();
    expect(events).toContainEqual({
      type: 'question.asked',
      question_id: question.id,
      account_id: ana.id,
      community_id: null,
    });

    const answer = await reply(bo, question, 'There is a runbook: ask the platform team.');
    expect(answer).toMatchObject({
      kind: 'status',
      question: null,
      answer: { votes_count: 0, voted: false, accepted: false },
    });
    // The asker's own follow-up is not an answer, nor is a reply to an answer.
    const followUp = await reply(ana, question, 'Thanks, and where is the runbook?');
    expect(followUp.answer).toBeNull();
    const comment = await reply(cy, answer, 'It moved to the wiki last month.');
    expect(comment.answer).toBeNull();

    const seen = await cy.api.get(`/api/v1/statuses/${question.id}`);
    expect(seen.body.question).toEqual({
      state: 'answered',
      accepted_answer_id: null,
      answers_count: 1,
    });
    const row = await questionRow(question.id);
    expect(row.first_answer_at).not.toBeNull();
    await t.ctx.events.settled();
    expect(events).toContainEqual({
      type: 'question.answered',
      question_id: question.id,
      answer_id: answer.id,
      account_id: bo.id,
      first: true,
    });
    const ledger = await t.ctx.db
      .selectFrom('interactions')
      .select(['kind', 'actor_id', 'target_id', 'subject_id'])
      .where('subject_id', '=', Number(answer.id))
      .execute();
    expect(ledger).toEqual([
      {
        kind: 'answer',
        actor_id: bo.account.id,
        target_id: ana.account.id,
        subject_id: Number(answer.id),
      },
    ]);

    // The thread shows which replies are answers.
    const context = await ana.api.get(`/api/v1/statuses/${question.id}/context`);
    const byId = new Map<string, Status>(context.body.descendants.map((s: Status) => [s.id, s]));
    expect(byId.get(answer.id)?.answer).not.toBeNull();
    expect(byId.get(followUp.id)?.answer).toBeNull();
    expect(byId.get(comment.id)?.answer).toBeNull();
  });

  it('refuses a reply posted as a question, and changes nothing', async () => {
    const ana = await person();
    const status = await ana.api.post('/api/v1/statuses', { status: 'Lunch?' });
    const before = await t.ctx.db.selectFrom('questions').select('status_id').execute();
    const res = await ana.api.post('/api/v1/statuses', {
      status: 'Really a question',
      kind: 'question',
      in_reply_to_id: status.body.id,
    });
    expect(res.status).toBe(422);
    expect(await t.ctx.db.selectFrom('questions').select('status_id').execute()).toEqual(before);
  });

  it('recounts when an answer is deleted, and withdraws its acceptance', async () => {
    const ana = await person();
    const bo = await person();
    const cy = await person();
    const question = await ask(ana, 'Which office has the 3D printer?');
    const first = await reply(bo, question, 'Lisbon, second floor.');
    const second = await reply(cy, question, 'Also one in Leeds.');
    expect((await questionRow(question.id)).answers_count).toBe(2);
    const accepted = await ana.api.post(`/api/rapport/v1/questions/${question.id}/accept`, {
      answer_id: second.id,
    });
    expect(accepted.body.question.state).toBe('accepted');

    expect((await bo.api.delete(`/api/v1/statuses/${first.id}`)).status).toBe(200);
    let row = await questionRow(question.id);
    expect(row).toMatchObject({ answers_count: 1, state: 'accepted' });
    expect(row.accepted_answer_id).toBe(Number(second.id));
    expect(row.first_answer_at).toBe(row.last_answer_at);

    expect((await cy.api.delete(`/api/v1/statuses/${second.id}`)).status).toBe(200);
    row = await questionRow(question.id);
    expect(row).toMatchObject({
      answers_count: 0,
      state: 'unanswered',
      accepted_answer_id: null,
      accepted_by_id: null,
      first_answer_at: null,
    });
  });

  it('forgets a deleted question with it', async () => {
    const ana = await person();
    const question = await ask(ana, 'Is the canteen open on Saturday?');
    expect((await ana.api.delete(`/api/v1/statuses/${question.id}`)).status).toBe(200);
    const left = await t.ctx.db
      .selectFrom('questions')
      .select('status_id')
      .where('status_id', '=', Number(question.id))
      .execute();
    expect(left).toEqual([]);
  });
});

describe('the question lists', () => {
  it('lists questions by state, newest first, with Link headers', async () => {
    const asker = await person();
    const helper = await person();
    const reader = await person();
    const open1 = await ask(asker, 'Open question one about lists');
    const open2 = await ask(asker, 'Open question two about lists');
    const answered = await ask(asker, 'Answered question about lists');
    const accepted = await ask(asker, 'Accepted question about lists');
    await reply(helper, answered, 'An answer.');
    const good = await reply(helper, accepted, 'The answer.');
    await asker.api.post(`/api/rapport/v1/questions/${accepted.id}/accept`, { answer_id: good.id });
    // A plain status is never a question.
    await asker.api.post('/api/v1/statuses', { status: 'Not a question about lists' });

    const list = async (query: string) => {
      const res = await reader.api.get(`/api/rapport/v1/questions?${query}`);
      expect(res.status, res.text).toBe(200);
      return res;
    };
    const unanswered = await list('state=unanswered&limit=40');
    expect(ids(unanswered.body)).toEqual(expect.arrayContaining([open2.id, open1.id]));
    expect(ids(unanswered.body)).not.toContain(answered.id);
    expect(ids(unanswered.body).indexOf(open2.id)).toBeLessThan(
      ids(unanswered.body).indexOf(open1.id),
    );
    expect(ids((await list('state=answered&limit=40')).body)).toContain(answered.id);
    const acceptedList = (await list('state=accepted&limit=40')).body as Status[];
    expect(ids(acceptedList)).toEqual([accepted.id]);
    expect(acceptedList[0]?.question).toEqual({
      state: 'accepted',
      accepted_answer_id: good.id,
      answers_count: 1,
    });
    const all = ids((await list('limit=40')).body);
    expect(all).toEqual(expect.arrayContaining([open1.id, open2.id, answered.id, accepted.id]));

    // Paging: one at a time, following the Link header.
    const page1 = await list(`state=unanswered&limit=1&max_id=${answered.id}`);
    expect(ids(page1.body)).toEqual([open2.id]);
    const next = String(page1.headers.link).match(/<([^>]+)>; rel="next"/)?.[1];
    expect(next).toBeDefined();
    const page2 = await reader.api.get(
      new URL(next as string).pathname + new URL(next as string).search,
    );
    expect(ids(page2.body)).toEqual([open1.id]);
  });

  it('never lists what the viewer may not see, and 404s a community they may not read', async () => {
    const member = await person();
    const outsider = await person();
    const guest = await person({ role: 'guest' });
    const secret = await community('secret', [[member, 'owner']]);
    const open = await community('public', [
      [member, 'member'],
      [guest, 'member'],
    ]);
    const hidden = await ask(member, 'Secret community question', { community_id: secret });
    const shared = await ask(member, 'Public community question', { community_id: open });
    const orgWide = await ask(member, 'Organisation question');
    const followersOnly = await ask(member, 'Followers only question', { visibility: 'private' });

    const listOf = async (who: typeof member, query = 'limit=40') =>
      ids((await who.api.get(`/api/rapport/v1/questions?${query}`)).body);
    const outsiderSees = await listOf(outsider);
    expect(outsiderSees).toEqual(expect.arrayContaining([shared.id, orgWide.id]));
    expect(outsiderSees).not.toContain(hidden.id);
    expect(outsiderSees).not.toContain(followersOnly.id);
    expect(await listOf(member)).toEqual(
      expect.arrayContaining([hidden.id, shared.id, orgWide.id, followersOnly.id]),
    );
    // Guests read their communities only.
    const guestSees = await listOf(guest);
    expect(guestSees).toContain(shared.id);
    expect(guestSees).not.toContain(orgWide.id);
    expect(guestSees).not.toContain(hidden.id);

    expect(await listOf(member, `community_id=${secret}`)).toEqual([hidden.id]);
    const refused = await outsider.api.get(`/api/rapport/v1/questions?community_id=${secret}`);
    expect(refused.status).toBe(404);
    expect(refused.body.error).toBe('Community not found');
    expect(await listOf(outsider, `community_id=${open}`)).toEqual([shared.id]);

    const bad = await member.api.get('/api/rapport/v1/questions?state=solved');
    expect(bad.status).toBe(400);
  });
});

describe('presenting pages of statuses', () => {
  const refuse = new Proxy({} as Db, {
    get() {
      throw new Error('no query expected');
    },
  });

  it('reads nothing for a page without questions or replies', async () => {
    const facts = await loadQuestionFacts(refuse, 1, [
      { id: 10, account_id: 1, kind: 'status', inReplyToId: null, inReplyToAccountId: null },
      // A reply to oneself is a thread, not an answer: nothing to read either.
      { id: 11, account_id: 1, kind: 'status', inReplyToId: '10', inReplyToAccountId: '1' },
    ]);
    expect(facts.question({ id: 10, kind: 'status' })).toBeNull();
    expect(facts.answer(11)).toBeNull();
  });
});
