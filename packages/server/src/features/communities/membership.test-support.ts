import type { Community, DomainEvent } from '@rapport/schema';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import type { Person } from './communities.fixtures';

/**
 * What the membership tests share: one app per test file, started by `useMembershipApp()`,
 * and helpers that read its state. `t` is a live binding, set once the app has started.
 */
export let t: TestApp;
const events: DomainEvent[] = [];

/** Starts the app before the file's tests and closes it after them. */
export function useMembershipApp(): void {
  beforeAll(async () => {
    t = await startTestApp();
    t.ctx.events.on('community.membership_changed', (event) => {
      events.push(event);
    });
  });
  afterAll(() => t.close());
}

/** The membership events about `c` since the last call. */
export async function changes(c: Community) {
  await t.ctx.events.settled();
  const mine = events.filter(
    (e) => e.type === 'community.membership_changed' && e.community_id === c.id,
  );
  events.length = 0;
  return mine.map((e) =>
    e.type === 'community.membership_changed' ? `${e.account_id} ${e.state} ${e.role}` : '',
  );
}

export async function place(c: Community, who: Person) {
  return (
    (await t.ctx.db
      .selectFrom('community_members')
      .select(['state', 'role'])
      .where('community_id', '=', Number(c.id))
      .where('account_id', '=', who.account.id)
      .executeTakeFirst()) ?? null
  );
}

export async function membersCount(c: Community) {
  const row = await t.ctx.db
    .selectFrom('communities')
    .select('members_count')
    .where('id', '=', Number(c.id))
    .executeTakeFirstOrThrow();
  return row.members_count;
}

export async function notificationsOf(who: Person) {
  const res = await who.api.get('/api/v1/notifications');
  expect(res.status, res.text).toBe(200);
  return res.body as Array<{
    type: string;
    account: { id: string };
    subject: { type: string; id: string; title: string; url: string } | null;
  }>;
}

export async function dbState() {
  return {
    members: await t.ctx.db
      .selectFrom('community_members')
      .selectAll()
      .orderBy('community_id')
      .orderBy('account_id')
      .execute(),
    counts: await t.ctx.db
      .selectFrom('communities')
      .select(['id', 'members_count'])
      .orderBy('id')
      .execute(),
    notifications: await t.ctx.db.selectFrom('notifications').select('id').orderBy('id').execute(),
  };
}
