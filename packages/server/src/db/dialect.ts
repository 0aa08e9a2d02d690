import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

/**
 * Everything that differs between SQLite and PostgreSQL lives here; the rest of the code
 * writes one query for both. Conventions that make that possible: integer ids (snowflakes
 * below 2^53), epoch-millisecond timestamps, 0/1 booleans, lower-cased keys for
 * case-insensitive uniqueness.
 */
export type DialectName = 'sqlite' | 'postgres';

/** Anything queries run on: a Kysely instance or a transaction. */
export type Executor = Pick<Kysely<unknown>, 'getExecutor'>;

export function dialectOf(db: Executor): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column type for ids and epoch-ms timestamps. SQLite's `integer primary key` is the rowid. */
export function int64(db: Kysely<unknown>): 'integer' | 'bigint' {
  return dialectOf(db) === 'postgres' ? 'bigint' : 'integer';
}

/** Unique or primary-key violation, as each driver reports it. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Locks the rows a read-then-write check depends on until the transaction ends. PostgreSQL
 * needs `for update`; SQLite has one writer and Kysely's single connection runs a
 * transaction alone, so it needs (and accepts) no lock clause.
 */
export function forUpdate<DB, Q extends { forUpdate(): Q }>(db: Kysely<DB>, query: Q): Q {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}

/** The oldest SQLite Rapport accepts (WAL-reset corruption fix). */
export const MIN_SQLITE_VERSION = '3.51.3';

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/**
 * Text columns searched by prefix compare bytes, not locale rules, so that a prefix range
 * [term, term + U+10FFFF) holds exactly the terms starting with `term` in both databases.
 */
export function binaryCollation(db: Kysely<unknown>) {
  return dialectOf(db) === 'postgres' ? sql`collate "C"` : sql``;
}

/** The larger of two numbers, in SQL (`greatest` in PostgreSQL, two-argument `max` in SQLite). */
export function greatest(db: Executor, a: RawBuilder<number> | number, b: RawBuilder<number>) {
  return dialectOf(db) === 'postgres'
    ? sql<number>`greatest(${a}, ${b})`
    : sql<number>`max(${a}, ${b})`;
}

/** The exclusive upper bound of all strings starting with `prefix`. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/** A status search: words that must all appear, and phrases that must appear as written. */
export interface TextQuery {
  terms: string[];
  phrases: string[];
}

/** Splits what someone typed into words and "quoted phrases". */
export function parseTextQuery(input: string): TextQuery {
  const phrases: string[] = [];
  const rest = input.replace(/"([^"]*)"/g, (_, phrase: string) => {
    if (phrase.trim()) phrases.push(phrase.trim());
    return ' ';
  });
  const terms = rest.split(/[^\p{L}\p{N}_]+/u).filter((term) => term.length > 0);
  return { terms, phrases };
}

/**
 * Adds or replaces a status in the search index (SQLite FTS5 keyed by rowid = status id,
 * PostgreSQL tsvector with the 'simple' configuration: no stemming, any language).
 */
export async function indexStatusText(db: Executor, statusId: number, text: string) {
  if (dialectOf(db) === 'postgres') {
    await sql`insert into status_search (status_id, document)
      values (${statusId}, to_tsvector('simple', ${text}))
      on conflict (status_id) do update set document = excluded.document`.execute(db);
  } else {
    await sql`delete from status_search where rowid = ${statusId}`.execute(db);
    await sql`insert into status_search (rowid, body) values (${statusId}, ${text})`.execute(db);
  }
}

export async function unindexStatus(db: Executor, statusId: number) {
  if (dialectOf(db) === 'postgres') {
    await sql`delete from status_search where status_id = ${statusId}`.execute(db);
  } else {
    await sql`delete from status_search where rowid = ${statusId}`.execute(db);
  }
}

/**
 * Ids of statuses matching the query, newest first, below `beforeId`. Ordering by id (recency)
 * instead of rank lets both engines stop after `limit` matches, even for very common words.
 */
export async function searchStatusIds(
  db: Executor,
  query: TextQuery,
  beforeId: number | undefined,
  limit: number,
): Promise<number[]> {
  if (query.terms.length === 0 && query.phrases.length === 0) return [];
  const below = beforeId ?? Number.MAX_SAFE_INTEGER;
  if (dialectOf(db) === 'postgres') {
    const parts = [
      ...query.terms.map((term) => sql`plainto_tsquery('simple', ${term})`),
      ...query.phrases.map((phrase) => sql`phraseto_tsquery('simple', ${phrase})`),
    ];
    const rows = await sql<{ id: string | number }>`select status_id as id from status_search
      where document @@ (${sql.join(parts, sql` && `)}) and status_id < ${below}
      order by status_id desc limit ${limit}`.execute(db);
    return rows.rows.map((row) => Number(row.id));
  }
  // FTS5 query syntax: each word and phrase as a quoted string (quotes doubled), ANDed.
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const match = [...query.terms, ...query.phrases].map(quote).join(' ');
  const rows = await sql<{ id: number }>`select rowid as id from status_search
    where status_search match ${match} and rowid < ${below}
    order by rowid desc limit ${limit}`.execute(db);
  return rows.rows.map((row) => Number(row.id));
}

/**
 * Questions matching the query, newest first, below `beforeId`: the newest `window` text
 * matches are looked through for statuses that are questions (a primary-key probe each), so
 * a common word costs at most `window` matches however few questions use it. `scannedTo` is
 * the oldest match looked at when the window was full (the next page starts below it), or
 * undefined when every match was looked at.
 */
export async function searchQuestionIds(
  db: Executor,
  query: TextQuery,
  beforeId: number | undefined,
  limit: number,
  window: number,
): Promise<{ ids: number[]; scannedTo: number | undefined }> {
  if (query.terms.length === 0 && query.phrases.length === 0)
    return { ids: [], scannedTo: undefined };
  const below = beforeId ?? Number.MAX_SAFE_INTEGER;
  let matches: RawBuilder<{ id: number | string }>;
  if (dialectOf(db) === 'postgres') {
    const parts = [
      ...query.terms.map((term) => sql`plainto_tsquery('simple', ${term})`),
      ...query.phrases.map((phrase) => sql`phraseto_tsquery('simple', ${phrase})`),
    ];
    matches = sql`select status_id as id from status_search
      where document @@ (${sql.join(parts, sql` && `)}) and status_id < ${below}
      order by status_id desc limit ${window}`;
  } else {
    const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const match = [...query.terms, ...query.phrases].map(quote).join(' ');
    matches = sql`select rowid as id from status_search
      where status_search match ${match} and rowid < ${below}
      order by rowid desc limit ${window}`;
  }
  const found = await sql<{ id: number | string }>`select m.id from (${matches}) m
    where exists (select 1 from questions q where q.status_id = m.id)
    order by m.id desc limit ${limit}`.execute(db);
  const ids = found.rows.map((row) => Number(row.id));
  if (ids.length >= limit) return { ids, scannedTo: undefined };
  const edge = await sql<{ n: number | string; oldest: number | string | null }>`
    select count(*) as n, min(m.id) as oldest from (${matches}) m`.execute(db);
  const { n, oldest } = edge.rows[0] ?? { n: 0, oldest: null };
  return {
    ids,
    scannedTo: Number(n) >= window && oldest !== null ? Number(oldest) : undefined,
  };
}
