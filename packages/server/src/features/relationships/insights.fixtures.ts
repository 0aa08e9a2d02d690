import { expect } from 'vitest';
import { addMember, insertCommunity } from '../../../test/community-factory';
import { createAccountWithToken } from '../../../test/factories';
import type { TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { idFor } from '../../db/ids';
import type { InteractionKind } from '../../db/tables/communities.table';
import type { AccountRow } from '../accounts/accounts.queries';
import { recordInteractions } from '../interactions/interactions.queries';
import { insertStatus, replaceTags } from '../statuses/statuses.queries';

export const DAY = 86_400_000;
export const base = '/api/rapport/v1/relationships';

export interface Member {
  account: AccountRow;
  id: string;
  api: ReturnType<typeof api>;
}

/** Test helpers for advice, nudges, people to meet and privacy: people, posts, histories. */
export function insightFixtures(t: () => TestApp) {
  let n = 0;
  async function member(
    profile: { department?: string; skills?: string[]; role?: 'member' | 'guest' | 'admin' } = {},
  ): Promise<Member> {
    n += 1;
    const username = `m${n}_${Math.random().toString(36).slice(2, 7)}`;
    const { account, token } = await createAccountWithToken(t().ctx, {
      username,
      displayName: `Member ${n}`,
      role: profile.role ?? 'member',
      profile: {
        department: profile.department ?? '',
        skills: JSON.stringify(profile.skills ?? []),
      },
    });
    return { account, id: String(account.id), api: api(t().app, token) };
  }

  /** A status through the API; returns its id. */
  async function post(author: Member, text: string, extra: Record<string, unknown> = {}) {
    const res = await author.api.post('/api/v1/statuses', { status: text, ...extra });
    expect(res.status, res.text).toBe(200);
    return res.body.id as string;
  }

  /** A public status written `daysAgo` days ago, straight into the table (with its tags). */
  async function pastStatus(author: Member, text: string, daysAgo: number, tags: string[] = []) {
    const at = Date.now() - daysAgo * DAY;
    const id = idFor(at);
    await insertStatus(t().ctx.db, {
      id,
      account_id: author.account.id,
      thread_id: id,
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      reblog_of_id: null,
      visibility: 'public',
      text,
      content: `<p>${text}</p>`,
      spoiler_text: '',
      sensitive: 0,
      language: null,
      application_id: null,
      card_id: null,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      created_at: at,
      edited_at: null,
      community_id: null,
      kind: 'status',
      hidden_at: null,
      hidden_reason: null,
    });
    await replaceTags(t().ctx.db, id, tags, at);
    return String(id);
  }

  /** Acts between two people `daysAgo` days ago, through the one way into the ledger. */
  async function acts(
    actor: Member,
    target: Member,
    kind: InteractionKind,
    daysAgo: number,
    context = 'timeline',
  ) {
    await recordInteractions(t().ctx.db, [
      {
        kind,
        actorId: actor.account.id,
        targetId: target.account.id,
        subjectType: 'status',
        subjectId: 1,
        communityId: null,
        at: Date.now() - daysAgo * DAY,
        context,
      },
    ]);
  }

  /** Replies both ways: recognition, with the last exchange `daysAgo` days ago. */
  async function exchanged(a: Member, b: Member, daysAgo: number) {
    await acts(a, b, 'reply', daysAgo + 1);
    await acts(b, a, 'reply', daysAgo);
  }

  async function community(
    name: string,
    members: Member[],
    privacy: 'public' | 'private' = 'public',
  ) {
    const { id } = await insertCommunity(t().ctx, { name, privacy });
    for (const m of members) await addMember(t().ctx, id, m.account.id);
    return String(id);
  }

  return { member, post, pastStatus, acts, exchanged, community };
}
