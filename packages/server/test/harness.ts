import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DestinationStream } from 'pino';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { type AppContext, createContext, createLogger } from '../src/context';
import type { App } from '../src/http/app-types';
import { createDatabase } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's PostgreSQL server (postgres-global-setup.ts); each test app gets its own database. */
    postgresUrl: string;
  }
}

export const TEST_DB = process.env.RAPPORT_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export interface TestApp {
  app: App;
  ctx: AppContext;
  /** http://127.0.0.1:PORT, listening when started with { listen: true }. */
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A whole Rapport server on a fresh database: a real SQLite file in a temporary folder, or a
 * new database on the suite's PostgreSQL server (RAPPORT_TEST_DB=postgres). Rate limits are
 * off unless the test turns them on.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { listen?: boolean; logTo?: DestinationStream } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-'));
  const port = await freePort();
  const database = TEST_DB === 'postgres' ? await createDatabase(inject('postgresUrl')) : undefined;
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    RAPPORT_PUBLIC_URL: `http://127.0.0.1:${port}`,
    RAPPORT_DATA_DIR: dataDir,
    RAPPORT_RATE_LIMIT: 'off',
    RAPPORT_LOG_LEVEL: 'silent',
    // Tests never reach outside; the link preview tests turn previews on with an allow-list.
    RAPPORT_LINK_PREVIEWS: 'off',
    // Digests run when a test calls runDigests with the time it chooses, not on the clock.
    RAPPORT_DIGESTS: 'off',
    // Each analytics request computes afresh, so a test sees what it has just written.
    RAPPORT_ANALYTICS_CACHE_SECONDS: '0',
    RAPPORT_WEB_DIST: path.join(dataDir, 'no-web-build'),
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const ctx = await createContext(
    config,
    options.logTo ? { log: createLogger(config, options.logTo) } : {},
  );
  const app = await buildApp(ctx);
  if (options.listen) await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    ctx,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    close: async () => {
      await app.close();
      await ctx.events.settled();
      await ctx.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
