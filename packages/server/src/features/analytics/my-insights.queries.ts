import { idAt } from '../../db/ids';
import type { Db } from '../../db/tables';
import type { Period } from './period';

/**
 * The reads behind one person's own insights. Each starts from that person (their statuses,
 * favourites, page authorship: indexed by account) and reads a period by id range, since
 * status and favourite ids are minted at the moment they are written.
 */

/** A status the person wrote in the period, with what it replied to. */
export interface OwnStatus {
  id: number;
  created_at: number;
  community_id: number | null;
  in_reply_to_id: number | null;
  in_reply_to_account_id: number | null;
  /** A boost: a reaction, not a contribution. */
  reblog_of_id: number | null;
  /** A direct message: a private conversation, not participation in the network. */
  direct: boolean;
  /** The replied-to status's kind and time: a reply to someone else's question is an answer. */
  parent_kind: 'status' | 'question' | null;
  parent_created_at: number | null;
  /** That question's accepted answer, if any. */
  accepted_answer_id: number | null;
}

export async function ownStatuses(db: Db, accountId: number, period: Period): Promise<OwnStatus[]> {
  const rows = await db
    .selectFrom('statuses as s')
    .leftJoin('statuses as p', 'p.id', 's.in_reply_to_id')
    .leftJoin('questions as q', 'q.status_id', 's.in_reply_to_id')
    .select([
      's.id',
      's.created_at',
      's.community_id',
      's.in_reply_to_id',
      's.in_reply_to_account_id',
      's.reblog_of_id',
      's.visibility',
      'p.kind as parent_kind',
      'p.created_at as parent_created_at',
      'q.accepted_answer_id',
    ])
    .where('s.account_id', '=', accountId)
    .where('s.id', '>=', idAt(period.from))
    .where('s.id', '<', idAt(period.to))
    .orderBy('s.id')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    created_at: Number(row.created_at),
    community_id: row.community_id === null ? null : Number(row.community_id),
    in_reply_to_id: row.in_reply_to_id === null ? null : Number(row.in_reply_to_id),
    in_reply_to_account_id:
      row.in_reply_to_account_id === null ? null : Number(row.in_reply_to_account_id),
    reblog_of_id: row.reblog_of_id === null ? null : Number(row.reblog_of_id),
    direct: row.visibility === 'direct',
    parent_kind: row.parent_kind,
    parent_created_at: row.parent_created_at === null ? null : Number(row.parent_created_at),
    accepted_answer_id: row.accepted_answer_id === null ? null : Number(row.accepted_answer_id),
  }));
}

/** Of these questions, the ones the person had already replied to before `before`. */
export async function answeredBefore(
  db: Db,
  accountId: number,
  questionIds: number[],
  before: number,
): Promise<Set<number>> {
  const answered = new Set<number>();
  for (let i = 0; i < questionIds.length; i += 500) {
    const rows = await db
      .selectFrom('statuses')
      .select('in_reply_to_id')
      .where('account_id', '=', accountId)
      .where('in_reply_to_id', 'in', questionIds.slice(i, i + 500))
      .where('id', '<', idAt(before))
      .execute();
    for (const row of rows) answered.add(Number(row.in_reply_to_id));
  }
  return answered;
}

/** When the person wrote each page revision of the period. */
export async function ownRevisionTimes(
  db: Db,
  accountId: number,
  period: Period,
): Promise<number[]> {
  const rows = await db
    .selectFrom('page_authors as a')
    .innerJoin('page_revisions as r', 'r.page_id', 'a.page_id')
    .select('r.created_at')
    .where('a.account_id', '=', accountId)
    .where('r.author_id', '=', accountId)
    .where('r.created_at', '>=', period.from)
    .where('r.created_at', '<', period.to)
    .execute();
  return rows.map((row) => Number(row.created_at));
}

/** When the person favourited something in the period. */
export async function favouriteTimes(db: Db, accountId: number, period: Period): Promise<number[]> {
  const rows = await db
    .selectFrom('favourites')
    .select('created_at')
    .where('account_id', '=', accountId)
    .where('id', '>=', idAt(period.from))
    .where('id', '<', idAt(period.to))
    .execute();
  return rows.map((row) => Number(row.created_at));
}

/** When others replied to the person's statuses in the period (direct messages aside). */
export async function repliesReceivedTimes(
  db: Db,
  accountId: number,
  period: Period,
): Promise<number[]> {
  const rows = await db
    .selectFrom('statuses as r')
    .innerJoin('statuses as s', 's.id', 'r.in_reply_to_id')
    .select('r.created_at')
    .where('s.account_id', '=', accountId)
    .where('r.account_id', '<>', accountId)
    .where('r.visibility', '<>', 'direct')
    .where('r.id', '>=', idAt(period.from))
    .where('r.id', '<', idAt(period.to))
    .execute();
  return rows.map((row) => Number(row.created_at));
}

/** When others favourited or boosted the person's statuses in the period. */
export async function reactionsReceivedTimes(
  db: Db,
  accountId: number,
  period: Period,
): Promise<number[]> {
  const [favourites, boosts] = await Promise.all([
    db
      .selectFrom('favourites as f')
      .innerJoin('statuses as s', 's.id', 'f.status_id')
      .select('f.created_at')
      .where('s.account_id', '=', accountId)
      .where('f.account_id', '<>', accountId)
      .where('f.id', '>=', idAt(period.from))
      .where('f.id', '<', idAt(period.to))
      .execute(),
    db
      .selectFrom('statuses as b')
      .innerJoin('statuses as s', 's.id', 'b.reblog_of_id')
      .select('b.created_at')
      .where('s.account_id', '=', accountId)
      .where('b.account_id', '<>', accountId)
      .where('b.id', '>=', idAt(period.from))
      .where('b.id', '<', idAt(period.to))
      .execute(),
  ]);
  return [...favourites, ...boosts].map((row) => Number(row.created_at));
}

/** The names of these communities. */
export async function communityNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('communities')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [Number(row.id), row.name]));
}
