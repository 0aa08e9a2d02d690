import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { tokenFor } from '../../test/factories';
import { TEST_DB } from '../../test/harness';
import { api } from '../../test/http';
import { createDatabase } from '../../test/postgres-server';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { type AppContext, createContext } from '../context';
import { findAccountByUsername } from '../features/accounts/accounts.queries';
import { type DemoSummary, seedDemo } from './seed';

export interface SeededDemo {
  ctx: AppContext;
  summary: DemoSummary;
  /** A client signed in as this demo person. */
  as(username: string): Promise<ReturnType<typeof api>>;
  close(): Promise<void>;
}

/**
 * The demo organisation on a fresh database (a SQLite file, or a new database on the
 * suite's PostgreSQL server). It is generated before the app is built, as `rapport demo`
 * does, so the app's jobs (the poll closer) start on a finished history.
 */
export async function startSeededDemo(): Promise<SeededDemo> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-demo-test-'));
  const database = TEST_DB === 'postgres' ? await createDatabase(inject('postgresUrl')) : undefined;
  const ctx = await createContext(
    loadConfig({
      HOST: '127.0.0.1',
      RAPPORT_DATA_DIR: dataDir,
      RAPPORT_LOG_LEVEL: 'silent',
      RAPPORT_LINK_PREVIEWS: 'off',
      RAPPORT_RATE_LIMIT: 'off',
      RAPPORT_DIGESTS: 'off',
      RAPPORT_WEB_DIST: path.join(dataDir, 'no-web-build'),
      ...(database ? { DATABASE_URL: database.url } : {}),
    }),
  );
  const summary = await seedDemo(ctx);
  const app = await buildApp(ctx);
  return {
    ctx,
    summary,
    as: async (username) => {
      const account = await findAccountByUsername(ctx.db, username);
      if (!account) throw new Error(`the demo has no ${username}`);
      return api(app, await tokenFor(ctx, account));
    },
    close: async () => {
      await app.close();
      await ctx.events.settled();
      await ctx.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
