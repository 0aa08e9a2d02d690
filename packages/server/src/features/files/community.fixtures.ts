import type { CommunityPrivacy, CommunityRole } from '@rapport/schema';
import { addMember, insertCommunity } from '../../../test/community-factory';
import type { TestApp } from '../../../test/harness';

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
  const { id } = await insertCommunity(t.ctx, { privacy });
  for (const [member, role] of members) await join(t, id, member, role);
  return id;
}

export async function join(t: TestApp, communityId: number, member: Member, role: CommunityRole) {
  await addMember(t.ctx, communityId, member.account.id, role);
}
