import type { Status } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { base, type Person, responsivenessFixtures } from './responsiveness.fixtures';

let t: TestApp;
const { person, people, community, ask, reply, answeredAfter } = responsivenessFixtures(() => t);

let admin: Person;
let insider: Person;
let members: Person[];
let openId: string;
let privateId: string;
const waiting: Status[] = [];
let privateQuestion: Status;
let organisationQuestion: Status;

/**
 * An admin owns a public community where five questions wait (one of them only replied to
 * by its asker) and one was answered; a private community the admin is not in has a
 * waiting question too, and so does the organisation outside communities.
 */
beforeAll(async () => {
  t = await startTestApp();
  admin = await person({ role: 'admin' });
  insider = await person({ role: 'admin' });
  members = await people(5);
  openId = await community([
    [admin, 'owner'],
    ...members.map((m): [Person, 'member'] => [m, 'member']),
  ]);
  privateId = await community(
    [[insider, 'owner'], ...members.map((m): [Person, 'member'] => [m, 'member'])],
    'private',
  );
  for (const [i, asker] of members.entries()) {
    const text =
      i === 0
        ? `**Where** is the <b>travel</b> policy? See https://intranet.example/travel #travel ${'and more words '.repeat(20)}`
        : `Waiting question ${i}?`;
    const question = await ask(asker, text, openId);
    if (i === 1) await reply(asker, question, 'Still looking.');
    waiting.push(question);
  }
  await answeredAfter(members[0] as Person, members[1] as Person, 2, { communityId: openId });
  privateQuestion = await ask(members[2] as Person, 'A private question?', privateId);
  organisationQuestion = await ask(members[3] as Person, 'Who runs the canteen?');
});
afterAll(() => t.close());

const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

describe('the unanswered queue', () => {
  it("lists a community's waiting questions oldest first, a page at a time", async () => {
    const first = await admin.api.get(`${base}/unanswered?scope=community:${openId}&limit=2`);
    expect(first.status, first.text).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-store');
    expect(ids(first.body)).toEqual(ids(waiting.slice(0, 2)));
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1];
    expect(next).toContain('cursor=');
    const second = await admin.api.get(
      new URL(next as string).pathname + new URL(next as string).search,
    );
    expect(ids(second.body)).toEqual(ids(waiting.slice(2, 4)));
    const after = /<([^>]+)>; rel="next"/.exec(String(second.headers.link))?.[1] as string;
    const third = await admin.api.get(new URL(after).pathname + new URL(after).search);
    expect(ids(third.body)).toEqual(ids(waiting.slice(4)));
    expect(third.headers.link).toBeUndefined();

    const all = await admin.api.get(`${base}/unanswered?scope=community:${openId}`);
    expect(ids(all.body)).toEqual(ids(waiting));
    const [oldest] = all.body;
    const question = waiting[0] as Status;
    expect(oldest).toMatchObject({
      id: question.id,
      url: `${t.ctx.config.publicUrl}/@${question.account.username}/${question.id}`,
      community: { id: openId, name: expect.any(String) },
      created_at: question.created_at,
    });
    // Plain text as written (statuses are not Markdown; markup stays text), cut at 140.
    expect(oldest.excerpt).toMatch(
      /^\*\*Where\*\* is the <b>travel<\/b> policy\? See https:\/\/intranet\.example\/travel #travel and more words/,
    );
    expect(oldest.excerpt.length).toBeLessThanOrEqual(140);
    expect(oldest.excerpt.endsWith('…')).toBe(true);
    expect(oldest.waiting_hours).toBeGreaterThanOrEqual(0);
    expect(oldest.waiting_hours).toBeLessThan(1);
  });

  it('shows only the questions the viewer may see', async () => {
    const shown = await admin.api.get(`${base}/unanswered?scope=organisation`);
    expect(shown.status, shown.text).toBe(200);
    expect(ids(shown.body)).toEqual([...ids(waiting), organisationQuestion.id]);
    expect(ids(shown.body)).not.toContain(privateQuestion.id);
    const insiders = await insider.api.get(`${base}/unanswered?scope=organisation`);
    expect(ids(insiders.body)).toContain(privateQuestion.id);
    // A page the viewer sees little of still ends where it stopped looking.
    const paged = await admin.api.get(`${base}/unanswered?scope=organisation&limit=6`);
    expect(ids(paged.body)).toEqual([...ids(waiting), organisationQuestion.id]);

    const member = members[0] as Person;
    expect((await member.api.get(`${base}/unanswered?scope=community:${openId}`)).status).toBe(403);
    expect((await member.api.get(`${base}/unanswered`)).status).toBe(403);
    expect((await admin.api.get(`${base}/unanswered?cursor=nonsense`)).status).toBe(400);
  });

  it('downloads the queue as CSV', async () => {
    const res = await admin.api.get(`${base}/unanswered?scope=community:${openId}&format=csv`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,created_at,waiting_hours,community,excerpt,url');
    expect(lines).toHaveLength(6);
    expect(lines[1]?.startsWith(`${(waiting[0] as Status).id},`)).toBe(true);
  });
});
