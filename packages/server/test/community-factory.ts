import type { CommunityPrivacy, CommunityRole } from '@rapport/schema';
import type { AppContext } from '../src/context';
import { newId } from '../src/db/ids';

/**
 * A community written straight into the database, for tests of features that live in
 * communities without going through the communities API.
 */
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
  const id = newId();
  const now = Date.now();
  const name = options.name ?? `Community ${id}`;
  const members: Array<[number, CommunityRole]> = [
    [options.owner.id, 'owner'],
    ...(options.moderators ?? []).map((m): [number, CommunityRole] => [m.id, 'moderator']),
    ...(options.members ?? []).map((m): [number, CommunityRole] => [m.id, 'member']),
  ];
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
      created_by_id: options.owner.id,
      members_count: members.length,
      statuses_count: 0,
      last_status_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('community_members')
    .values(
      members.map(([accountId, role]) => ({
        community_id: id,
        account_id: accountId,
        role,
        state: 'member' as const,
        invited_by_id: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return { id, name };
}
