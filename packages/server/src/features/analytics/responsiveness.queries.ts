import { idAt } from '../../db/ids';
import type { Db } from '../../db/tables';
import type { Period } from './period';
import type { AnalyticsScope } from './scope';

/** A question as responsiveness and knowledge risk weigh it. */
export interface AskedQuestion {
  id: number;
  askerId: number;
  communityId: number | null;
  createdAt: number;
  /** The first reply by someone other than the asker (the questions service keeps it). */
  firstAnswerAt: number | null;
  accepted: boolean;
}

/**
 * The questions asked in the period: a range scan of the questions' primary key (ids are
 * minted when a status is posted), or of `questions_community` for one community. Questions
 * a moderator hid are left out. Department and opt-out filters are the caller's.
 */
export async function questionsAsked(
  db: Db,
  scope: AnalyticsScope,
  period: Period,
): Promise<AskedQuestion[]> {
  let query = db
    .selectFrom('questions as q')
    .innerJoin('statuses as s', 's.id', 'q.status_id')
    .select([
      'q.status_id as id',
      's.account_id as askerId',
      'q.community_id as communityId',
      'q.created_at as createdAt',
      'q.first_answer_at as firstAnswerAt',
      'q.accepted_answer_id as acceptedAnswerId',
    ])
    .where('q.status_id', '>=', idAt(period.from))
    .where('q.status_id', '<', idAt(period.to))
    .where('s.hidden_at', 'is', null);
  if (scope.kind === 'community') query = query.where('q.community_id', '=', scope.id);
  const rows = await query.orderBy('q.status_id').execute();
  return rows.map(({ acceptedAnswerId, ...row }) => ({
    ...row,
    accepted: acceptedAnswerId !== null,
  }));
}

/** People counted in organisation totals only (analytics_opt_outs). */
export async function optedOutIds(db: Db): Promise<Set<number>> {
  const rows = await db.selectFrom('analytics_opt_outs').select('account_id').execute();
  return new Set(rows.map((row) => Number(row.account_id)));
}
