import type { MembershipState } from '@rapport/schema';
import { prepared, preparedByIds } from '../../db/prepared';
import type { Db } from '../../db/tables';
import type { CommunityForRule } from './visibility';

/** A community as the visibility rule needs it, and the viewer's place in it. */
export interface CommunityAccess {
  community: CommunityForRule;
  name: string;
  membership: MembershipState | null;
}

const communitiesByIds = preparedByIds((db, ids) =>
  db.selectFrom('communities').select(['id', 'privacy', 'name']).where('id', 'in', ids),
);

const membershipsOf = prepared((db, viewerId: number, ids: number[]) =>
  db
    .selectFrom('community_members')
    .select(['community_id', 'state'])
    .where('account_id', '=', viewerId)
    .where('community_id', 'in', ids),
);

/**
 * The communities among `ids` that exist, with the viewer's place in each (two indexed
 * reads however many), for `canSee` on community content and the statuses posted there.
 */
export async function loadCommunityAccess(
  db: Db,
  viewerId: number,
  ids: number[],
): Promise<Map<number, CommunityAccess>> {
  const wanted = [...new Set(ids)];
  const access = new Map<number, CommunityAccess>();
  if (wanted.length === 0) return access;
  const [communities, memberships] = await Promise.all([
    communitiesByIds(db, wanted),
    membershipsOf(db, viewerId, wanted),
  ]);
  const stateOf = new Map(memberships.map((row) => [row.community_id, row.state]));
  for (const row of communities) {
    access.set(row.id, {
      community: { id: row.id, privacy: row.privacy },
      name: row.name,
      membership: stateOf.get(row.id) ?? null,
    });
  }
  return access;
}

const sharingQuery = prepared((db, viewerId: number, accountIds: number[]) =>
  db
    .selectFrom('community_members as theirs')
    .innerJoin('community_members as mine', 'mine.community_id', 'theirs.community_id')
    .select('theirs.account_id')
    .distinct()
    .where('mine.account_id', '=', viewerId)
    .where('mine.state', '=', 'member')
    .where('theirs.account_id', 'in', accountIds)
    .where('theirs.state', '=', 'member'),
);

/**
 * Which of these accounts are members of a community the viewer is a member of: people
 * who may see each other whatever their roles (a guest and the staff of their community).
 */
export async function loadSharedCommunities(
  db: Db,
  viewerId: number,
  accountIds: number[],
): Promise<Set<number>> {
  const wanted = [...new Set(accountIds)].filter((id) => id !== viewerId);
  if (wanted.length === 0) return new Set();
  const rows = await sharingQuery(db, viewerId, wanted);
  return new Set(rows.map((row) => row.account_id));
}
