import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Everything that differs between SQLite and PostgreSQL lives here; the rest of the code
 * writes one query for both. Conventions that make that possible: integer ids (snowflakes
 * below 2^53), epoch-millisecond timestamps, 0/1 booleans, lower-cased keys for
 * case-insensitive uniqueness.
 */
export type DialectName = 'sqlite' | 'postgres';

export function dialectOf<DB>(db: Kysely<DB>): DialectName {
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

/** The exclusive upper bound of all strings starting with `prefix`. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}
