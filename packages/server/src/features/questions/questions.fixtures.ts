import type { CommunityPrivacy, CommunityRole, Status } from '@rapport/schema';
import { expect } from 'vitest';
import { addMember, insertCommunity } from '../../../test/community-factory';
import { createAccountWithToken } from '../../../test/factories';
import type { TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import type { AccountRow } from '../accounts/accounts.queries';

/** Test helpers for questions and expertise: people, communities made in the database, posts. */
export function questionFixtures(t: () => TestApp) {
  async function person(
    overrides: Parameters<typeof createAccountWithToken>[1] = {},
  ): Promise<Person> {
    const { account, token } = await createAccountWithToken(t().ctx, overrides);
    return { account, id: String(account.id), api: api(t().app, token) };
  }

  /** A community with members (communities' own API is another feature's). */
  async function community(
    privacy: CommunityPrivacy,
    members: Array<[Person, CommunityRole]>,
  ): Promise<string> {
    const { id } = await insertCommunity(t().ctx, { privacy });
    for (const [member, role] of members) await addMember(t().ctx, id, member.account.id, role);
    return String(id);
  }

  async function ask(
    asker: Person,
    text: string,
    extra: Record<string, unknown> = {},
  ): Promise<Status> {
    const res = await asker.api.post('/api/v1/statuses', {
      status: text,
      kind: 'question',
      ...extra,
    });
    expect(res.status, res.text).toBe(200);
    return res.body;
  }

  async function reply(
    author: Person,
    to: Status | string,
    text: string,
    extra: Record<string, unknown> = {},
  ): Promise<Status> {
    const res = await author.api.post('/api/v1/statuses', {
      status: text,
      in_reply_to_id: typeof to === 'string' ? to : to.id,
      ...extra,
    });
    expect(res.status, res.text).toBe(200);
    return res.body;
  }

  async function questionRow(id: string) {
    return t()
      .ctx.db.selectFrom('questions')
      .selectAll()
      .where('status_id', '=', Number(id))
      .executeTakeFirstOrThrow();
  }

  async function votes() {
    return t().ctx.db.selectFrom('answer_votes').selectAll().orderBy('status_id').execute();
  }

  async function interactions(kind: string) {
    return t()
      .ctx.db.selectFrom('interactions')
      .select(['actor_id', 'target_id', 'subject_id'])
      .where('kind', '=', kind as never)
      .execute();
  }

  return { person, community, ask, reply, questionRow, votes, interactions };
}

export interface Person {
  account: AccountRow;
  id: string;
  api: ReturnType<typeof api>;
}
