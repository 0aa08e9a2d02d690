import { sql } from 'kysely';
import { prepared } from '../../db/prepared';
import type { Db } from '../../db/tables';
import { type CommunityAccess, loadCommunityAccess } from './community-facts';
import type { CommunityForRule, StatusFacts } from './visibility';

export interface StatusKey {
  id: number;
  account_id: number;
  community_id: number | null;
}

/** What `canSee` needs about one status besides the status and author themselves. */
export interface StatusContext {
  facts: StatusFacts;
  community: CommunityForRule | null;
}

/** How the viewer stands towards some authors: follows them, or a block stands between. */
export interface RelationFacts {
  following: ReadonlySet<number>;
  blocked: ReadonlySet<number>;
}

const relationsQuery = prepared((db, viewerId: number, authorIds: number[]) =>
  db
    .selectFrom('follows')
    .select([sql<string>`'f'`.as('kind'), 'target_account_id as account_id'])
    .where('account_id', '=', viewerId)
    .where('target_account_id', 'in', authorIds)
    .unionAll(
      db
        .selectFrom('blocks')
        .select([sql<string>`'b'`.as('kind'), 'target_account_id as account_id'])
        .where('account_id', '=', viewerId)
        .where('target_account_id', 'in', authorIds),
    )
    .unionAll(
      db
        .selectFrom('blocks')
        .select([sql<string>`'b'`.as('kind'), 'account_id'])
        .where('target_account_id', '=', viewerId)
        .where('account_id', 'in', authorIds),
    ),
);

/** Follows and blocks between the viewer and these authors, in one query. */
export async function loadRelationFacts(
  db: Db,
  viewerId: number,
  authorIds: number[],
): Promise<RelationFacts> {
  const following = new Set<number>();
  const blocked = new Set<number>();
  if (authorIds.length === 0) return { following, blocked };
  for (const row of await relationsQuery(db, viewerId, authorIds)) {
    (row.kind === 'f' ? following : blocked).add(row.account_id);
  }
  return { following, blocked };
}

const mentionsQuery = prepared((db, viewerId: number, statusIds: number[]) =>
  db
    .selectFrom('status_mentions')
    .select('status_id')
    .where('account_id', '=', viewerId)
    .where('status_id', 'in', statusIds),
);

/**
 * How a viewer stands towards a batch of statuses (following, mentioned, blocked, their
 * place in each status's community), in four indexed reads whatever the batch size, for
 * `canSee`. A status whose community no longer exists gets a community nobody may read.
 */
export async function loadStatusFacts(
  db: Db,
  viewerId: number,
  statuses: StatusKey[],
): Promise<(status: StatusKey) => StatusContext> {
  if (statuses.length === 0) {
    return () => ({
      facts: { following: false, mentioned: false, blocked: false, membership: null },
      community: null,
    });
  }
  const authorIds = [...new Set(statuses.map((status) => status.account_id))];
  const communityIds = statuses.flatMap((status) =>
    status.community_id === null ? [] : [status.community_id],
  );
  const [relations, mentions, communities] = await Promise.all([
    loadRelationFacts(db, viewerId, authorIds),
    mentionsQuery(
      db,
      viewerId,
      statuses.map((status) => status.id),
    ),
    loadCommunityAccess(db, viewerId, communityIds),
  ]);
  const mentioned = new Set(mentions.map((row) => row.status_id));
  return (status) => {
    const access = status.community_id === null ? undefined : communities.get(status.community_id);
    return {
      facts: {
        following: relations.following.has(status.account_id),
        mentioned: mentioned.has(status.id),
        blocked: relations.blocked.has(status.account_id),
        membership: access?.membership ?? null,
      },
      community: communityFor(status.community_id, access),
    };
  };
}

/** The community the rule sees; a vanished one is secret to everyone. */
export function communityFor(
  id: number | null,
  access: CommunityAccess | undefined,
): CommunityForRule | null {
  if (id === null) return null;
  return access?.community ?? { id, privacy: 'secret' };
}
