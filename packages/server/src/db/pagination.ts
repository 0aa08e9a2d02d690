import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { HttpError } from '../errors';

/**
 * The one keyset pagination helper. Every list orders by a unique key (ending with the id)
 * and continues after the last row it returned, so each page costs an index range scan
 * however deep the reader goes.
 *
 * Mastodon lists page by id with max_id / since_id / min_id; Rapport lists that sort by
 * something else (a name) page with an opaque `cursor` holding the last row's key.
 */
export interface SortKey {
  /** Column reference as SQL sees it, e.g. "accounts.sort_name". */
  column: string;
  direction: 'asc' | 'desc';
}

export interface IdPageParams {
  max_id?: string | undefined;
  since_id?: string | undefined;
  min_id?: string | undefined;
  limit?: number | undefined;
}

export interface IdPage {
  maxId: number | undefined;
  sinceId: number | undefined;
  minId: number | undefined;
  limit: number;
}

export function idPage(params: IdPageParams, defaultLimit = 20, maxLimit = 40): IdPage {
  const id = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  return {
    maxId: id(params.max_id),
    sinceId: id(params.since_id),
    minId: id(params.min_id),
    limit: Math.min(params.limit ?? defaultLimit, maxLimit),
  };
}

/** Newest first; with min_id, the page just above min_id (fetched ascending, then reversed). */
export function applyIdPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  column: string,
  page: IdPage,
): SelectQueryBuilder<DB, TB, O> {
  const ref = sql.ref(column);
  let q = query;
  if (page.maxId !== undefined) q = q.where(sql<boolean>`${ref} < ${page.maxId}`);
  if (page.sinceId !== undefined) q = q.where(sql<boolean>`${ref} > ${page.sinceId}`);
  if (page.minId !== undefined) q = q.where(sql<boolean>`${ref} > ${page.minId}`);
  const ascending = page.minId !== undefined;
  return q.orderBy(sql.raw(column), ascending ? 'asc' : 'desc').limit(page.limit);
}

export function finishIdPage<T>(rows: T[], page: IdPage): T[] {
  return page.minId !== undefined ? rows.slice().reverse() : rows;
}

export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, keys: SortKey[]): Array<string | number> {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === keys.length &&
      values.every((value) => typeof value === 'string' || typeof value === 'number')
    ) {
      return values;
    }
  } catch {
    // fall through to the error below
  }
  throw new HttpError(
    400,
    'bad_request',
    'The cursor parameter is not valid; start from the first page',
  );
}

/** Rows strictly after `after` in the order `keys` describe. */
export function applyCursor<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  keys: SortKey[],
  after: Array<string | number> | undefined,
  limit: number,
): SelectQueryBuilder<DB, TB, O> {
  let q = query;
  if (after) q = q.where(afterCondition(keys, after));
  for (const key of keys) q = q.orderBy(sql.raw(key.column), key.direction);
  return q.limit(limit);
}

/** (k1 > v1) or (k1 = v1 and k2 > v2) or ..., with < for descending keys. */
function afterCondition(keys: SortKey[], after: Array<string | number>): RawBuilder<boolean> {
  const alternatives = keys.map((key, i) => {
    const equal = keys
      .slice(0, i)
      .map((previous, j) => sql`${sql.ref(previous.column)} = ${after[j]}`);
    const operator = key.direction === 'asc' ? sql.raw('>') : sql.raw('<');
    const strict = sql`${sql.ref(key.column)} ${operator} ${after[i]}`;
    return sql`(${sql.join([...equal, strict], sql` and `)})`;
  });
  return sql<boolean>`(${sql.join(alternatives, sql` or `)})`;
}
