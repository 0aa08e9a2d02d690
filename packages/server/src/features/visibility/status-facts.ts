import { sql } from 'kysely';
import { prepared } from '../../db/prepared';
import type { Db } from '../../db/tables';
import type { StatusFacts } from './visibility';

export interface StatusKey {
  id: number;
  account_id: number;
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
 * How a viewer stands towards a batch of statuses (following, mentioned, blocked), in
 * two queries whatever the batch size, for `canSee`.
 */
export async function loadStatusFacts(
  db: Db,
  viewerId: number,
  statuses: StatusKey[],
): Promise<(status: StatusKey) => StatusFacts> {
  if (statuses.length === 0) {
    return () => ({ following: false, mentioned: false, blocked: false });
  }
  const authorIds = [...new Set(statuses.map((status) => status.account_id))];
  const [relations, mentions] = await Promise.all([
    loadRelationFacts(db, viewerId, authorIds),
    mentionsQuery(
      db,
      viewerId,
      statuses.map((status) => status.id),
    ),
  ]);
  const mentioned = new Set(mentions.map((row) => row.status_id));
  return (status) => ({
    following: relations.following.has(status.account_id),
    mentioned: mentioned.has(status.id),
    blocked: relations.blocked.has(status.account_id),
  });
}
