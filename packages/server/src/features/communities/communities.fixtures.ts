import type { Community, CommunityPrivacy, Role } from '@rapport/schema';
import { expect } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import type { TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import type { AccountRow } from '../accounts/accounts.queries';

/** Test helpers shared by the community tests: people with tokens, communities made through the API. */
export interface Person {
  account: AccountRow;
  token: string;
  id: string;
  api: ReturnType<typeof api>;
}

export async function person(t: TestApp, role: Role = 'member', name?: string): Promise<Person> {
  const { account, token } = await createAccountWithToken(t.ctx, {
    role,
    ...(name ? { displayName: name } : {}),
  });
  return { account, token, id: String(account.id), api: api(t.app, token) };
}

let made = 0;

export async function community(
  owner: Person,
  privacy: CommunityPrivacy,
  extra: Record<string, unknown> = {},
): Promise<Community> {
  made += 1;
  const res = await owner.api.post('/api/rapport/v1/communities', {
    name: `Community ${made} ${Math.random().toString(36).slice(2, 7)}`,
    privacy,
    ...extra,
  });
  expect(res.status, res.text).toBe(200);
  return res.body as Community;
}

const path = (c: Community | string, rest = '') =>
  `/api/rapport/v1/communities/${typeof c === 'string' ? c : c.id}${rest}`;

export { path as communityPath };

/** Invites and accepts: `who` ends up a member whatever the privacy. */
export async function addMember(c: Community, owner: Person, ...who: Person[]): Promise<void> {
  const invited = await owner.api.post(path(c, '/members'), { account_ids: who.map((p) => p.id) });
  expect(invited.status, invited.text).toBe(200);
  for (const p of who) {
    const joined = await p.api.post(path(c, '/join'));
    expect(joined.status, joined.text).toBe(200);
    expect(joined.body.membership.state).toBe('member');
  }
}

export async function postIn(author: Person, c: Community | null, text: string, extra = {}) {
  const res = await author.api.post('/api/v1/statuses', {
    status: text,
    ...(c ? { community_id: c.id } : {}),
    ...extra,
  });
  expect(res.status, res.text).toBe(200);
  return res.body as { id: string };
}

/** Ids of the statuses a list returned. */
export const ids = (body: Array<{ id: string }>) => body.map((item) => item.id);
