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
