/**
 * `npm run bench`: seeds an organisation on SQLite (cached in bench/.cache), starts the
 * real server in its own process (production mode, rate limits off), loads it from this
 * process over loopback with autocannon, measures streaming delivery against a bare `ws`
 * server, and prints Markdown tables with the ratio to a bare route measured in the same
 * run. `npm run bench -- --quick` is the small version CI runs; `-- --only=home` runs the
 * rows whose name holds "home"; `-- --cpu-prof` writes a CPU profile of the server to
 * bench/.cache/profiles. `-- --only=chats` runs the conversation rows alone, `-- --only=100,000`
 * the inbox and unread-count rows, `-- --only=relationship` the relationship model's rows,
 * `-- --only=analytics` the analytics dashboards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { MODEL_VERSION } from '../packages/server/src/features/relationships/model';
import { freePort } from '../packages/server/test/harness';
import { type AnalyticsBench, analyticsRowNames, analyticsRows } from './analytics';
import { benchChats, type ChatBench, printChatTable } from './chats';
import { inboxRowNames, seedInbox } from './inbox';
import { type RelationshipBench, relationshipRowNames, relationshipRows } from './relationships';
import { printHttpTable, printStreamingTable } from './report';
import { percentile, type Row, type Scenario } from './results';
import { routeScenarios } from './scenarios';
import { searchRows } from './search';
import { seededDatabase } from './seed';
import { markModelCurrent } from './seed-ledger';
import { measureStreaming, type StreamingResult } from './streaming';

const quick = process.argv.includes('--quick');
const profile = process.argv.includes('--cpu-prof');
/** /health always runs: every ratio is to it. */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const wanted = (name: string) => !only || name.includes(only) || name.includes('/health');
const SIZE = quick
  ? {
      accounts: 1_000,
      statuses: 20_000,
      streamingClients: 100,
      communities: {
        communities: 20,
        statusesPerCommunity: 10,
        questions: 100,
        pages: 40,
        events: 30,
      },
      relationships: { interactions: 50_000, network: 500 },
    }
  : {
      accounts: 10_000,
      statuses: 1_000_000,
      streamingClients: 1_000,
      communities: {
        communities: 300,
        statusesPerCommunity: 40,
        questions: 2_000,
        pages: 1_000,
        events: 500,
      },
      relationships: { interactions: 1_000_000, network: 2_000 },
    };
const DURATION_S = quick ? 3 : 10;
const WARMUP_S = quick ? 1 : 2;
const CONNECTIONS = quick ? 10 : 50;
const STREAMING_POSTS = quick ? 10 : 50;
const CHAT_MESSAGES = quick ? 40 : 200;
const ROOT = path.resolve(import.meta.dirname, '..');

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const profiling = profile
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(import.meta.dirname, '.cache', 'profiles')}`]
    : [];
  const child = spawn(
    process.execPath,
    [...profiling, path.join(ROOT, 'packages/server/bin/rapport.mjs'), 'serve'],
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

function load(port: number, scenario: Scenario, seconds: number) {
  const latencies: number[] = [];
  return new Promise<{ result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: scenario.connections ?? CONNECTIONS,
        duration: seconds,
        timeout: 30,
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
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

/** Load for `seconds`, for rows measured while something else runs: what came back, how fast. */
async function loadFor(port: number, scenario: Scenario, seconds: number) {
  const started = performance.now();
  const { result, latencies } = await load(port, scenario, seconds);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${scenario.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`,
    );
  }
  return { requests: latencies.length, seconds: (performance.now() - started) / 1000, latencies };
}

async function measure(port: number, scenario: Scenario): Promise<Row> {
  await load(port, scenario, WARMUP_S);
  const { result, latencies } = await load(port, scenario, DURATION_S);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${scenario.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`,
    );
  }
  latencies.sort((a, b) => a - b);
  return {
    name: scenario.name,
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    target: scenario.target,
  };
}

/** GETs a path as a viewer and returns the JSON, failing loudly on anything but 200. */
export async function getJson(port: number, url: string, token: string): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${port}${url}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.json();
}

/** A home timeline must hold a full page even for unusual viewers; anything else is a bug. */
async function assertFullHome(port: number, who: string, token: string) {
  const page = (await getJson(port, '/api/v1/timelines/home', token)) as unknown[];
  if (page.length !== 20) {
    throw new Error(`home timeline of the ${who}: ${page.length} statuses instead of 20`);
  }
}

async function main() {
  const started = Date.now();
  const { file, seeded, cached } = await seededDatabase(SIZE);
  const bytes = fs.statSync(file).size;
  const c = seeded.social.counts;
  const n = (value: number | undefined) => (value ?? 0).toLocaleString('en');
  console.log(
    `${cached ? 'Using the cached' : 'Seeded the'} database ${path.relative(ROOT, file)}: ${(bytes / 1e9).toFixed(2)} GB, seeded in ${seeded.seedSeconds.toFixed(0)} s.`,
  );
  console.log(
    `${n(c.accounts)} accounts, ${n(c.statuses)} statuses (${n(c.replies)} replies, ${n(c.boosts)} boosts; the 15% most active accounts wrote ${(seeded.social.topShare * 100).toFixed(0)}%), ${n(c.follows)} follows (most followed: ${n(seeded.social.maxFollowers)}), ${n(c.home_feed)} home feed entries, ${n(c.favourites)} favourites, ${n(c.status_mentions)} mentions, ${n(c.status_tags)} tag uses.`,
  );

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
  fs.copyFileSync(file, path.join(dataDir, 'rapport.sqlite'));
  markModelCurrent(path.join(dataDir, 'rapport.sqlite'), MODEL_VERSION);
  const port = await freePort();
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    RAPPORT_DATA_DIR: dataDir,
    RAPPORT_PUBLIC_URL: `http://127.0.0.1:${port}`,
    RAPPORT_RATE_LIMIT: 'off',
    RAPPORT_LINK_PREVIEWS: 'off',
    RAPPORT_DIGESTS: 'off',
    // Every analytics request computes its report: the rows measure the work, not the cache.
    RAPPORT_ANALYTICS_CACHE_SECONDS: '0',
    RAPPORT_LOG_LEVEL: 'warn',
  };
  // Other work on the machine skews every row: the table says how busy it was.
  const loadBefore = os.loadavg()[0] ?? 0;
  const server = await startServer(env);
  const rows: Row[] = [];
  let streaming: StreamingResult | undefined;
  let chats: ChatBench | undefined;
  let searchNote: string | undefined;
  let inboxNote: string | undefined;
  let relationships: RelationshipBench | undefined;
  let analytics: AnalyticsBench | undefined;
  try {
    await assertFullHome(port, 'viewer following 2,000 people', seeded.wideViewer.token);
    await assertFullHome(
      port,
      'viewer following only long-silent people',
      seeded.staleViewer.token,
    );
    // Streaming first, while the server's heap is small: its memory figure is then steadier.
    if (wanted('streaming')) {
      streaming = await measureStreaming({
        base: `http://127.0.0.1:${port}`,
        serverPid: server.pid as number,
        tokens: seeded.streamingTokens,
        posterToken: seeded.poster.token,
        posts: STREAMING_POSTS,
      });
    }
    for (const scenario of routeScenarios(seeded, SIZE.accounts)) {
      if (wanted(scenario.name)) rows.push(await measure(port, scenario));
    }
    if (wanted('chats')) {
      const base = `http://127.0.0.1:${port}`;
      chats = await benchChats({ base, tokens: seeded.streamingTokens, messages: CHAT_MESSAGES });
      for (const scenario of chats.scenarios) rows.push(await measure(port, scenario));
    }
    if (inboxRowNames().some(wanted)) {
      const last = seeded.viewerIds.length - 1;
      const person = (i: number) => ({
        id: seeded.viewerIds[i] as number,
        token: seeded.tokens[i] as string,
      });
      const inbox = seedInbox(
        path.join(dataDir, 'rapport.sqlite'),
        { reading: person(last), never: person(last - 1) },
        seeded.accountIds,
      );
      inboxNote = inbox.note;
      for (const scenario of inbox.scenarios) {
        if (wanted(scenario.name)) rows.push(await measure(port, scenario));
      }
    }
    const search = await searchRows(port, seeded, path.join(dataDir, 'rapport.sqlite'), {
      measure: (scenario) => measure(port, scenario),
      seconds: DURATION_S,
      wanted,
    });
    rows.push(...search.rows);
    searchNote = search.note;
    // Last: it writes a million interactions and recomputes the model from them.
    if (relationshipRowNames().some(wanted)) {
      relationships = await relationshipRows(port, seeded, path.join(dataDir, 'rapport.sqlite'), {
        size: SIZE.relationships,
        measure: (scenario) => measure(port, scenario),
        load: (scenario, seconds) => loadFor(port, scenario, seconds),
        wanted,
      });
      rows.push(...relationships.rows);
    }
    // After the relationship rows, so silos read their million interactions.
    if (analyticsRowNames().some(wanted)) {
      analytics = await analyticsRows(port, seeded, path.join(dataDir, 'rapport.sqlite'), {
        ledger: SIZE.relationships,
        measure: (scenario) => measure(port, scenario),
        load: (scenario, seconds) => loadFor(port, scenario, seconds),
        seconds: DURATION_S,
      });
      rows.push(...analytics.rows);
    }
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    `\n${CONNECTIONS} connections, ${DURATION_S} s per row after ${WARMUP_S} s of warm-up, ${os.cpus().length} cores, load generator on the same machine (1-minute load average ${loadBefore.toFixed(2)} before the server started, ${(os.loadavg()[0] ?? 0).toFixed(2)} at the end); ${((Date.now() - started) / 1000).toFixed(0)} s in all\n`,
  );
  printHttpTable(rows);
  if (searchNote) console.log(`\n${searchNote}`);
  if (inboxNote) console.log(`\n${inboxNote}`);
  if (streaming) printStreamingTable(streaming);
  if (chats) printChatTable(chats);
  relationships?.print();
  analytics?.print();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
