import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, insertCommunity } from '../../../test/community-factory';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const ME = '/api/rapport/v1/analytics/me';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type Person = Awaited<ReturnType<typeof person>>;

async function person(role: 'member' | 'admin' | 'guest' = 'member') {
  const { account, token } = await createAccountWithToken(t.ctx, { role });
  return { account, id: String(account.id), api: api(t.app, token) };
}

async function post(who: Person, status: string, extra: Record<string, unknown> = {}) {
  const res = await who.api.post('/api/v1/statuses', { status, ...extra });
  expect(res.status, res.text).toBe(200);
  return res.body.id as string;
}

async function react(who: Person, statusId: string, action: 'favourite' | 'reblog') {
  const res = await who.api.post(`/api/v1/statuses/${statusId}/${action}`);
  expect(res.status, res.text).toBe(200);
}

/**
 * The story happens a few days from now on a clock the test moves (only `Date`; timers
 * stay real), so answer times are known to the hour. Moving forward only keeps status ids
 * in step with their times. The period asked for is the two weeks starting on `start`.
 */
const start = Math.ceil((Date.now() + 2 * DAY) / DAY) * DAY;
const period = `from=${new Date(start).toISOString().slice(0, 10)}&to=${new Date(start + 13 * DAY).toISOString().slice(0, 10)}`;
const at = (ms: number) => vi.setSystemTime(start + ms);

let pat: Person;
let asker: Person;
let bea: Person;
let cal: Person;
let ron: Person;
let admin: Person;
let guest: Person;
let support: { id: number; name: string };
let design: { id: number; name: string };

beforeAll(async () => {
  [pat, asker, bea, cal, ron, admin] = await Promise.all([
    person(),
    person(),
    person(),
    person(),
    person(),
    person('admin'),
  ]);
  guest = await person('guest');
  support = await insertCommunity(t.ctx, { name: 'Support' });
  design = await insertCommunity(t.ctx, { name: 'Design' });
  for (const who of [pat, asker, bea, cal, ron]) {
    await addMember(t.ctx, support.id, who.account.id);
    await addMember(t.ctx, design.id, who.account.id);
  }
  await addMember(t.ctx, support.id, guest.account.id);

  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    at(0);
    const q1 = await post(asker, 'How do I reset the VPN?', {
      kind: 'question',
      community_id: String(support.id),
    });
    const fromCal = await post(cal, 'Mock-ups for the new form', {
      community_id: String(support.id),
    });
    at(1 * HOUR);
    const q2 = await post(bea, 'Which font do we use?', {
      kind: 'question',
      community_id: String(design.id),
    });
    at(2 * HOUR);
    const firstToQ1 = await post(pat, 'Restart the client', { in_reply_to_id: q1 });
    at(5 * HOUR);
    await post(pat, 'Inter, everywhere', { in_reply_to_id: q2 });
    at(6 * HOUR);
    await post(pat, 'Or clear the profile', { in_reply_to_id: q1 });
    at(7 * HOUR);
    await post(pat, 'Looks good', { in_reply_to_id: fromCal });
    await react(pat, fromCal, 'favourite');
    await react(pat, fromCal, 'reblog');
    at(DAY);
    const own = await post(pat, 'Notes from the offsite');
    const second = await post(pat, 'Lunch and learn on Friday');
    // Direct messages are private conversation, not contributions or responses.
    await post(pat, `@${asker.account.username} see you at lunch`, { visibility: 'direct' });
    await post(asker, 'Sure', { in_reply_to_id: own, visibility: 'direct' });
    await post(pat, 'Slides attached later', { in_reply_to_id: own });
    const page = await pat.api.post('/api/rapport/v1/pages', {
      title: 'VPN troubleshooting',
      body: 'Restart the client first.',
    });
    expect(page.status, page.text).toBe(200);
    // Ron only replies: a responder.
    await post(ron, 'Nice', { in_reply_to_id: fromCal });
    await post(ron, 'Agreed', { in_reply_to_id: own });

    at(8 * DAY);
    const accepted = await asker.api.post(`/api/rapport/v1/questions/${q1}/accept`, {
      answer_id: firstToQ1,
    });
    expect(accepted.status, accepted.text).toBe(200);
    await post(asker, 'Great notes', { in_reply_to_id: own });
    await react(asker, own, 'favourite');
    await react(cal, own, 'favourite');
    await react(bea, own, 'reblog');
    await react(bea, second, 'favourite');
    await t.ctx.events.settled();
  } finally {
    vi.useRealTimers();
  }
});

describe('my insights', () => {
  it('gives someone their persona, counts, answer times and communities', async () => {
    const res = await pat.api.get(`${ME}?${period}`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toMatchObject({
      from: new Date(start).toISOString(),
      to: new Date(start + 14 * DAY).toISOString(),
      // Gave 3 posts + 4 replies + 2 reactions at half weight = 8; received 2 replies + 4
      // reactions at half weight = 4: half a response per act, 5 of 8 responding to others.
      persona: 'engager',
      thresholds: {
        reaction_weight: 0.5,
        catalyst_ratio: 1.5,
        responder_share: 0.75,
        broadcaster_ratio: 0.5,
      },
      contributions: 8,
      reactions_given: 2,
      replies_received: 2,
      reactions_received: 4,
      answers: 3,
      accepted_answers: 1,
      // Two hours to the first question, four to the second.
      median_hours_to_answer: 3,
      communities: [
        { id: String(support.id), name: 'Support', answers: 2, replies: 1 },
        { id: String(design.id), name: 'Design', answers: 1, replies: 0 },
      ],
    });
    expect(res.body.weekly).toHaveLength(2);
    expect(res.body.weekly).toEqual([
      {
        week_start: new Date(start).toISOString(),
        contributions: 8,
        reactions_given: 2,
        replies_received: 1,
        reactions_received: 0,
      },
      {
        week_start: new Date(start + 7 * DAY).toISOString(),
        contributions: 0,
        reactions_given: 0,
        replies_received: 1,
        reactions_received: 4,
      },
    ]);
  });

  it('calls someone who only replies a responder', async () => {
    const res = await ron.api.get(`${ME}?${period}`);
    expect(res.body).toMatchObject({
      persona: 'responder',
      contributions: 2,
      reactions_given: 0,
      answers: 0,
      median_hours_to_answer: null,
      communities: [{ id: String(support.id), name: 'Support', answers: 0, replies: 1 }],
    });
  });

  it('answers about the signed-in person only, whatever the query names', async () => {
    const own = await bea.api.get(`${ME}?${period}`);
    expect(own.body).toMatchObject({
      // One question and two reactions (2 acts at half weight); one answer back: half a
      // response per act, and half of what she gives responds to others.
      persona: 'engager',
      contributions: 1,
      reactions_given: 2,
      replies_received: 1,
      reactions_received: 0,
      answers: 0,
    });
    for (const query of [`account_id=${pat.id}`, `id=${pat.id}`, `scope=community:${support.id}`]) {
      const res = await bea.api.get(`${ME}?${period}&${query}`);
      expect(res.status, query).toBe(200);
      expect({ ...res.body, generated_at: null }).toEqual({ ...own.body, generated_at: null });
    }
    const adminOwn = await admin.api.get(`${ME}?${period}&account_id=${pat.id}`);
    expect(adminOwn.body).toMatchObject({
      persona: 'observer',
      contributions: 0,
      replies_received: 0,
      weekly: [{ contributions: 0 }, { contributions: 0 }],
      communities: [],
    });
    expect((await api(t.app).get(ME)).status).toBe(401);
  });

  it('is open to guests, and to people who opted out of analytics', async () => {
    expect((await guest.api.get(ME)).status).toBe(200);
    await pat.api.put('/api/rapport/v1/preferences/analytics', { counted: false });
    const res = await pat.api.get(`${ME}?${period}`);
    expect(res.body).toMatchObject({ persona: 'engager', contributions: 8 });
    await pat.api.put('/api/rapport/v1/preferences/analytics', { counted: true });
  });

  it('covers twelve weeks up to now by default', async () => {
    const res = await ron.api.get(ME);
    expect(res.body.weekly).toHaveLength(12);
    expect(Date.parse(res.body.to) - Date.parse(res.body.from)).toBe(12 * 7 * DAY);
    // Ron's replies are in the future of this test's clock: outside the default period.
    expect(res.body).toMatchObject({ contributions: 0, persona: 'observer' });
  });

  it('downloads the summary, the weeks and the communities as CSV', async () => {
    const summary = await pat.api.get(`${ME}?${period}&format=csv`);
    expect(summary.status).toBe(200);
    expect(summary.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(summary.headers['content-disposition']).toBe(
      'attachment; filename="rapport-my-insights.csv"',
    );
    expect(summary.text).toContain('persona,engager\r\n');
    expect(summary.text).toContain('median_hours_to_answer,3\r\n');
    const weekly = await pat.api.get(`${ME}?${period}&format=csv&table=weekly`);
    expect(weekly.text.split('\r\n')).toEqual([
      'week_start,contributions,reactions_given,replies_received,reactions_received',
      `${new Date(start).toISOString()},8,2,1,0`,
      `${new Date(start + 7 * DAY).toISOString()},0,0,1,4`,
      '',
    ]);
    const communities = await pat.api.get(`${ME}?${period}&format=csv&table=communities`);
    expect(communities.text).toBe(
      `community_id,community,answers,replies\r\n${support.id},Support,2,1\r\n${design.id},Design,1,0\r\n`,
    );
    expect((await pat.api.get(`${ME}?format=csv&table=matrix`)).status).toBe(422);
    expect((await pat.api.get(`${ME}?from=2026-03-01&to=2026-02-01`)).status).toBe(422);
  });
});
