import { idAt } from '../../db/ids';
import type { Db } from '../../db/tables';
import type { Period } from './period';
import type { AnalyticsScope } from './scope';

/** Ids are sent in chunks, so a year of questions never makes one huge statement. */
const CHUNK = 500;

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/**
 * The answers to the questions asked in the period: direct replies by anyone but the
 * asker (the questions service's definition), read through `statuses_reply` from the
 * questions' primary-key range (or one community's).
 */
export async function answersToQuestions(
  db: Db,
  scope: AnalyticsScope,
  period: Period,
): Promise<Array<{ questionId: number; accountId: number }>> {
  let query = db
    .selectFrom('questions as q')
    .innerJoin('statuses as s', 's.id', 'q.status_id')
    .innerJoin('statuses as r', 'r.in_reply_to_id', 'q.status_id')
    .select(['q.status_id as questionId', 'r.account_id as accountId'])
    .where('q.status_id', '>=', idAt(period.from))
    .where('q.status_id', '<', idAt(period.to))
    .whereRef('r.account_id', '<>', 's.account_id');
  if (scope.kind === 'community') query = query.where('q.community_id', '=', scope.id);
  return query.execute();
}

/** The hashtags of the questions asked in the period (index status_tags_status). */
export async function questionTags(
  db: Db,
  scope: AnalyticsScope,
  period: Period,
): Promise<Array<{ questionId: number; name: string; nameKey: string }>> {
  let query = db
    .selectFrom('questions as q')
    .innerJoin('status_tags as st', 'st.status_id', 'q.status_id')
    .innerJoin('tags as t', 't.id', 'st.tag_id')
    .select(['q.status_id as questionId', 't.name', 't.name_key as nameKey'])
    .where('q.status_id', '>=', idAt(period.from))
    .where('q.status_id', '<', idAt(period.to));
  if (scope.kind === 'community') query = query.where('q.community_id', '=', scope.id);
  return query.execute();
}

/**
 * Page revisions written in the period, with their page's community (index
 * page_revisions_created; `pages_community` for one community). Revisions whose author's
 * account is gone are left out: nobody's knowledge to count.
 */
export async function revisionsWritten(
  db: Db,
  scope: AnalyticsScope,
  period: Period,
): Promise<Array<{ pageId: number; communityId: number | null; authorId: number }>> {
  let query = db
    .selectFrom('page_revisions as r')
    .innerJoin('pages as p', 'p.id', 'r.page_id')
    .select(['r.page_id as pageId', 'p.community_id as communityId', 'r.author_id as authorId'])
    .where('r.created_at', '>=', period.from)
    .where('r.created_at', '<', period.to)
    .where('r.author_id', 'is not', null);
  if (scope.kind === 'community') query = query.where('p.community_id', '=', scope.id);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, authorId: Number(row.authorId) }));
}

/** Names of communities, and which of them have at least one page (of any time). */
export async function communityFacts(
  db: Db,
  ids: number[],
): Promise<Map<number, { name: string; hasPages: boolean }>> {
  const facts = new Map<number, { name: string; hasPages: boolean }>();
  for (const chunk of chunks(ids)) {
    const [named, withPages] = await Promise.all([
      db.selectFrom('communities').select(['id', 'name']).where('id', 'in', chunk).execute(),
      db
        .selectFrom('pages')
        .select('community_id')
        .distinct()
        .where('community_id', 'in', chunk)
        .execute(),
    ]);
    const paged = new Set(withPages.map((row) => Number(row.community_id)));
    for (const row of named) facts.set(row.id, { name: row.name, hasPages: paged.has(row.id) });
  }
  return facts;
}

/** The skills lists (JSON arrays) of people who are not suspended and list any. */
export async function listedSkills(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('accounts')
    .select('skills')
    .where('suspended', '=', 0)
    .where('skills', '<>', '[]')
    .execute();
  return rows.map((row) => row.skills);
}
