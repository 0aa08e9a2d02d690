import type { CommunityPrivacy, CommunityRole, Status } from '@rapport/schema';
import { expect } from 'vitest';
import { addMember, insertCommunity } from '../../../test/community-factory';
import { createAccountWithToken } from '../../../test/factories';
import type { TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import type { AccountRow } from '../accounts/accounts.queries';

export const HOUR_MS = 60 * 60 * 1000;
export const base = '/api/rapport/v1/analytics';

export interface Person {
  account: AccountRow;
  id: string;
  api: ReturnType<typeof api>;
}

/**
 * Test helpers for responsiveness and knowledge risk: people, communities, and questions,
 * answers and pages posted through the real API.
 */
export function responsivenessFixtures(t: () => TestApp) {
  let n = 0;
  async function person(
    profile: { department?: string; skills?: string[]; role?: 'member' | 'guest' | 'admin' } = {},
  ): Promise<Person> {
    n += 1;
    const { account, token } = await createAccountWithToken(t().ctx, {
      username: `r${n}_${Math.random().toString(36).slice(2, 7)}`,
      role: profile.role ?? 'member',
      profile: {
        department: profile.department ?? '',
        skills: JSON.stringify(profile.skills ?? []),
      },
    });
    return { account, id: String(account.id), api: api(t().app, token) };
  }

  async function people(count: number, profile: Parameters<typeof person>[0] = {}) {
    const made: Person[] = [];
    for (let i = 0; i < count; i += 1) made.push(await person(profile));
    return made;
  }

  /** A community (its own API is another feature's), with its members and their roles. */
  async function community(
    members: Array<[Person, CommunityRole]>,
    privacy: CommunityPrivacy = 'public',
  ): Promise<string> {
    const { id } = await insertCommunity(t().ctx, { privacy });
    for (const [member, role] of members) await addMember(t().ctx, id, member.account.id, role);
    return String(id);
  }

  async function ask(asker: Person, text: string, communityId?: string): Promise<Status> {
    const res = await asker.api.post('/api/v1/statuses', {
      status: text,
      kind: 'question',
      ...(communityId ? { community_id: communityId } : {}),
    });
    expect(res.status, res.text).toBe(200);
    return res.body;
  }

  async function reply(author: Person, to: Status, text = 'An answer.'): Promise<Status> {
    const res = await author.api.post('/api/v1/statuses', { status: text, in_reply_to_id: to.id });
    expect(res.status, res.text).toBe(200);
    return res.body;
  }

  /**
   * Makes a question look asked `hours` before its first answer. The API stamps everything
   * with the real time, so the test back-dates the question row it created through the API
   * (statuses.created_at and questions.created_at only: its id still says today, which keeps
   * it in the default period). Nothing else is written directly.
   */
  async function askedHoursBefore(question: Status, answer: Status, hours: number) {
    const { db } = t().ctx;
    const row = await db
      .selectFrom('statuses')
      .select('created_at')
      .where('id', '=', Number(answer.id))
      .executeTakeFirstOrThrow();
    const at = row.created_at - hours * HOUR_MS;
    await db
      .updateTable('statuses')
      .set({ created_at: at })
      .where('id', '=', Number(question.id))
      .execute();
    await db
      .updateTable('questions')
      .set({ created_at: at })
      .where('status_id', '=', Number(question.id))
      .execute();
  }

  /** A question answered by `answerer` exactly `hours` after it was asked. */
  async function answeredAfter(
    asker: Person,
    answerer: Person,
    hours: number,
    options: { communityId?: string; text?: string } = {},
  ) {
    const question = await ask(
      asker,
      options.text ?? `Question answered in ${hours} h?`,
      options.communityId,
    );
    const answer = await reply(answerer, question);
    await askedHoursBefore(question, answer, hours);
    return { question, answer };
  }

  async function accept(asker: Person, question: Status, answer: Status) {
    const res = await asker.api.post(`/api/rapport/v1/questions/${question.id}/accept`, {
      answer_id: answer.id,
    });
    expect(res.status, res.text).toBe(200);
  }

  /** A knowledge page in a community, through the pages API; answers its id. */
  async function page(author: Person, communityId: string, title: string): Promise<string> {
    const res = await author.api.post('/api/rapport/v1/pages', {
      title,
      body: `# ${title}\n\nHow we do it.`,
      community_id: communityId,
    });
    expect(res.status, res.text).toBe(200);
    return res.body.id;
  }

  /** One more revision of a page, by `author`. */
  async function revise(author: Person, pageId: string, line: string) {
    const current = await author.api.get(`/api/rapport/v1/pages/${pageId}`);
    expect(current.status, current.text).toBe(200);
    const res = await author.api.put(`/api/rapport/v1/pages/${pageId}`, {
      title: current.body.title,
      body: `${current.body.body}\n\n${line}`,
      base_revision: current.body.revision,
    });
    expect(res.status, res.text).toBe(200);
  }

  return {
    person,
    people,
    community,
    ask,
    reply,
    askedHoursBefore,
    answeredAfter,
    accept,
    page,
    revise,
  };
}
