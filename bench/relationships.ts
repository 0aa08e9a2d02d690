import { createDb } from '../packages/server/src/db/create-db';
import type { InteractionKind } from '../packages/server/src/db/tables/communities.table';
import { Random } from '../packages/server/src/demo/random';
import { recordInteractions } from '../packages/server/src/features/interactions/interactions.queries';
import { ms } from './report';
import { percentile, type Row, type Scenario } from './results';
import type { Seeded } from './seed';
import { type LedgerSize, seedLedger } from './seed-ledger';

/**
 * The relationship model's rows: the incremental update's cost per act at two ledger sizes
 * (timed in this process around `recordInteractions`, the one way acts enter the ledger),
 * the full recomputation of a big ledger in the server's worker thread with the home
 * timeline loaded meanwhile, and My network for a person with thousands of relationships.
 */

export interface Load {
  requests: number;
  seconds: number;
  latencies: number[];
}

export interface RelationshipBench {
  rows: Row[];
  print: () => void;
}

const ROW_NAMES = {
  first: (n: string) =>
    `GET /api/rapport/v1/relationships?limit=40 (first page; ${n} relationships)`,
  deep: (n: string) =>
    `GET /api/rapport/v1/relationships?limit=40&max_id= (last page; ${n} relationships)`,
  before:
    'GET /api/v1/timelines/home (random viewers) just before the full relationship recomputation',
  during: 'GET /api/v1/timelines/home (random viewers) during the full relationship recomputation',
};

/**
 * Names that pick the section with `--only=` before anything is seeded (the home timeline
 * row measured during the recomputation comes with it, not with `--only=home`).
 */
export function relationshipRowNames(): string[] {
  return [ROW_NAMES.first(''), ROW_NAMES.deep('')];
}

const INCREMENTAL_KINDS: InteractionKind[] = ['favourite', 'reply', 'mention', 'direct', 'boost'];

/**
 * Microseconds per act: `acts` acts between people of the organisation, each recorded on
 * its own (ledger row, tallies, both people's relationship rows) inside one transaction,
 * so the figure is the model's work and not the disk's commit. A first round warms the
 * caches; the median of three timed rounds is kept (other work on the machine is noisy).
 */
async function incrementalCost(
  dbFile: string,
  accountIds: number[],
  busy: number,
  acts: number,
  seed: number,
): Promise<{ microseconds: number; ledger: number }> {
  const handle = createDb({ sqliteFile: dbFile });
  const random = new Random(seed);
  const round = async () => {
    let spent = 0;
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < acts; i++) {
        // Half from one busy person, half between any two people.
        const [actor, target] = (
          i % 2 === 0 ? [busy, random.pick(accountIds)] : random.sample(accountIds, 2)
        ) as [number, number];
        const started = performance.now();
        await recordInteractions(trx, [
          {
            kind: random.pick(INCREMENTAL_KINDS),
            actorId: actor,
            targetId: target,
            subjectType: 'bench',
            subjectId: 0,
            communityId: null,
            at: Date.now(),
          },
        ]);
        spent += performance.now() - started;
      }
    });
    return (spent * 1000) / acts;
  };
  try {
    const counted = await handle.db
      .selectFrom('interactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await round();
    const rounds = [await round(), await round(), await round()].sort((a, b) => a - b);
    return { microseconds: rounds[1] as number, ledger: Number(counted.n) };
  } finally {
    await handle.close();
  }
}

async function call(port: number, token: string, method: 'GET' | 'POST', url: string) {
  const response = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status}`);
  return body;
}

/** Every relationship id of the viewer, strongest first, page by page. */
async function allRelationshipIds(port: number, token: string): Promise<string[]> {
  const ids: string[] = [];
  let maxId = '';
  for (;;) {
    const page = (await call(
      port,
      token,
      'GET',
      `/api/rapport/v1/relationships?limit=200${maxId ? `&max_id=${maxId}` : ''}`,
    )) as unknown as Array<{ id: string }>;
    ids.push(...page.map((r) => r.id));
    if (page.length < 200) return ids;
    maxId = page[page.length - 1]?.id as string;
  }
}

export async function relationshipRows(
  port: number,
  seeded: Seeded,
  dbFile: string,
  options: {
    size: LedgerSize;
    measure: (scenario: Scenario) => Promise<Row>;
    load: (scenario: Scenario, seconds: number) => Promise<Load>;
    wanted: (name: string) => boolean;
  },
): Promise<RelationshipBench> {
  const n = (value: number) => value.toLocaleString('en');
  const viewer = { id: seeded.viewerIds[0] as number, token: seeded.tokens[0] as string };
  // Someone else acts in the incremental rows, so the viewer's network stays as seeded.
  const busy = seeded.viewerIds[1] as number;
  const incrementalActs = options.size.interactions >= 1_000_000 ? 2000 : 500;

  const small = await incrementalCost(dbFile, seeded.accountIds, busy, incrementalActs, 71);
  const ledger = seedLedger(dbFile, seeded.accountIds, viewer.id, options.size);

  // The full recomputation in the server's worker thread, the home timeline loaded meanwhile
  // (and just before, to compare on the same machine at the same moment).
  const home: Scenario = {
    name: ROW_NAMES.during,
    request: () => ({
      path: '/api/v1/timelines/home',
      token: seeded.tokens[Math.floor(Math.random() * seeded.tokens.length)],
    }),
  };
  const before = await options.measure({ ...home, name: ROW_NAMES.before });
  const started = Date.now();
  await call(port, seeded.adminToken, 'POST', '/api/rapport/v1/admin/relationships/recompute');
  const during: Load = { requests: 0, seconds: 0, latencies: [] };
  let status: Record<string, unknown> = {};
  for (;;) {
    status = await call(
      port,
      seeded.adminToken,
      'GET',
      '/api/rapport/v1/admin/relationships/recompute',
    );
    if (status.state !== 'running') break;
    const chunk = await options.load(home, 3);
    during.requests += chunk.requests;
    during.seconds += chunk.seconds;
    during.latencies.push(...chunk.latencies);
  }
  if (status.state !== 'finished')
    throw new Error(`the recomputation ${String(status.state)}: ${String(status.error)}`);
  const recomputeSeconds = (Date.now() - started) / 1000;

  const large = await incrementalCost(dbFile, seeded.accountIds, busy, incrementalActs, 72);

  const rows: Row[] = [before];
  if (during.latencies.length > 0) {
    during.latencies.sort((a, b) => a - b);
    rows.push({
      name: ROW_NAMES.during,
      rps: during.requests / during.seconds,
      p50: percentile(during.latencies, 50),
      p95: percentile(during.latencies, 95),
      p99: percentile(during.latencies, 99),
    });
  }
  const ids = await allRelationshipIds(port, viewer.token);
  const count = n(ids.length);
  const deepMaxId = ids[Math.max(0, ids.length - 41)] as string;
  const pages: Array<[string, string]> = [
    [ROW_NAMES.first(count), '/api/rapport/v1/relationships?limit=40'],
    [ROW_NAMES.deep(count), `/api/rapport/v1/relationships?limit=40&max_id=${deepMaxId}`],
  ];
  for (const [name, path] of pages) {
    if (options.wanted(name)) {
      rows.push(await options.measure({ name, request: () => ({ path, token: viewer.token }) }));
    }
  }

  const print = () => {
    console.log(
      `\nRelationship model: ${n(ledger.interactions)} interactions written into the ledger in ${ledger.seconds.toFixed(1)} s (80% within circles of about 80 colleagues, over two years), among ${n(seeded.accountIds.length)} people; one member has crossed paths with ${n(options.size.network)} of them (My network rows).`,
    );
    console.log('\n| relationship model | figure |');
    console.log('|---|---|');
    console.log(
      `| full recomputation in the worker thread: ${n(Number(status.people))} people, ${n(Number(status.interactions))} interactions, ${n(Number(status.pairs))} pairs | ${(Number(status.duration_ms) / 1000).toFixed(1)} s (${recomputeSeconds.toFixed(0)} s from the POST to the status saying finished) |`,
    );
    for (const [label, cost] of [
      ['before', small],
      ['after', large],
    ] as const) {
      console.log(
        `| incremental update per act, ledger of ${n(cost.ledger)} interactions (${label} the big ledger; ${n(incrementalActs)} acts, median of 3 rounds) | ${Math.round(cost.microseconds)} µs |`,
      );
    }
    if (during.latencies.length > 0) {
      console.log(
        `| home timeline while it ran: p50 / p95 / p99 | ${ms(percentile(during.latencies, 50))} / ${ms(percentile(during.latencies, 95))} / ${ms(percentile(during.latencies, 99))} ms |`,
      );
    }
  };
  return { rows, print };
}
