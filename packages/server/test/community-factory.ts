import type { CommunityPrivacy, CommunityRole, MembershipState } from '@rapport/schema';
import type { AppContext } from '../src/context';
import { newId } from '../src/db/ids';

/**
 * Communities and memberships written straight into the database, for tests of features
 * that live in communities without going through the communities API. (No HTTP helpers
 * here, so the browser tests can import it too.)
 */
export async function insertCommunity(
  ctx: AppContext,
  options: { privacy?: CommunityPrivacy; name?: string; createdById?: number | null } = {},
): Promise<{ id: number; name: string }> {
  const id = newId();
  const now = Date.now();
  const name = options.name ?? `Community ${id}`;
  await ctx.db
    .insertInto('communities')
    .values({
      id,
      name,
      name_key: name.toLowerCase(),
      description: '',
      privacy: options.privacy ?? 'public',
      cover_file: null,
      cover_description: '',
      created_by_id: options.createdById ?? null,
      members_count: 0,
      statuses_count: 0,
      last_status_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, name };
}

/** Puts someone in a community (or leaves them invited or asking), keeping its count true. */
export async function addMember(
  ctx: AppContext,
  communityId: number,
  accountId: number,
  role: CommunityRole = 'member',
  state: MembershipState = 'member',
): Promise<void> {
  const now = Date.now();
  await ctx.db
    .insertInto('community_members')
    .values({
      community_id: communityId,
      account_id: accountId,
      role,
      state,
      invited_by_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (state === 'member') {
    await ctx.db
      .updateTable('communities')
      .set((eb) => ({ members_count: eb('members_count', '+', 1) }))
      .where('id', '=', communityId)
      .execute();
  }
}

/** A community with its owner, moderators and members. */
export async function createCommunity(
  ctx: AppContext,
  options: {
    privacy?: CommunityPrivacy;
    owner: { id: number };
    members?: Array<{ id: number }>;
    moderators?: Array<{ id: number }>;
    name?: string;
  },
): Promise<{ id: number; name: string }> {
  const community = await insertCommunity(ctx, {
    privacy: options.privacy ?? 'public',
    createdById: options.owner.id,
    ...(options.name ? { name: options.name } : {}),
  });
  await addMember(ctx, community.id, options.owner.id, 'owner');
  for (const m of options.moderators ?? []) await addMember(ctx, community.id, m.id, 'moderator');
  for (const m of options.members ?? []) await addMember(ctx, community.id, m.id, 'member');
  return community;
}
