import type { CommunityPrivacy, CommunityRole } from '@rapport/schema';
import type { TestApp } from '../../../test/harness';
import { newId } from '../../db/ids';

/**
 * Communities and memberships written straight to the database, for the file library's
 * server and browser tests: their own routes belong to the communities feature. (No HTTP
 * helpers here, so the browser tests can import it under the DOM library.)
 */
type Member = { account: { id: number } };

export async function community(
  t: TestApp,
  privacy: CommunityPrivacy,
  members: Array<[Member, CommunityRole]> = [],
): Promise<number> {
  const id = newId();
  const now = Date.now();
  await t.ctx.db
    .insertInto('communities')
    .values({
      id,
      name: `Community ${id}`,
      name_key: `community ${id}`,
      description: '',
      privacy,
      cover_file: null,
      cover_description: '',
      created_by_id: null,
      members_count: members.length,
      statuses_count: 0,
      last_status_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const [member, role] of members) await join(t, id, member, role);
  return id;
}

export async function join(t: TestApp, communityId: number, member: Member, role: CommunityRole) {
  const now = Date.now();
  await t.ctx.db
    .insertInto('community_members')
    .values({
      community_id: communityId,
      account_id: member.account.id,
      role,
      state: 'member',
      invited_by_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}
