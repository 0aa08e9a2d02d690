import { sql } from 'kysely';
import type { Db } from '../../db/tables';
import { visibleAccountSql } from '../visibility/account-scope.queries';
import type { AccountScope } from '../visibility/visibility';

const KNOWS = ['recognition', 'collaboration', 'trusted', 'close'] as const;

export interface TaggedStatus {
  status_id: number;
  account_id: number;
  tag: string;
}

/**
 * Who wrote lately with each hashtag: per tag, its newest `perTag` original statuses from
 * `sinceId` on by someone other than the viewer, one range of the status_tags primary key
 * (tag_id, status_id) each. Direct statuses are never candidates.
 */
export async function recentAuthorsOfTags(
  db: Db,
  tags: string[],
  options: { viewerId: number; sinceId: number; perTag: number },
): Promise<TaggedStatus[]> {
  if (tags.length === 0) return [];
  const found = await db
    .selectFrom('tags')
    .select(['id', 'name_key'])
    .where('name_key', 'in', tags)
    .execute();
  const perTag = await Promise.all(
    found.map((tag) =>
      db
        .selectFrom('status_tags as st')
        .innerJoin('statuses as s', 's.id', 'st.status_id')
        .select(['st.status_id', 's.account_id'])
        .where('st.tag_id', '=', tag.id)
        .where('st.status_id', '>=', options.sinceId)
        .where('s.account_id', '!=', options.viewerId)
        .where('s.reblog_of_id', 'is', null)
        .where('s.visibility', '!=', 'direct')
        .orderBy('st.status_id', 'desc')
        .limit(options.perTag)
        .execute()
        .then((rows) => rows.map((row) => ({ ...row, tag: tag.name_key }))),
    ),
  );
  return perTag.flat();
}

/** Those among `ids` the viewer already knows: recognition or above (stored stage). */
export async function knownAmong(db: Db, viewerId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('relationships')
    .select('other_id')
    .where('owner_id', '=', viewerId)
    .where('other_id', 'in', ids)
    .where('stage', 'in', KNOWS)
    .execute();
  return new Set(rows.map((row) => row.other_id));
}

/**
 * How many people know both the viewer and each candidate (recognition or above each way),
 * counted as `mutualContacts` lists them: people the viewer may see, not suspended, not
 * opted out. The viewer's contacts are one index range, each candidate a key lookup.
 */
export async function mutualCounts(
  db: Db,
  viewerId: number,
  scope: AccountScope,
  ids: number[],
): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('relationships as mine')
    .innerJoin('relationships as theirs', 'theirs.owner_id', 'mine.other_id')
    .innerJoin('accounts as a', 'a.id', 'mine.other_id')
    .select(['theirs.other_id as id', sql<number>`count(*)`.as('n')])
    .where('mine.owner_id', '=', viewerId)
    .where('mine.stage', 'in', KNOWS)
    .where('theirs.other_id', 'in', ids)
    .where('theirs.stage', 'in', KNOWS)
    .where('a.suspended', '=', 0)
    .where(visibleAccountSql('a', scope, viewerId))
    .where(
      sql<boolean>`not exists (select 1 from relationship_opt_outs o where o.account_id = a.id)`,
    )
    .groupBy('theirs.other_id')
    .execute();
  return new Map(rows.map((row) => [row.id, Number(row.n)]));
}
