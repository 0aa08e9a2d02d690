import { sql } from 'kysely';
import { applyIdPage, finishIdPage, type IdPage } from '../../db/pagination';
import { prepared } from '../../db/prepared';
import type { Db } from '../../db/tables';

/**
 * The viewer's home feed (fan-out on write), newest first: one range of home_feed's
 * primary key. Built once per shape (which of max_id, since_id, min_id are given).
 */
const homeFeed = prepared(
  (
    db,
    accountId: number,
    maxId: number | undefined,
    sinceId: number | undefined,
    minId: number | undefined,
    limit: number,
  ) =>
    applyIdPage(
      db.selectFrom('home_feed').select('status_id as id').where('account_id', '=', accountId),
      'status_id',
      { maxId, sinceId, minId, limit },
    ),
);

export async function homeFeedPage(db: Db, accountId: number, page: IdPage): Promise<number[]> {
  const rows = await homeFeed(db, accountId, page.maxId, page.sinceId, page.minId, page.limit);
  return finishIdPage(rows, page).map((row) => row.id);
}

/**
 * Older home entries read from the follow graph, for pages past what the feed holds
 * (feeds are trimmed to their newest entries). It reads only the (account_id, id) index of
 * the people followed, never the statuses themselves, so its cost is bounded by their
 * histories however long they have been silent; `canSee` decides what is shown (direct
 * statuses only to the people they mention) when the page is presented.
 */
export async function homeFromGraph(
  db: Db,
  accountId: number,
  beforeId: number | undefined,
  limit: number,
): Promise<number[]> {
  let query = db
    .selectFrom('statuses as s')
    .select('s.id')
    .where((eb) =>
      eb.or([
        eb('s.account_id', '=', accountId),
        eb(
          's.account_id',
          'in',
          eb
            .selectFrom('follows')
            .select('target_account_id')
            .where('follows.account_id', '=', accountId),
        ),
      ]),
    );
  if (beforeId !== undefined) query = query.where('s.id', '<', beforeId);
  const rows = await query.orderBy('s.id', 'desc').limit(limit).execute();
  return rows.map((row) => row.id);
}

/**
 * What the whole organisation may read: statuses outside communities and those of public
 * communities. Private and secret communities' statuses never reach the shared timelines
 * (`canSee` would drop them anyway; leaving them out keeps pages full).
 */
const forTheOrganisation = sql<boolean>`(s.community_id is null or exists (select 1 from communities c where c.id = s.community_id and c.privacy = 'public'))`;

/** The organisation timeline: original public statuses (partial index statuses_public). */
export async function publicPage(
  db: Db,
  page: IdPage,
  options: { onlyMedia: boolean },
): Promise<number[]> {
  let query = db
    .selectFrom('statuses as s')
    .select('s.id')
    .where('s.visibility', '=', 'public')
    .where('s.reblog_of_id', 'is', null)
    .where(forTheOrganisation);
  if (options.onlyMedia) query = query.where(hasMedia);
  return ids(finishIdPage(await applyIdPage(query, 's.id', page).execute(), page));
}

const hasMedia = sql<boolean>`exists (select 1 from media_attachments m where m.status_id = s.id)`;

export interface TagFilter {
  tagIds: number[];
  /** Every one of these tags must be there too. */
  allIds: number[];
  noneIds: number[];
  onlyMedia: boolean;
}

/** Public statuses with any of the tags, newest first (status_tags primary key per tag). */
export async function tagPage(db: Db, filter: TagFilter, page: IdPage): Promise<number[]> {
  if (filter.tagIds.length === 0) return [];
  let query = db
    .selectFrom('status_tags as t')
    .innerJoin('statuses as s', 's.id', 't.status_id')
    .select('s.id')
    .where('t.tag_id', 'in', filter.tagIds)
    .where('s.visibility', '=', 'public')
    .where('s.reblog_of_id', 'is', null)
    .where(forTheOrganisation);
  // Several tags can match one status; with one tag the key is the index's own order.
  const several = filter.tagIds.length > 1;
  if (several) query = query.distinct();
  for (const id of filter.allIds) {
    query = query.where(
      sql<boolean>`exists (select 1 from status_tags a where a.status_id = s.id and a.tag_id = ${id})`,
    );
  }
  if (filter.noneIds.length > 0) {
    query = query.where(
      sql<boolean>`not exists (select 1 from status_tags n where n.status_id = s.id and n.tag_id in (${sql.join(filter.noneIds)}))`,
    );
  }
  if (filter.onlyMedia) query = query.where(hasMedia);
  const key = several ? 's.id' : 't.status_id';
  return ids(finishIdPage(await applyIdPage(query, key, page).execute(), page));
}

export async function tagIdsByName(db: Db, names: string[]): Promise<number[]> {
  if (names.length === 0) return [];
  const rows = await db
    .selectFrom('tags')
    .select('id')
    .where(
      'name_key',
      'in',
      names.map((name) => name.replace(/^#/, '').toLowerCase()),
    )
    .execute();
  return rows.map((row) => row.id);
}

export interface AccountFilter {
  accountId: number;
  /** Visibilities worth reading for this viewer (the rest could never pass canSee). */
  visibilities: Array<'public' | 'unlisted' | 'private' | 'direct'>;
  viewerId: number;
  excludeReplies: boolean;
  excludeReblogs: boolean;
  onlyMedia: boolean;
  tagId: number | null | undefined;
}

/** One person's statuses and boosts, newest first (index statuses_account). */
export async function accountPage(db: Db, f: AccountFilter, page: IdPage): Promise<number[]> {
  let query = db
    .selectFrom('statuses as s')
    .select('s.id')
    .where('s.account_id', '=', f.accountId)
    .where((eb) =>
      eb.or([
        eb('s.visibility', 'in', f.visibilities),
        eb.exists(
          eb
            .selectFrom('status_mentions as m')
            .select('m.status_id')
            .whereRef('m.status_id', '=', 's.id')
            .where('m.account_id', '=', f.viewerId),
        ),
      ]),
    );
  if (f.excludeReplies) {
    // Replies to oneself (threads) stay, as Mastodon shows them.
    query = query.where((eb) =>
      eb.or([eb('s.in_reply_to_id', 'is', null), eb('s.in_reply_to_account_id', '=', f.accountId)]),
    );
  }
  if (f.excludeReblogs) query = query.where('s.reblog_of_id', 'is', null);
  if (f.onlyMedia) query = query.where(hasMedia);
  if (f.tagId !== undefined) {
    if (f.tagId === null) return [];
    query = query.where(
      sql<boolean>`exists (select 1 from status_tags t where t.status_id = s.id and t.tag_id = ${f.tagId})`,
    );
  }
  return ids(finishIdPage(await applyIdPage(query, 's.id', page).execute(), page));
}

const ids = (rows: Array<{ id: number }>) => rows.map((row) => row.id);
