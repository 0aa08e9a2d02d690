import type { CommunityPrivacy, CommunityRole } from '@rapport/schema';
import { sql } from 'kysely';
import { idFor } from '../db/ids';
import type { Db } from '../db/tables';

/**
 * Direct writes of the demo's file libraries: communities made when the demo has none of
 * that name yet (the communities feature seeds its own), and dates moved into the past,
 * which services stamp with the current time.
 */

export async function findCommunityByName(db: Db, name: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('communities')
    .select('id')
    .where('name_key', '=', name.toLowerCase())
    .executeTakeFirst();
  return row?.id;
}

export async function insertCommunity(
  db: Db,
  community: {
    name: string;
    description: string;
    privacy: CommunityPrivacy;
    createdById: number;
    at: number;
  },
): Promise<number> {
  const id = idFor(community.at);
  await db
    .insertInto('communities')
    .values({
      id,
      name: community.name,
      name_key: community.name.toLowerCase(),
      description: community.description,
      privacy: community.privacy,
      cover_file: null,
      cover_description: '',
      created_by_id: community.createdById,
      members_count: 0,
      statuses_count: 0,
      last_status_at: null,
      created_at: community.at,
      updated_at: community.at,
    })
    .execute();
  return id;
}

/** Adds members (keeping anyone already there as they are) and recounts them. */
export async function addMembers(
  db: Db,
  communityId: number,
  members: Array<{ accountId: number; role: CommunityRole }>,
  at: number,
): Promise<void> {
  await db
    .insertInto('community_members')
    .values(
      members.map((member) => ({
        community_id: communityId,
        account_id: member.accountId,
        role: member.role,
        state: 'member' as const,
        invited_by_id: null,
        created_at: at,
        updated_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['community_id', 'account_id']).doNothing())
    .execute();
  await db
    .updateTable('communities')
    .set({
      members_count: sql<number>`(select count(*) from community_members
        where community_id = ${communityId} and state = 'member')`,
    })
    .where('id', '=', communityId)
    .execute();
}

/** Dates a version (and the file, when it is its latest) as the demo's history has it. */
export async function backdateVersion(
  db: Db,
  version: { fileId: number; n: number; at: number; first: boolean; latest: boolean },
): Promise<void> {
  await db
    .updateTable('file_versions')
    .set({ created_at: version.at })
    .where('file_id', '=', version.fileId)
    .where('n', '=', version.n)
    .execute();
  if (version.first) {
    await db
      .updateTable('community_files')
      .set({ created_at: version.at })
      .where('id', '=', version.fileId)
      .execute();
  }
  if (version.latest) {
    await db
      .updateTable('community_files')
      .set({ updated_at: version.at })
      .where('id', '=', version.fileId)
      .execute();
  }
  await db
    .updateTable('interactions')
    .set({ created_at: version.at })
    .where('subject_type', '=', 'file')
    .where('subject_id', '=', version.fileId)
    .where('created_at', '>', version.at)
    .execute();
}
