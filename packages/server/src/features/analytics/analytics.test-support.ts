import type { Role } from '@rapport/schema';
import { expect } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import type { TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import type { AccountRow } from '../accounts/accounts.queries';

/**
 * What the analytics tests share: people with a client, content written through the
 * real API, and the period around today. Each test puts its people in a department (or a
 * community) of its own, so the tests of one file do not count each other's people.
 */
export interface Person {
  account: AccountRow;
  token: string;
  api: ReturnType<typeof api>;
}

export async function person(
  t: TestApp,
  options: { department?: string; role?: Role } = {},
): Promise<Person> {
  const { account, token } = await createAccountWithToken(t.ctx, {
    role: options.role ?? 'member',
    ...(options.department ? { profile: { department: options.department } } : {}),
  });
  return { account, token, api: api(t.app, token) };
}

export async function people(
  t: TestApp,
  count: number,
  options: { department?: string; role?: Role } = {},
): Promise<Person[]> {
  const made: Person[] = [];
  for (let i = 0; i < count; i += 1) made.push(await person(t, options));
  return made;
}

/** Posts a status through the Mastodon API; returns its id. */
export async function post(
  who: Person,
  fields: Record<string, unknown> = {},
  text = 'A status about the work',
): Promise<string> {
  const res = await who.api.post('/api/v1/statuses', { status: text, ...fields });
  expect(res.status, res.text).toBe(200);
  return res.body.id as string;
}

export async function postMany(who: Person, count: number, fields: Record<string, unknown> = {}) {
  for (let i = 0; i < count; i += 1) await post(who, fields, `Status ${i + 1}`);
}

/** Creates a page through the pages API; returns its id and revision. */
export async function createPage(who: Person, communityId: string | null = null) {
  const res = await who.api.post('/api/rapport/v1/pages', {
    title: `A page by ${who.account.username}`,
    body: 'How we do things here.',
    community_id: communityId,
  });
  expect(res.status, res.text).toBe(200);
  return { id: res.body.id as string, revision: res.body.revision as number };
}

export async function editPage(who: Person, page: { id: string; revision: number }) {
  const res = await who.api.put(`/api/rapport/v1/pages/${page.id}`, {
    title: 'A page, edited',
    body: `How we do things here, as ${who.account.username} sees it.`,
    base_revision: page.revision,
  });
  expect(res.status, res.text).toBe(200);
  return { id: page.id, revision: res.body.revision as number };
}

/** A community made through the API by its owner, joined by the others. */
export async function community(
  owner: Person,
  members: Person[],
  privacy: 'public' | 'private' | 'secret' = 'public',
): Promise<string> {
  const res = await owner.api.post('/api/rapport/v1/communities', {
    name: `Team ${Math.random().toString(36).slice(2, 8)}`,
    privacy,
  });
  expect(res.status, res.text).toBe(200);
  const id = res.body.id as string;
  // A public community is joined; the others by invitation.
  if (privacy !== 'public' && members.length > 0) await invite(owner, id, members);
  for (const m of members) await join(m, id);
  return id;
}

/** Invites people into a community (an admin brings guests in, who see no one else). */
export async function invite(inviter: Person, communityId: string, invitees: Person[]) {
  const res = await inviter.api.post(`/api/rapport/v1/communities/${communityId}/members`, {
    account_ids: invitees.map((m) => String(m.account.id)),
  });
  expect(res.status, res.text).toBe(200);
}

export async function join(who: Person, communityId: string) {
  const res = await who.api.post(`/api/rapport/v1/communities/${communityId}/join`);
  expect(res.status, res.text).toBe(200);
}

/** YYYY-MM-DD of today (UTC) plus `days`. */
export function day(days = 0): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The three days around now: yesterday, today and tomorrow (one week of the report). */
export function aroundToday(scope: string, extra = ''): string {
  return `/api/rapport/v1/analytics/participation?scope=${encodeURIComponent(scope)}&from=${day(-1)}&to=${day(1)}${extra}`;
}

export const SUPPRESSED = { suppressed: true };

export async function setMinGroupSize(admin: Person, size: number) {
  const res = await admin.api.put('/api/rapport/v1/analytics/settings', { min_group_size: size });
  expect(res.status, res.text).toBe(200);
}
