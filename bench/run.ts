/**
 * `npm run bench`: seeds an organisation on SQLite, starts the real server in its own process
 * (production mode, rate limits off), loads it from this process over loopback with
 * autocannon, and prints one row per route with the ratio to a bare route measured in the
 * same run. `npm run bench -- --quick` is the small version CI runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../packages/server/src/config';
import { createContext } from '../packages/server/src/context';
import { freePort } from '../packages/server/test/harness';
import { seedAccounts } from './seed';

const quick = process.argv.includes('--quick');
const ACCOUNTS = quick ? 1_000 : 10_000;
const DURATION_S = quick ? 3 : 10;
const CONNECTIONS = quick ? 10 : 50;
const ROOT = path.resolve(import.meta.dirname, '..');

interface Scenario {
  name: string;
  /** Builds each request: a path and (optionally) a bearer token. */
  request: () => { path: string; token?: string };
}

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'packages/server/bin/rapport.mjs'), 'serve'],
    {
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${env.PORT}/health`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error('the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function measure(port: number, scenario: Scenario) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        setupRequest: (request) => {
          const { path: url, token } = scenario.request();
          return {
            ...request,
            path: url,
            headers: token ? { authorization: `Bearer ${token}` } : {},
          };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${scenario.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`,
    );
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
  const port = await freePort();
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    RAPPORT_DATA_DIR: dataDir,
    RAPPORT_PUBLIC_URL: `http://127.0.0.1:${port}`,
    RAPPORT_RATE_LIMIT: 'off',
    RAPPORT_LOG_LEVEL: 'warn',
  };
  const ctx = await createContext(loadConfig(env));
  const started = Date.now();
  const seeded = await seedAccounts(ctx, ACCOUNTS);
  await ctx.close();
  console.log(
    `Seeded ${ACCOUNTS} accounts in ${((Date.now() - started) / 1000).toFixed(1)} s (SQLite).`,
  );

  const server = await startServer(env);
  const random = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)] as T;
  const scenarios: Scenario[] = [
    { name: 'GET /health (bare route)', request: () => ({ path: '/health' }) },
    {
      name: 'GET /api/v1/accounts/verify_credentials',
      request: () => ({
        path: '/api/v1/accounts/verify_credentials',
        token: random(seeded.tokens),
      }),
    },
    {
      name: 'GET /api/v1/accounts/:id',
      request: () => ({
        path: `/api/v1/accounts/${random(seeded.accountIds)}`,
        token: random(seeded.tokens),
      }),
    },
    {
      name: 'GET /api/rapport/v1/people (first page)',
      request: () => ({ path: '/api/rapport/v1/people?limit=40', token: random(seeded.tokens) }),
    },
    {
      name: 'GET /api/rapport/v1/people?q= (prefix search)',
      request: () => ({
        path: `/api/rapport/v1/people?q=${encodeURIComponent(random(seeded.searchTerms))}`,
        token: random(seeded.tokens),
      }),
    },
    {
      name: 'GET /api/rapport/v1/admin/accounts',
      request: () => ({
        path: '/api/rapport/v1/admin/accounts?limit=40',
        token: seeded.adminToken,
      }),
    },
  ];
  const rows: string[] = [];
  let bare = 0;
  try {
    for (const scenario of scenarios) {
      const result = await measure(port, scenario);
      if (bare === 0) bare = result.rps;
      rows.push(
        `| ${scenario.name} | ${Math.round(result.rps)} | ${result.p50} | ${result.p99} | ${(result.rps / bare).toFixed(2)} |`,
      );
    }
  } finally {
    server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    `\n${ACCOUNTS} accounts, ${CONNECTIONS} connections, ${DURATION_S} s per row, ${os.cpus().length} cores\n`,
  );
  console.log('| route | requests/s | p50 ms | p99 ms | ratio to bare route |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
