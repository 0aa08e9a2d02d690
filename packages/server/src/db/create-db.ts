import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { compareVersions, type DialectName, MIN_SQLITE_VERSION } from './dialect';
import type { Tables } from './tables';

export interface DbHandle {
  db: Kysely<Tables>;
  dialect: DialectName;
  /** Where the data lives, for log lines (never includes a password). */
  description: string;
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl?: string | undefined;
  /** SQLite file; used when databaseUrl is unset. */
  sqliteFile?: string;
}

export function createDb(options: DbOptions): DbHandle {
  if (options.databaseUrl) return createPostgres(options.databaseUrl);
  if (!options.sqliteFile) throw new Error('createDb needs a databaseUrl or an sqliteFile');
  return createSqlite(options.sqliteFile);
}

function createSqlite(file: string): DbHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  const version = (database.prepare('select sqlite_version() as v').get() as { v: string }).v;
  if (compareVersions(version, MIN_SQLITE_VERSION) < 0) {
    database.close();
    throw new Error(
      `SQLite ${version} is too old: Rapport needs ${MIN_SQLITE_VERSION} or newer. Reinstall better-sqlite3 (npm rebuild better-sqlite3).`,
    );
  }
  database.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives power loss, not only a process crash.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('cache_size = -65536');
  database.pragma('mmap_size = 1073741824');
  cachePreparedStatements(database);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    dialect: 'sqlite',
    description: `SQLite ${version} at ${file}`,
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every query it runs; preparing costs more than running a small indexed
 * query, so statements are kept (bounded LRU) and reused. SQL text is stable because values
 * are bound as parameters.
 */
function cachePreparedStatements(database: SqliteDatabase.Database, size = 500): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, SqliteDatabase.Statement>();
  database.prepare = ((text: string) => {
    // Transactions take the write lock when they begin: beside a second connection (the
    // relationship recomputation's worker thread) a deferred one that read first would
    // fail with SQLITE_BUSY_SNAPSHOT instead of waiting its turn (busy_timeout).
    const source = text === 'begin' ? 'begin immediate' : text;
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof database.prepare;
}

/** int8 (count(*), bigint ids and timestamps) as numbers: Rapport keeps them below 2^53. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function createPostgres(url: string): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const where = new URL(url);
  return {
    db,
    dialect: 'postgres',
    description: `PostgreSQL at ${where.hostname}:${where.port || 5432}${where.pathname}`,
    close: () => db.destroy(),
  };
}
