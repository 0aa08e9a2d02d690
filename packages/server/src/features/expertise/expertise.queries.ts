import type { Db } from '../../db/tables';

/** People whose profile terms include any of these words (account_terms primary key). */
export async function accountIdsWithTerms(
  db: Db,
  words: string[],
  limit: number,
): Promise<number[]> {
  if (words.length === 0) return [];
  const rows = await db
    .selectFrom('account_terms')
    .select('account_id')
    .distinct()
    .where('term', 'in', words)
    .limit(limit)
    .execute();
  return rows.map((row) => row.account_id);
}

/** The direct replies to these questions, oldest first (index statuses_reply). */
export async function replyIdsOf(db: Db, questionIds: number[], limit: number): Promise<number[]> {
  if (questionIds.length === 0) return [];
  const rows = await db
    .selectFrom('statuses')
    .select('id')
    .where('in_reply_to_id', 'in', questionIds)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
