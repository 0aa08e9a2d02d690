import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api, formBody } from '../../../test/http';
import { newId } from '../../db/ids';
import { closeExpiredPolls, startPollCloser } from './polls.service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function person(scopes?: string[]) {
  const { account, token } = await createAccountWithToken(t.ctx, {}, scopes);
  return { account, token, api: api(t.app, token) };
}
type Person = Awaited<ReturnType<typeof person>>;

async function postPoll(
  author: Person,
  poll: { options?: string[]; expires_in?: number; multiple?: boolean; hide_totals?: boolean },
  visibility = 'public',
) {
  const res = await author.api.post('/api/v1/statuses', {
    status: 'Where should the offsite be?',
    visibility,
    poll: { options: ['Lisbon', 'Lyon', 'Leeds'], expires_in: 3600, ...poll },
  });
  expect(res.status).toBe(200);
  return {
    statusId: res.body.id as string,
    poll: res.body.poll,
    pollId: res.body.poll.id as string,
  };
}

const vote = (voter: Person, pollId: string, choices: unknown[]) =>
  voter.api.post(`/api/v1/polls/${pollId}/votes`, { choices });

async function pollRow(pollId: string) {
  return t.ctx.db
    .selectFrom('polls')
    .selectAll()
    .where('id', '=', Number(pollId))
    .executeTakeFirstOrThrow();
}

async function votesOf(pollId: string) {
  return t.ctx.db
    .selectFrom('poll_votes')
    .select(['account_id', 'choice'])
    .where('poll_id', '=', Number(pollId))
    .execute();
}

async function expire(pollId: string, at = Date.now() - 1000) {
  await t.ctx.db
    .updateTable('polls')
    .set({ expires_at: at })
    .where('id', '=', Number(pollId))
    .execute();
}

describe('a poll on a status', () => {
  it('starts with no votes and the author counted as having voted', async () => {
    const ana = await person();
    const bo = await person();
    const { poll, pollId } = await postPoll(ana, {});
    expect(poll).toMatchObject({
      expired: false,
      multiple: false,
      votes_count: 0,
      voters_count: 0,
      options: [
        { title: 'Lisbon', votes_count: 0 },
        { title: 'Lyon', votes_count: 0 },
        { title: 'Leeds', votes_count: 0 },
      ],
      emojis: [],
      voted: true,
      own_votes: [],
    });
    expect(Date.parse(poll.expires_at) - Date.now()).toBeGreaterThan(3590_000);
    const seen = await bo.api.get(`/api/v1/polls/${pollId}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: pollId, voted: false, own_votes: [] });
  });

  it('refuses duplicate options', async () => {
    const ana = await person();
    const res = await ana.api.post('/api/v1/statuses', {
      status: 'Pick',
      poll: { options: ['Tea', 'Tea'], expires_in: 3600 },
    });
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual({ 'poll.options': ['must not contain duplicates'] });
  });
});

describe('voting', () => {
  it('counts a single choice and shows the voter their vote', async () => {
    const ana = await person();
    const bo = await person();
    const { statusId, pollId } = await postPoll(ana, {});
    const res = await vote(bo, pollId, [1]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      voted: true,
      own_votes: [1],
      votes_count: 1,
      voters_count: 1,
      options: [{ votes_count: 0 }, { votes_count: 1 }, { votes_count: 0 }],
    });
    const status = await bo.api.get(`/api/v1/statuses/${statusId}`);
    expect(status.body.poll).toMatchObject({ voted: true, own_votes: [1], votes_count: 1 });
    const asAuthor = await ana.api.get(`/api/v1/polls/${pollId}`);
    expect(asAuthor.body).toMatchObject({ voted: true, own_votes: [], votes_count: 1 });
  });

  it('counts several choices on a multiple-choice poll, and accepts a form', async () => {
    const ana = await person();
    const bo = await person();
    const cy = await person();
    const { pollId } = await postPoll(ana, { multiple: true });
    const res = await vote(bo, pollId, ['0', '2']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      multiple: true,
      own_votes: [0, 2],
      votes_count: 2,
      voters_count: 1,
      options: [{ votes_count: 1 }, { votes_count: 0 }, { votes_count: 1 }],
    });
    const form = formBody([
      ['choices[]', '1'],
      ['choices[]', '2'],
    ]);
    const byForm = await cy.api.post(`/api/v1/polls/${pollId}/votes`, form.payload, form.headers);
    expect(byForm.status).toBe(200);
    expect(byForm.body).toMatchObject({
      own_votes: [1, 2],
      votes_count: 4,
      voters_count: 2,
      options: [{ votes_count: 1 }, { votes_count: 1 }, { votes_count: 2 }],
    });
  });

  it('refuses a second vote, an ended poll, a missing option, extra choices and the author', async () => {
    const ana = await person();
    const bo = await person();
    const cy = await person();
    const { pollId } = await postPoll(ana, {});
    const { pollId: multiplePollId } = await postPoll(ana, { multiple: true });
    expect((await vote(bo, pollId, [0])).status).toBe(200);
    expect((await vote(bo, multiplePollId, [0])).status).toBe(200);
    const { pollId: endedId } = await postPoll(ana, {});
    await expire(endedId);

    const cases: Array<[Person, string, unknown[], RegExp | string]> = [
      [bo, pollId, [1], 'Validation failed: You have already voted on this poll'],
      [bo, pollId, [0], 'Validation failed: You have already voted on this poll'],
      [bo, multiplePollId, [1], 'Validation failed: You have already voted on this poll'],
      [cy, endedId, [0], 'Validation failed: The poll has already ended'],
      [cy, pollId, [3], 'Validation failed: The chosen vote option does not exist'],
      [cy, pollId, [0, 1], 'Validation failed: This poll allows only one choice'],
      [ana, pollId, [0], 'Validation failed: You cannot vote in your own polls'],
      [cy, pollId, [-1], /Validation failed/],
      [cy, pollId, [], /Validation failed/],
      [cy, pollId, ['first'], /Validation failed/],
    ];
    for (const [voter, id, choices, message] of cases) {
      const before = { poll: await pollRow(id), votes: await votesOf(id) };
      const res = await vote(voter, id, choices);
      expect(res.status, JSON.stringify(choices)).toBe(422);
      expect(res.body.code).toBe('validation_failed');
      if (typeof message === 'string') expect(res.body.error).toBe(message);
      else expect(res.body.error).toMatch(message);
      expect({ poll: await pollRow(id), votes: await votesOf(id) }).toEqual(before);
    }
    const ended = await cy.api.get(`/api/v1/polls/${endedId}`);
    expect(ended.body).toMatchObject({ expired: true, voted: false });
  });

  it('counts every one of 20 votes cast at the same moment', async () => {
    const ana = await person();
    const voters = await Promise.all(Array.from({ length: 20 }, () => person()));
    const { pollId } = await postPoll(ana, { multiple: true });
    const results = await Promise.all(
      voters.map((voter, i) => vote(voter, pollId, i % 2 === 0 ? [0] : [1, 2])),
    );
    expect(results.map((res) => res.status)).toEqual(voters.map(() => 200));
    const row = await pollRow(pollId);
    expect(JSON.parse(row.option_votes)).toEqual([10, 10, 10]);
    expect([row.votes_count, row.voters_count]).toEqual([30, 20]);
    expect(await votesOf(pollId)).toHaveLength(30);
    // The same person voting twice at once is counted once.
    const late = await person();
    const twice = await Promise.all([vote(late, pollId, [0]), vote(late, pollId, [1])]);
    expect(twice.map((res) => res.status).sort()).toEqual([200, 422]);
    expect((await pollRow(pollId)).voters_count).toBe(21);
  });

  it('hides per-option totals until the end when asked, except from the author', async () => {
    const ana = await person();
    const bo = await person();
    const cy = await person();
    const { pollId, poll } = await postPoll(ana, { hide_totals: true });
    expect(poll.options.map((o: { votes_count: number | null }) => o.votes_count)).toEqual([
      0, 0, 0,
    ]);
    const voted = await vote(bo, pollId, [2]);
    expect(voted.body).toMatchObject({ votes_count: 1, own_votes: [2] });
    expect(voted.body.options.map((o: { votes_count: number | null }) => o.votes_count)).toEqual([
      null,
      null,
      null,
    ]);
    const other = await cy.api.get(`/api/v1/polls/${pollId}`);
    expect(other.body.options.every((o: { votes_count: unknown }) => o.votes_count === null)).toBe(
      true,
    );
    const author = await ana.api.get(`/api/v1/polls/${pollId}`);
    expect(author.body.options.map((o: { votes_count: number }) => o.votes_count)).toEqual([
      0, 0, 1,
    ]);
    await expire(pollId);
    const after = await cy.api.get(`/api/v1/polls/${pollId}`);
    expect(after.body).toMatchObject({ expired: true });
    expect(after.body.options.map((o: { votes_count: number }) => o.votes_count)).toEqual([
      0, 0, 1,
    ]);
  });

  it('answers 404 for a poll whose status the viewer may not see', async () => {
    const ana = await person();
    const bo = await person();
    const { pollId } = await postPoll(ana, {}, 'private');
    expect((await bo.api.get(`/api/v1/polls/${pollId}`)).status).toBe(404);
    const res = await vote(bo, pollId, [0]);
    expect(res.status).toBe(404);
    expect(await votesOf(pollId)).toEqual([]);
    expect((await bo.api.get('/api/v1/polls/123456789')).status).toBe(404);

    // Followers see a private status, and so its poll.
    await t.ctx.db
      .insertInto('follows')
      .values({
        id: newId(),
        account_id: bo.account.id,
        target_account_id: ana.account.id,
        show_reblogs: 1,
        notify: 0,
        created_at: Date.now(),
      })
      .execute();
    expect((await vote(bo, pollId, [0])).status).toBe(200);
  });

  it('needs a token, and the write:statuses scope to vote', async () => {
    const ana = await person();
    const reader = await person(['read']);
    const { pollId } = await postPoll(ana, {});
    expect((await api(t.app).get(`/api/v1/polls/${pollId}`)).status).toBe(401);
    expect((await api(t.app).post(`/api/v1/polls/${pollId}/votes`, { choices: [0] })).status).toBe(
      401,
    );
    expect((await reader.api.get(`/api/v1/polls/${pollId}`)).status).toBe(200);
    const res = await vote(reader, pollId, [0]);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('insufficient_scope');
    expect(await votesOf(pollId)).toEqual([]);
  });

  it('tells streams about the new counts after the vote', async () => {
    const ana = await person();
    const bo = await person();
    const { statusId, pollId } = await postPoll(ana, {});
    const updated: string[] = [];
    t.ctx.events.on('status.updated', (event) => {
      updated.push(event.audience.status_id);
    });
    await vote(bo, pollId, [0]);
    await t.ctx.events.settled();
    expect(updated).toContain(statusId);
  });
});

describe('editing a status with a poll', () => {
  it('keeps the votes when the options stay, and resets them when they change', async () => {
    const ana = await person();
    const bo = await person();
    const { statusId, pollId } = await postPoll(ana, {});
    await vote(bo, pollId, [0]);
    const same = await ana.api.put(`/api/v1/statuses/${statusId}`, {
      status: 'Where should the offsite be? (edited)',
      poll: { options: ['Lisbon', 'Lyon', 'Leeds'], expires_in: 7200 },
    });
    expect(same.status).toBe(200);
    expect(same.body.poll).toMatchObject({ id: pollId, votes_count: 1 });
    expect(Date.parse(same.body.poll.expires_at) - Date.now()).toBeGreaterThan(7100_000);

    const changed = await ana.api.put(`/api/v1/statuses/${statusId}`, {
      status: 'Where should the offsite be?',
      poll: { options: ['Lisbon', 'Lyon', 'Porto'], expires_in: 3600 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.poll).toMatchObject({
      id: pollId,
      votes_count: 0,
      voters_count: 0,
      options: [{ title: 'Lisbon' }, { title: 'Lyon' }, { title: 'Porto' }],
    });
    expect(await votesOf(pollId)).toEqual([]);
    const asVoter = await bo.api.get(`/api/v1/polls/${pollId}`);
    expect(asVoter.body).toMatchObject({ voted: false, own_votes: [] });
    expect((await vote(bo, pollId, [2])).status).toBe(200);
  });
});

describe('when a poll ends', () => {
  async function pollNotifications(statusId: string) {
    return t.ctx.db
      .selectFrom('notifications')
      .select(['account_id', 'from_account_id'])
      .where('type', '=', 'poll')
      .where('status_id', '=', Number(statusId))
      .orderBy('account_id')
      .execute();
  }

  it('notifies each voter and the author once, even with two closers at once', async () => {
    const ana = await person();
    const voters = [await person(), await person(), await person()];
    const { statusId, pollId } = await postPoll(ana, { expires_in: 300, multiple: true });
    await vote(voters[0] as Person, pollId, [0, 1]);
    await vote(voters[1] as Person, pollId, [1]);
    await vote(voters[2] as Person, pollId, [2]);
    const emitted: Array<{ notification_id: string; account_id: string }> = [];
    t.ctx.events.on('notification.created', (event) => {
      emitted.push(event);
    });

    // Still open: a pass now leaves it alone (it may close polls earlier tests ended).
    await closeExpiredPolls(t.ctx, Date.now());
    expect((await pollRow(pollId)).closed_at).toBeNull();
    expect(await pollNotifications(statusId)).toEqual([]);

    const end = (await pollRow(pollId)).expires_at;
    const [first, second] = await Promise.all([
      closeExpiredPolls(t.ctx, end + 1),
      closeExpiredPolls(t.ctx, end + 1),
    ]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    const everyone = [ana, ...voters].map((p) => p.account.id).sort((a, b) => a - b);
    const sent = await pollNotifications(statusId);
    expect(sent.map((n) => n.account_id)).toEqual(everyone);
    expect(sent.every((n) => n.from_account_id === ana.account.id)).toBe(true);
    expect((await pollRow(pollId)).closed_at).toBe(end + 1);

    await t.ctx.events.settled();
    const mine = emitted.filter((e) => everyone.includes(Number(e.account_id)));
    expect(mine.map((e) => Number(e.account_id)).sort((a, b) => a - b)).toEqual(everyone);

    await closeExpiredPolls(t.ctx, end + 60_000);
    expect(await pollNotifications(statusId)).toHaveLength(4);

    // Both the voter and the author find it in their notifications, with the status (the
    // closers above ran on a clock ahead of the real one; bring the poll's end to now).
    await expire(pollId);
    for (const reader of [voters[0] as Person, ana]) {
      const list = await reader.api.get('/api/v1/notifications?types[]=poll');
      expect(list.status).toBe(200);
      const ofPoll = list.body.filter(
        (n: { status?: { id: string } }) => n.status?.id === statusId,
      );
      expect(ofPoll).toHaveLength(1);
      expect(ofPoll[0]).toMatchObject({ type: 'poll', account: { id: String(ana.account.id) } });
      expect(ofPoll[0].status.poll).toMatchObject({ expired: true, votes_count: 4 });
    }
  });

  it('runs on a timer that stops', async () => {
    const ana = await person();
    const bo = await person();
    const { statusId, pollId } = await postPoll(ana, {});
    await vote(bo, pollId, [0]);
    await expire(pollId);
    const stop = startPollCloser(t.ctx, 20);
    try {
      await expect
        .poll(async () => (await pollRow(pollId)).closed_at, { timeout: 5000, interval: 20 })
        .not.toBeNull();
    } finally {
      stop();
    }
    expect(await pollNotifications(statusId)).toHaveLength(2);
  });
});
