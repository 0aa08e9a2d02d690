import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { idAt, idTime } from '../../db/ids';
import type { Db, Tables } from '../../db/tables';
import { DAY_MS } from '../../lib/time';
import { type Period, WEEK_MS } from './period';

/**
 * The reads behind the participation dashboard. Each one groups by person (and week) in
 * SQL, so no status row ever reaches JavaScript: a year of an organisation's statuses
 * comes back as at most one row per person per week. A period is an id range on statuses
 * and favourites (`idAt(from)`..`idAt(to)`: snowflake ids sort by time).
 *
 * `narrow` keeps a read to one community's content (its statuses, the reactions to them,
 * its pages), or else to the organisation's people (of one department, if given). Read
 * person by person, statuses come from `statuses_analytics`, favourites from
 * `favourites_account` and visits from the activity key, each an index that holds every
 * column the read needs in (person, time) order: SQLite then groups presorted rows, two to
 * three times faster than grouping a time range's rows in random person order. The caller
 * still keeps only the scope's members (created before the period ends, not opted out).
 * Numbers that divide are written as literals: SQLite divides by a bound number as a real.
 */

/** One community's content; or, when `community` is null, people (of one department, or all). */
export interface Narrowing {
  community: number | null;
  department: string | null;
}

/** The people a read about the organisation or a department takes: staff, not suspended. */
function peopleOf(db: Db, narrow: Narrowing) {
  return db
    .selectFrom('accounts as pp')
    .select('pp.id')
    .where('pp.suspended', '=', 0)
    .where('pp.role', 'in', ['member', 'admin'])
    .$if(narrow.department !== null, (q) => q.where('pp.department', '=', narrow.department ?? ''));
}

/** What one person wrote in one week of the period (statuses: boosts apart). */
export interface StatusWeek {
  account_id: number;
  week: number;
  /** Statuses that are contributions: not boosts, not direct messages. */
  contributions: number;
  /** Of those, the ones that start something (not a reply to someone else). */
  posts: number;
  /** Of those, replies (answers included) to someone else. */
  replies: number;
  /** Boosts given. */
  boosts: number;
  /** When the week's first and last contribution were written (null when only boosts). */
  first_at: number | null;
  last_at: number | null;
}

/**
 * Statuses written in the period by person and week. A contribution is a status that is
 * not a boost and not a direct message (private conversation, not participation in the
 * network); a hidden (moderated) status still counts: it was written. Replies to oneself
 * (a thread continued) count as posts, not as replies.
 */
export async function statusWeeks(
  db: Db,
  period: Period,
  narrow: Narrowing,
): Promise<StatusWeek[]> {
  const contribution = sql`(s.reblog_of_id is null and s.visibility <> 'direct')`;
  const reply = sql`(s.in_reply_to_account_id is not null and s.in_reply_to_account_id <> s.account_id)`;
  const rows = await db
    .selectFrom('statuses as s')
    .select([
      's.account_id',
      idWeek(period, sql.ref('s.id')).as('week'),
      sql<number>`sum(case when ${contribution} then 1 else 0 end)`.as('contributions'),
      sql<number>`sum(case when ${contribution} and not ${reply} then 1 else 0 end)`.as('posts'),
      sql<number>`sum(case when ${contribution} and ${reply} then 1 else 0 end)`.as('replies'),
      sql<number>`sum(case when s.reblog_of_id is not null then 1 else 0 end)`.as('boosts'),
      sql<number | null>`min(case when ${contribution} then s.id end)`.as('first_id'),
      sql<number | null>`max(case when ${contribution} then s.id end)`.as('last_id'),
    ])
    .where('s.id', '>=', idAt(period.from))
    .where('s.id', '<', idAt(period.to))
    .$if(narrow.community !== null, (q) => q.where('s.community_id', '=', narrow.community))
    .$if(narrow.community === null, (q) => q.where('s.account_id', 'in', peopleOf(db, narrow)))
    .groupBy(['s.account_id', sql`week`])
    .execute();
  return rows.map((row) => ({
    account_id: Number(row.account_id),
    week: Number(row.week),
    contributions: Number(row.contributions),
    posts: Number(row.posts),
    replies: Number(row.replies),
    boosts: Number(row.boosts),
    first_at: row.first_id === null ? null : idTime(Number(row.first_id)),
    last_at: row.last_id === null ? null : idTime(Number(row.last_id)),
  }));
}

/** Page revisions one person saved in one week, and the first and last of them (epoch ms). */
export interface RevisionWeek {
  account_id: number;
  week: number;
  revisions: number;
  first_at: number;
  last_at: number;
}

/** Page revisions saved in the period, by author and week (for a community: its pages). */
export async function revisionWeeks(
  db: Db,
  period: Period,
  narrow: Narrowing,
): Promise<RevisionWeek[]> {
  const rows = await db
    .selectFrom('page_revisions as r')
    .$if(narrow.community !== null, (q) =>
      q.innerJoin('pages as p', 'p.id', 'r.page_id').where('p.community_id', '=', narrow.community),
    )
    .$if(narrow.community === null, (q) => q.where('r.author_id', 'in', peopleOf(db, narrow)))
    .select([
      'r.author_id',
      msWeek(period, sql.ref('r.created_at')).as('week'),
      sql<number>`count(*)`.as('revisions'),
      sql<number>`min(r.created_at)`.as('first_at'),
      sql<number>`max(r.created_at)`.as('last_at'),
    ])
    .where('r.created_at', '>=', period.from)
    .where('r.created_at', '<', period.to)
    .where('r.author_id', 'is not', null)
    .groupBy(['r.author_id', sql`week`])
    .execute();
  return rows.map((row) => ({
    account_id: Number(row.author_id),
    week: Number(row.week),
    revisions: Number(row.revisions),
    first_at: Number(row.first_at),
    last_at: Number(row.last_at),
  }));
}

/** Favourites one person gave in one week. */
export interface CountWeek {
  account_id: number;
  week: number;
  count: number;
}

/** Favourites given in the period, by person and week (for a community: on its statuses). */
export async function favouriteWeeks(
  db: Db,
  period: Period,
  narrow: Narrowing,
): Promise<CountWeek[]> {
  const rows = await db
    .selectFrom('favourites as f')
    .$if(narrow.community !== null, (q) =>
      q
        .innerJoin('statuses as s', 's.id', 'f.status_id')
        .where('s.community_id', '=', narrow.community),
    )
    .$if(narrow.community === null, (q) => q.where('f.account_id', 'in', peopleOf(db, narrow)))
    .select(['f.account_id', idWeek(period, sql.ref('f.id')).as('week'), countAll()])
    .where('f.id', '>=', idAt(period.from))
    .where('f.id', '<', idAt(period.to))
    .groupBy(['f.account_id', sql`week`])
    .execute();
  return rows.map((row) => ({
    account_id: Number(row.account_id),
    week: Number(row.week),
    count: Number(row.count),
  }));
}

/**
 * The weeks in which each person used Rapport (any signed-in request). A day counts for
 * the period when it overlaps it; a day that began before the period belongs to its first
 * week. What someone read is not recorded, so for a community this is "its members who
 * used Rapport" (read through their memberships, not the whole organisation's days).
 */
export async function activityWeeks(
  db: Db,
  period: Period,
  narrow: Narrowing,
): Promise<{ account_id: number; week: number }[]> {
  const dayStart = sql<number>`(cast(d.day as bigint) * ${sql.lit(DAY_MS)})`;
  const rows = await db
    .selectFrom('account_activity_days as d')
    .$if(narrow.community !== null, (q) =>
      q
        .innerJoin('community_members as m', 'm.account_id', 'd.account_id')
        .where('m.community_id', '=', narrow.community)
        .where('m.state', '=', 'member'),
    )
    .$if(narrow.community === null, (q) => q.where('d.account_id', 'in', peopleOf(db, narrow)))
    .select([
      'd.account_id',
      sql<number>`case when ${dayStart} < ${sql.lit(period.from)} then 0
        else (${dayStart} - ${sql.lit(period.from)}) / ${sql.lit(WEEK_MS)} end`.as('week'),
    ])
    .where('d.day', '>=', Math.floor(period.from / DAY_MS))
    .where('d.day', '<', Math.ceil(period.to / DAY_MS))
    .groupBy(['d.account_id', sql`week`])
    .execute();
  return rows.map((row) => ({ account_id: Number(row.account_id), week: Number(row.week) }));
}

/** How many responses each person received: a reply, favourite or boost from someone else. */
export interface Received {
  account_id: number;
  count: number;
  /** A reply, or a reaction (favourite or boost). */
  kind: 'reply' | 'reaction';
}

/**
 * Responses others gave in the period to what each person wrote: replies (not direct
 * messages), favourites and boosts, never their own. For a community, responses to the
 * statuses posted in it.
 */
export async function responsesReceived(
  db: Db,
  period: Period,
  narrow: Narrowing,
): Promise<Received[]> {
  const { community } = narrow;
  const from = idAt(period.from);
  const to = idAt(period.to);
  const [replies, favourites, boosts] = await Promise.all([
    db
      .selectFrom('statuses as s')
      .select(['s.in_reply_to_account_id as account_id', countAll()])
      .where('s.id', '>=', from)
      .where('s.id', '<', to)
      .where('s.reblog_of_id', 'is', null)
      .where('s.visibility', '<>', 'direct')
      .where('s.in_reply_to_account_id', 'is not', null)
      .whereRef('s.in_reply_to_account_id', '<>', 's.account_id')
      .$if(community !== null, (q) => q.where('s.community_id', '=', community))
      .groupBy('s.in_reply_to_account_id')
      .execute(),
    db
      .selectFrom('favourites as f')
      .innerJoin('statuses as s', 's.id', 'f.status_id')
      .select(['s.account_id', countAll()])
      .where('f.id', '>=', from)
      .where('f.id', '<', to)
      .whereRef('f.account_id', '<>', 's.account_id')
      .$if(community !== null, (q) => q.where('s.community_id', '=', community))
      .groupBy('s.account_id')
      .execute(),
    db
      .selectFrom('statuses as b')
      .innerJoin('statuses as s', 's.id', 'b.reblog_of_id')
      .select(['s.account_id', countAll()])
      .where('b.id', '>=', from)
      .where('b.id', '<', to)
      .where('b.reblog_of_id', 'is not', null)
      .whereRef('b.account_id', '<>', 's.account_id')
      .$if(community !== null, (q) => q.where('b.community_id', '=', community))
      .groupBy('s.account_id')
      .execute(),
  ]);
  const rows = (list: typeof replies, kind: Received['kind']) =>
    list.map((row) => ({ account_id: Number(row.account_id), count: Number(row.count), kind }));
  return [...rows(replies, 'reply'), ...rows(favourites, 'reaction'), ...rows(boosts, 'reaction')];
}

/** How many ids one `in (...)` list carries. */
const CHUNK = 500;

/**
 * Of these people, those who contributed before `before` (in the community, if one is
 * given): a status (as `statusWeeks` counts them) or a page revision. Each check stops at
 * the first such contribution it finds.
 */
export async function contributedBefore(
  db: Db,
  accountIds: number[],
  before: number,
  community: number | null,
): Promise<number[]> {
  const found: number[] = [];
  for (let start = 0; start < accountIds.length; start += CHUNK) {
    const chunk = accountIds.slice(start, start + CHUNK);
    const rows = await db
      .selectFrom('accounts as a')
      .select('a.id')
      .where('a.id', 'in', chunk)
      .where((eb) =>
        eb.or([earlierStatus(eb, before, community), earlierPage(eb, before, community)]),
      )
      .execute();
    for (const row of rows) found.push(Number(row.id));
  }
  return found;
}

type AccountsEb = ExpressionBuilder<Tables & { a: Tables['accounts'] }, 'a'>;

function earlierStatus(eb: AccountsEb, before: number, community: number | null) {
  return eb.exists(
    eb
      .selectFrom('statuses as p')
      .select('p.id')
      .whereRef('p.account_id', '=', 'a.id')
      .where('p.id', '<', idAt(before))
      .where('p.reblog_of_id', 'is', null)
      .where('p.visibility', '<>', 'direct')
      .$if(community !== null, (q) => q.where('p.community_id', '=', community)),
  ) as Expression<SqlBool>;
}

/** `page_authors.first_at` is when the person first saved a revision of that page. */
function earlierPage(eb: AccountsEb, before: number, community: number | null) {
  return eb.exists(
    eb
      .selectFrom('page_authors as pa')
      .select('pa.page_id')
      .whereRef('pa.account_id', '=', 'a.id')
      .where('pa.first_at', '<', before)
      .$if(community !== null, (q) =>
        q.innerJoin('pages as pg', 'pg.id', 'pa.page_id').where('pg.community_id', '=', community),
      ),
  ) as Expression<SqlBool>;
}

/** Which week of the period a row with this snowflake id falls in. */
function idWeek(period: Period, id: Expression<unknown>) {
  return sql<number>`(${id} - ${sql.lit(idAt(period.from))}) / ${sql.lit(idAt(period.from + WEEK_MS) - idAt(period.from))}`;
}

/** Which week of the period a moment (epoch ms) falls in. */
function msWeek(period: Period, at: Expression<unknown>) {
  return sql<number>`(${at} - ${sql.lit(period.from)}) / ${sql.lit(WEEK_MS)}`;
}

function countAll() {
  return sql<number>`count(*)`.as('count');
}
