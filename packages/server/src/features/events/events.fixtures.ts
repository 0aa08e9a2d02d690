import type { CommunityPrivacy, CommunityRole, Role } from '@rapport/schema';
import { expect } from 'vitest';
import { addMember, insertCommunity } from '../../../test/community-factory';
import { createAccountWithToken } from '../../../test/factories';
import type { TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import type { AccountRow } from '../accounts/accounts.queries';

/**
 * Test helpers for events. Communities are written straight into the database: their own
 * routes are built elsewhere.
 */
export interface Person {
  account: AccountRow;
  token: string;
  api: ReturnType<typeof api>;
}

export async function person(t: TestApp, role: Role = 'member', name?: string): Promise<Person> {
  const { account, token } = await createAccountWithToken(t.ctx, {
    role,
    ...(name ? { displayName: name } : {}),
  });
  return { account, token, api: api(t.app, token) };
}

export async function community(
  t: TestApp,
  privacy: CommunityPrivacy,
  members: Array<[Person, CommunityRole]> = [],
): Promise<number> {
  const { id } = await insertCommunity(t.ctx, { privacy });
  for (const [member, role] of members) await join(t, id, member, role);
  return id;
}

export async function join(
  t: TestApp,
  communityId: number,
  member: Person,
  role: CommunityRole = 'member',
  state: 'member' | 'invited' | 'requested' = 'member',
): Promise<void> {
  await addMember(t.ctx, communityId, member.account.id, role, state);
}

export async function leave(t: TestApp, communityId: number, member: Person): Promise<void> {
  await t.ctx.db
    .deleteFrom('community_members')
    .where('community_id', '=', communityId)
    .where('account_id', '=', member.account.id)
    .execute();
}

const HOUR = 3600_000;

/** An ISO instant `hours` from now, whole minutes. */
export function hoursFromNow(hours: number): string {
  return new Date(Math.floor((Date.now() + hours * HOUR) / 60_000) * 60_000).toISOString();
}

export function eventInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Quarterly all-hands',
    description: 'Results, plans and questions.',
    starts_at: hoursFromNow(24),
    ends_at: hoursFromNow(25),
    time_zone: 'Europe/Lisbon',
    location: 'Lisbon office, 3rd floor',
    online_url: 'https://meet.example.com/all-hands',
    ...overrides,
  };
}

/** Creates an event through the API and answers its JSON. */
export async function createEvent(organiser: Person, overrides: Record<string, unknown> = {}) {
  const res = await organiser.api.post('/api/rapport/v1/events', eventInput(overrides));
  expect(res.status, res.text).toBe(200);
  return res.body as { id: string; [key: string]: unknown };
}

/** Moves an event into the past (ended `hoursAgo`), as time passing would. */
export async function endEvent(t: TestApp, id: string, hoursAgo = 1): Promise<void> {
  const ends = Date.now() - hoursAgo * HOUR;
  await t.ctx.db
    .updateTable('events')
    .set({ starts_at: ends - HOUR, ends_at: ends })
    .where('id', '=', Number(id))
    .execute();
}

export async function countRows(t: TestApp, table: 'events' | 'event_rsvps' | 'event_terms') {
  const row = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
