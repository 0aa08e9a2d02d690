import type { CommunityRole } from '@rapport/schema';
import { type Insertable, type RawBuilder, type Selectable, sql } from 'kysely';
import { forUpdate, prefixEnd } from '../../db/dialect';
import { applyCursor, type SortKey } from '../../db/pagination';
import type { Db } from '../../db/tables';
import type { PageAuthorsTable, PageRevisionsTable, PagesTable } from '../../db/tables/pages.table';
import type { Viewer } from '../../http/auth';
import { termsOf } from '../accounts/terms';

export type PageRow = Selectable<PagesTable>;
export type PageRevisionRow = Selectable<PageRevisionsTable>;
export type PageAuthorRow = Selectable<PageAuthorsTable>;

/** A page in a list: everything but the body, and the start of its HTML for the excerpt. */
export type PageListRow = Omit<PageRow, 'body' | 'body_html'> & { html_start: string };

export async function insertPage(db: Db, row: Insertable<PagesTable>): Promise<void> {
  await db.insertInto('pages').values(row).execute();
}

export async function findPage(db: Db, id: number): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The page row, locked until the transaction ends, so two saves cannot both pass the check. */
export async function lockPage(trx: Db, id: number): Promise<PageRow | undefined> {
  return forUpdate(
    trx,
    trx.selectFrom('pages').selectAll().where('id', '=', id),
  ).executeTakeFirst();
}

/**
 * Moves the page to its next revision, only if it is still at `baseRevision` (a second guard
 * besides the lock: a lost race never overwrites). Returns whether it did.
 */
export async function advancePage(
  trx: Db,
  id: number,
  baseRevision: number,
  patch: Pick<
    PageRow,
    'title' | 'body' | 'body_html' | 'revision' | 'updated_by_id' | 'updated_at'
  >,
): Promise<boolean> {
  const result = await trx
    .updateTable('pages')
    .set(patch)
    .where('id', '=', id)
    .where('revision', '=', baseRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deletePageRow(trx: Db, id: number): Promise<void> {
  await trx.deleteFrom('pages').where('id', '=', id).execute();
}

export async function insertRevision(db: Db, row: Insertable<PageRevisionsTable>): Promise<void> {
  await db.insertInto('page_revisions').values(row).execute();
}

/** Counts one more revision for its author (the first makes them a co-author). */
export async function countAuthorRevision(
  db: Db,
  input: { pageId: number; accountId: number; at: number },
): Promise<void> {
  await db
    .insertInto('page_authors')
    .values({
      page_id: input.pageId,
      account_id: input.accountId,
      revisions_count: 1,
      first_at: input.at,
      last_at: input.at,
    })
    .onConflict((conflict) =>
      conflict.columns(['page_id', 'account_id']).doUpdateSet({
        revisions_count: sql<number>`page_authors.revisions_count + 1`,
        last_at: input.at,
      }),
    )
    .execute();
}

/** Co-authors of these pages, most revisions first. */
export async function findAuthors(db: Db, pageIds: number[]): Promise<PageAuthorRow[]> {
  if (pageIds.length === 0) return [];
  return db
    .selectFrom('page_authors')
    .selectAll()
    .where('page_id', 'in', [...new Set(pageIds)])
    .orderBy('revisions_count', 'desc')
    .orderBy('first_at', 'asc')
    .execute();
}

export async function replacePageTerms(db: Db, pageId: number, terms: string[]): Promise<void> {
  await db.deleteFrom('page_terms').where('page_id', '=', pageId).execute();
  for (let i = 0; i < terms.length; i += 500) {
    await db
      .insertInto('page_terms')
      .values(terms.slice(i, i + 500).map((term) => ({ term, page_id: pageId })))
      .execute();
  }
}

/** The words a page is found by: those of its title and its body. */
export function pageTerms(title: string, body: string): string[] {
  return termsOf(title, body);
}

export async function findRevision(
  db: Db,
  pageId: number,
  n: number,
): Promise<PageRevisionRow | undefined> {
  return db
    .selectFrom('page_revisions')
    .selectAll()
    .where('page_id', '=', pageId)
    .where('n', '=', n)
    .executeTakeFirst();
}

export const REVISIONS_ORDER: SortKey[] = [{ column: 'page_revisions.n', direction: 'desc' }];

/** A page's revisions, newest first, without their bodies. */
export async function listRevisions(
  db: Db,
  pageId: number,
  after: Array<string | number> | undefined,
  limit: number,
): Promise<Array<Omit<PageRevisionRow, 'body'>>> {
  const query = db
    .selectFrom('page_revisions')
    .select([
      'page_id',
      'n',
      'title',
      'summary',
      'author_id',
      'lines_added',
      'lines_removed',
      'created_at',
    ])
    .where('page_id', '=', pageId);
  return applyCursor(query, REVISIONS_ORDER, after, limit).execute();
}

/** The communities the viewer is a member of, by name: where they may write pages. */
export async function findMemberCommunities(db: Db, viewerId: number, limit: number) {
  return db
    .selectFrom('community_members')
    .innerJoin('communities', 'communities.id', 'community_members.community_id')
    .select(['communities.id', 'communities.name', 'communities.privacy'])
    .where('community_members.account_id', '=', viewerId)
    .where('community_members.state', '=', 'member')
    .orderBy('communities.name_key')
    .limit(limit)
    .execute();
}

/** The viewer's role in each of these communities where they are a member. */
export async function findMemberRoles(
  db: Db,
  viewerId: number,
  communityIds: number[],
): Promise<Map<number, CommunityRole>> {
  const ids = [...new Set(communityIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('community_members')
    .select(['community_id', 'role'])
    .where('account_id', '=', viewerId)
    .where('state', '=', 'member')
    .where('community_id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.community_id, row.role]));
}

/**
 * The SQL twin of the page reading rule (pages.rules.ts `canReadPage`): organisation-wide
 * pages for the staff; a community's pages for its members, and for the staff when the
 * community is public. pages.visibility.test.ts checks the two agree.
 */
export function readablePageSql(viewer: Viewer): RawBuilder<boolean> {
  const memberOf = sql<boolean>`exists (select 1 from community_members m
    where m.community_id = pages.community_id and m.account_id = ${viewer.id}
    and m.state = 'member')`;
  if (viewer.role === 'guest') {
    return sql<boolean>`(pages.community_id is not null and ${memberOf})`;
  }
  return sql<boolean>`(pages.community_id is null or ${memberOf} or exists (select 1
    from communities c where c.id = pages.community_id and c.privacy = 'public'))`;
}

export const PAGES_ORDER: SortKey[] = [
  { column: 'pages.updated_at', direction: 'desc' },
  { column: 'pages.id', direction: 'desc' },
];

export interface PageListOptions {
  viewer: Viewer;
  /** A community's pages; null: organisation-wide pages only; undefined: all. */
  communityId?: number | null | undefined;
  q?: string | undefined;
  after?: Array<string | number> | undefined;
  limit: number;
}

/**
 * Pages the viewer may read, newest updated first: a range over pages_updated (or
 * pages_community), each search word a range over page_terms.
 */
export async function listReadablePages(db: Db, options: PageListOptions): Promise<PageListRow[]> {
  let query = db
    .selectFrom('pages')
    .select([
      'pages.id',
      'pages.community_id',
      'pages.title',
      'pages.revision',
      'pages.created_by_id',
      'pages.updated_by_id',
      'pages.created_at',
      'pages.updated_at',
      sql<string>`substr(pages.body_html, 1, 1500)`.as('html_start'),
    ])
    .where(readablePageSql(options.viewer));
  if (options.communityId === null) query = query.where('pages.community_id', 'is', null);
  else if (options.communityId !== undefined)
    query = query.where('pages.community_id', '=', options.communityId);
  for (const word of termsOf(options.q ?? '').slice(0, 5)) {
    query = query.where(
      'pages.id',
      'in',
      db
        .selectFrom('page_terms')
        .select('page_id')
        .where('term', '>=', word)
        .where('term', '<', prefixEnd(word)),
    );
  }
  return applyCursor(query, PAGES_ORDER, options.after, options.limit).execute();
}
