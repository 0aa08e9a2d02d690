import type { Db } from '../../db/tables';

/**
 * People whose profile terms include any of these words (account_terms primary key), with
 * just what a skill match needs; suspended people are never evidence.
 */
export async function profilesWithTerms(
  db: Db,
  words: string[],
  limit: number,
): Promise<Array<{ id: number; username: string; skills: string }>> {
  if (words.length === 0) return [];
  return db
    .selectFrom('accounts')
    .select(['id', 'username', 'skills'])
    .where('suspended', '=', 0)
    .where('id', 'in', (eb) =>
      eb.selectFrom('account_terms').select('account_id').where('term', 'in', words),
    )
    .limit(limit)
    .execute();
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
