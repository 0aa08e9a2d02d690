import { sql } from 'kysely';
import { idAt } from '../../db/ids';
import { applyCursor } from '../../db/pagination';
import type { Db } from '../../db/tables';
import type { Period } from './period';
import type { AnalyticsScope } from './scope';

export interface UnansweredFilter {
  scope: AnalyticsScope;
  period: Period;
  /** A department's members (scopeMembers): only their questions. */
  askerIds: number[] | null;
  viewerId: number;
}

/**
 * The questions still without an answer from someone other than the asker, oldest
 * first, after `afterId`: a range scan of `questions_state` (or `questions_community_state`
 * for one community). The SQL leaves out questions of communities whose content the viewer
 * could never read, so pages stay full; `canSee` still decides when the page is presented.
 * Beyond the organisation, people who opted out of analytics are not listed.
 */
export async function unansweredIds(
  db: Db,
  filter: UnansweredFilter,
  afterId: number | undefined,
  limit: number,
): Promise<Array<{ id: number; communityId: number | null }>> {
  const { scope, period, viewerId } = filter;
  let query = db
    .selectFrom('questions as q')
    .innerJoin('statuses as s', 's.id', 'q.status_id')
    .select(['q.status_id as id', 'q.community_id as communityId'])
    .where('q.state', '=', 'unanswered')
    .where('q.status_id', '>=', idAt(period.from))
    .where('q.status_id', '<', idAt(period.to))
    .where('s.hidden_at', 'is', null)
    .where(
      sql<boolean>`(q.community_id is null
        or exists (select 1 from communities c where c.id = q.community_id and c.privacy = 'public')
        or q.community_id in (select community_id from community_members
          where account_id = ${viewerId} and state = 'member'))`,
    );
  if (scope.kind === 'community') query = query.where('q.community_id', '=', scope.id);
  if (filter.askerIds !== null) {
    if (filter.askerIds.length === 0) return [];
    query = query.where('s.account_id', 'in', filter.askerIds);
  }
  if (scope.kind !== 'organisation') {
    query = query.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('analytics_opt_outs as o')
            .select('o.account_id')
            .whereRef('o.account_id', '=', 's.account_id'),
        ),
      ),
    );
  }
  const rows = await applyCursor(
    query,
    [{ column: 'q.status_id', direction: 'asc' }],
    afterId === undefined ? undefined : [afterId],
    limit,
  ).execute();
  return rows.map((row) => ({ id: Number(row.id), communityId: row.communityId }));
}
