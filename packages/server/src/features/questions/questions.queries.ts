import type { MembershipState, QuestionState, Role } from '@rapport/schema';
import { type Selectable, sql } from 'kysely';
import { forUpdate, greatest } from '../../db/dialect';
import { applyIdPage, finishIdPage, type IdPage } from '../../db/pagination';
import { prepared, preparedByIds } from '../../db/prepared';
import type { Db } from '../../db/tables';
import type { QuestionsTable } from '../../db/tables/questions.table';

export type QuestionRow = Selectable<QuestionsTable>;

export async function insertQuestion(
  db: Db,
  row: { statusId: number; communityId: number | null; at: number },
): Promise<void> {
  await db
    .insertInto('questions')
    .values({
      status_id: row.statusId,
      community_id: row.communityId,
      state: 'unanswered',
      accepted_answer_id: null,
      accepted_by_id: null,
      accepted_at: null,
      answers_count: 0,
      first_answer_at: null,
      last_answer_at: null,
      created_at: row.at,
    })
    .execute();
}

export async function findQuestion(db: Db, statusId: number): Promise<QuestionRow | undefined> {
  return db
    .selectFrom('questions')
    .selectAll()
    .where('status_id', '=', statusId)
    .executeTakeFirst();
}

/** The question row, locked until the transaction ends (acceptance is read, then written). */
export async function lockQuestion(db: Db, statusId: number): Promise<QuestionRow | undefined> {
  return forUpdate(
    db,
    db.selectFrom('questions').selectAll().where('status_id', '=', statusId),
  ).executeTakeFirst();
}

export async function updateQuestion(
  db: Db,
  statusId: number,
  values: Partial<Omit<QuestionRow, 'status_id' | 'community_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('questions').set(values).where('status_id', '=', statusId).execute();
}

/**
 * Counts one more answer in a single statement (answers posted at the same moment are all
 * counted), and answers the new count; undefined when the status is not a question.
 */
export async function countAnswer(db: Db, questionId: number, at: number) {
  return db
    .updateTable('questions')
    .set((eb) => ({
      answers_count: eb('answers_count', '+', 1),
      state: sql<QuestionState>`case when accepted_answer_id is null then 'answered' else 'accepted' end`,
      first_answer_at: sql<number>`coalesce(first_answer_at, ${at})`,
      last_answer_at: greatest(db, at, sql<number>`coalesce(last_answer_at, 0)`),
    }))
    .where('status_id', '=', questionId)
    .returning('answers_count')
    .executeTakeFirst();
}

/** The answers a question has, leaving one out: their number and first and last times. */
export async function answerStats(
  db: Db,
  question: { id: number; askerId: number },
  leavingOut: number,
): Promise<{ count: number; first: number | null; last: number | null }> {
  const row = await db
    .selectFrom('statuses')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.min<number | null>('created_at').as('first'),
      eb.fn.max<number | null>('created_at').as('last'),
    ])
    .where('in_reply_to_id', '=', question.id)
    .where('account_id', '<>', question.askerId)
    .where('id', '<>', leavingOut)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), first: row.first, last: row.last };
}

/** Who asked: the question's author (the parent of an answer being deleted). */
export async function findAuthorOf(db: Db, statusId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('statuses')
    .select('account_id')
    .where('id', '=', statusId)
    .executeTakeFirst();
  return row?.account_id;
}

export interface QuestionFilter {
  state: QuestionState | undefined;
  /** One community's questions; otherwise every question the viewer may be able to read. */
  communityId: number | undefined;
  viewer: { id: number; role: Role };
}

/**
 * Candidate question ids, newest first, as a keyset page over `questions_state` (or the
 * community indexes). The SQL leaves out what the viewer could never read, so pages stay
 * full: statuses of communities they may not read, followers-only ones of people they do
 * not follow, direct ones that do not mention them. `canSee` still decides, when the page
 * is presented.
 */
export async function questionsPage(db: Db, filter: QuestionFilter, page: IdPage) {
  const viewerId = filter.viewer.id;
  let query = db
    .selectFrom('questions as q')
    .innerJoin('statuses as s', 's.id', 'q.status_id')
    .select('q.status_id as id')
    .where(
      sql<boolean>`(s.account_id = ${viewerId} or s.visibility in ('public', 'unlisted')
        or exists (select 1 from status_mentions m where m.status_id = s.id and m.account_id = ${viewerId})
        or (s.visibility = 'private' and exists (select 1 from follows f
          where f.account_id = ${viewerId} and f.target_account_id = s.account_id)))`,
    );
  if (filter.state !== undefined) query = query.where('q.state', '=', filter.state);
  if (filter.communityId !== undefined) {
    query = query.where('q.community_id', '=', filter.communityId);
  } else {
    const mine = sql<boolean>`q.community_id in (select community_id from community_members
      where account_id = ${viewerId} and state = 'member')`;
    // Guests read only their communities; staff also the organisation and public communities.
    query =
      filter.viewer.role === 'guest'
        ? query.where(mine)
        : query.where(
            sql<boolean>`(q.community_id is null or ${mine} or exists (select 1 from communities c
              where c.id = q.community_id and c.privacy = 'public'))`,
          );
  }
  const rows = await applyIdPage(query, 'q.status_id', page).execute();
  return finishIdPage(rows, page).map((row) => row.id);
}

export interface QuestionFactRow {
  kind: string;
  id: number;
  state: QuestionState | null;
  n: number;
  ref: number | null;
  mine: number;
}

const questionRows = preparedByIds((db, ids) =>
  db
    .selectFrom('questions')
    .select([
      sql<string>`'q'`.as('kind'),
      'status_id as id',
      'state',
      'answers_count as n',
      'accepted_answer_id as ref',
      sql<number>`0`.as('mine'),
    ])
    .where('status_id', 'in', ids),
);

const questionAndVoteRows = prepared((db, viewerId: number, ids: number[], replyIds: number[]) =>
  db
    .selectFrom('questions')
    .select([
      sql<string>`'q'`.as('kind'),
      'status_id as id',
      sql<QuestionState | null>`state`.as('state'),
      'answers_count as n',
      'accepted_answer_id as ref',
      sql<number>`0`.as('mine'),
    ])
    .where('status_id', 'in', ids)
    .unionAll(
      db
        .selectFrom('answer_votes')
        .select((eb) => [
          sql<string>`'v'`.as('kind'),
          'status_id as id',
          sql<QuestionState | null>`null`.as('state'),
          eb.fn.countAll<number>().as('n'),
          sql<number | null>`null`.as('ref'),
          sql<number>`max(case when account_id = ${viewerId} then 1 else 0 end)`.as('mine'),
        ])
        .where('status_id', 'in', replyIds)
        .groupBy('status_id'),
    ),
);

/**
 * In one query: the question rows among `ids` (the page's questions and the parents of its
 * replies), and the votes of `replyIds` with whether the viewer gave one. Rows of kind `q`
 * carry state, answers count (`n`) and accepted answer (`ref`); rows of kind `v` a vote
 * count (`n`) and the viewer's vote (`mine`).
 */
export async function findQuestionFacts(
  db: Db,
  viewerId: number,
  ids: number[],
  replyIds: number[],
): Promise<QuestionFactRow[]> {
  if (replyIds.length === 0) return (await questionRows(db, ids)) as QuestionFactRow[];
  return (await questionAndVoteRows(db, viewerId, ids, replyIds)) as QuestionFactRow[];
}

/** Records a vote; false when this person had already voted for the answer. */
export async function insertVote(
  db: Db,
  vote: { answerId: number; accountId: number; at: number },
): Promise<boolean> {
  const result = await db
    .insertInto('answer_votes')
    .values({ status_id: vote.answerId, account_id: vote.accountId, created_at: vote.at })
    .onConflict((oc) => oc.columns(['status_id', 'account_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes a vote back; false when there was none. */
export async function deleteVote(db: Db, answerId: number, accountId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('answer_votes')
    .where('status_id', '=', answerId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The viewer's role in a community, when they are a member of it. */
export async function findCommunityRole(db: Db, communityId: number, accountId: number) {
  const row = await db
    .selectFrom('community_members')
    .select('role')
    .where('community_id', '=', communityId)
    .where('account_id', '=', accountId)
    .where('state', '=', 'member')
    .executeTakeFirst();
  return row?.role ?? null;
}

/** Which of these people were already asked to answer this question. */
export async function alreadyAsked(db: Db, questionId: number, accountIds: number[]) {
  if (accountIds.length === 0) return new Set<number>();
  const rows = await db
    .selectFrom('notifications')
    .select('account_id')
    .where('status_id', '=', questionId)
    .where('type', '=', 'question_suggested')
    .where('account_id', 'in', accountIds)
    .execute();
  return new Set(rows.map((row) => row.account_id));
}

/** Who already answered a question (they need no suggestion to). */
export async function answererIds(db: Db, questionId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('statuses')
    .select('account_id')
    .where('in_reply_to_id', '=', questionId)
    .execute();
  return new Set(rows.map((row) => row.account_id));
}

/**
 * How these people stand towards one status's author and community, in four indexed reads:
 * who follows the author, whom the status mentions, blocks either way, and memberships.
 */
export async function audienceFacts(
  db: Db,
  status: { id: number; account_id: number; community_id: number | null },
  accountIds: number[],
) {
  if (accountIds.length === 0) {
    return {
      following: new Set<number>(),
      mentioned: new Set<number>(),
      blocked: new Set<number>(),
      membership: new Map<number, MembershipState>(),
    };
  }
  const [follows, mentions, blocks, memberships] = await Promise.all([
    db
      .selectFrom('follows')
      .select('account_id')
      .where('target_account_id', '=', status.account_id)
      .where('account_id', 'in', accountIds)
      .execute(),
    db
      .selectFrom('status_mentions')
      .select('account_id')
      .where('status_id', '=', status.id)
      .where('account_id', 'in', accountIds)
      .execute(),
    db
      .selectFrom('blocks')
      .select(['account_id', 'target_account_id'])
      .where((eb) =>
        eb.or([
          eb.and([
            eb('account_id', '=', status.account_id),
            eb('target_account_id', 'in', accountIds),
          ]),
          eb.and([
            eb('target_account_id', '=', status.account_id),
            eb('account_id', 'in', accountIds),
          ]),
        ]),
      )
      .execute(),
    status.community_id === null
      ? []
      : db
          .selectFrom('community_members')
          .select(['account_id', 'state'])
          .where('community_id', '=', status.community_id)
          .where('account_id', 'in', accountIds)
          .execute(),
  ]);
  return {
    following: new Set(follows.map((row) => row.account_id)),
    mentioned: new Set(mentions.map((row) => row.account_id)),
    blocked: new Set(
      blocks.map((row) =>
        row.account_id === status.account_id ? row.target_account_id : row.account_id,
      ),
    ),
    membership: new Map<number, MembershipState>(
      memberships.map((row) => [row.account_id, row.state]),
    ),
  };
}
