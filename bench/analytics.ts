import Database from 'better-sqlite3';
import { Random } from '../packages/server/src/demo/random';
import type { Load } from './relationships';
import { percentile, type Row, type Scenario } from './results';
import type { Seeded } from './seed';
import { type LedgerSize, seedLedger } from './seed-ledger';

/**
 * Organisation analytics: each dashboard computed afresh on every request (the bench runs
 * the server with the report cache off), over the seeded organisation's last twelve weeks,
 * one after another; then the home timeline while dashboards are being computed
 * without pause, and just before, to show the computations do not hold requests up.
 */

const DAY_MS = 86_400_000;
/**
 * One admin at a time: the analytics thread computes one report after another, so more
 * connections would measure the queue, not the computation.
 */
const CONNECTIONS = 1;

const ROW_NAMES = {
  before: 'GET /api/v1/timelines/home (random viewers) just before analytics computations',
  during: 'GET /api/v1/timelines/home (random viewers) while analytics compute without pause',
};

/** Names that pick the section with `--only=analytics`. */
export function analyticsRowNames(): string[] {
  return ['GET /api/rapport/v1/analytics/'];
}

export interface AnalyticsBench {
  rows: Row[];
  print: () => void;
}

/**
 * The days people visited over the last twelve weeks, written straight into the running
 * server's SQLite file: a third visit most working days, a third now and then, the rest
 * rarely or never (so observers and the inactive are both there).
 */
function seedVisits(dbFile: string, accountIds: number[], now: number): number {
  const random = new Random(83);
  const db = new Database(dbFile);
  db.pragma('busy_timeout = 10000');
  const insert = db.prepare(
    'insert or ignore into account_activity_days (account_id, day) values (?, ?)',
  );
  const today = Math.floor(now / DAY_MS);
  let rows = 0;
  db.transaction(() => {
    for (const id of accountIds) {
      const rate = random.pick([0.7, 0.7, 0.25, 0.25, 0.05, 0]);
      for (let day = today - 84; day <= today; day++) {
        if (random.chance(rate)) {
          insert.run(id, day);
          rows += 1;
        }
      }
    }
  })();
  db.close();
  return rows;
}

function interactionsIn(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true });
  const row = db.prepare('select count(*) as n from interactions').get() as { n: number };
  db.close();
  return row.n;
}

function busiestDepartment(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true });
  const row = db
    .prepare(
      "select department from accounts where department != '' group by department order by count(*) desc limit 1",
    )
    .get() as { department: string };
  db.close();
  return row.department;
}

export async function analyticsRows(
  port: number,
  seeded: Seeded,
  dbFile: string,
  options: {
    ledger: LedgerSize;
    measure: (scenario: Scenario) => Promise<Row>;
    load: (scenario: Scenario, seconds: number) => Promise<Load>;
    seconds: number;
  },
): Promise<AnalyticsBench> {
  const n = (value: number) => value.toLocaleString('en');
  const now = Date.now();
  const visits = seedVisits(dbFile, seeded.accountIds, now);
  // Alone (`--only=analytics`) the ledger is still the seed's: write the big one first.
  if (interactionsIn(dbFile) < options.ledger.interactions / 2) {
    seedLedger(dbFile, seeded.accountIds, seeded.viewerIds[0] as number, options.ledger);
  }
  const interactions = interactionsIn(dbFile);
  const department = encodeURIComponent(`department:${busiestDepartment(dbFile)}`);
  const community = seeded.communities.memberships[0]?.[1];
  const admin = seeded.adminToken;
  const dashboards: Array<[string, string, string]> = [
    ['participation, organisation', '/api/rapport/v1/analytics/participation', admin],
    [
      'participation, largest department',
      `/api/rapport/v1/analytics/participation?scope=${department}`,
      admin,
    ],
    [
      'participation, a community',
      `/api/rapport/v1/analytics/participation?scope=community:${community}`,
      admin,
    ],
    ['responsiveness, organisation', '/api/rapport/v1/analytics/responsiveness', admin],
    ['knowledge risk, organisation (a year)', '/api/rapport/v1/analytics/knowledge_risk', admin],
    ['silos, organisation', '/api/rapport/v1/analytics/silos', admin],
    ['my insights', '/api/rapport/v1/analytics/me', seeded.tokens[0] as string],
  ];
  const rows: Row[] = [];
  for (const [label, path, token] of dashboards) {
    rows.push(
      await options.measure({
        name: `GET ${path.split('?')[0]} (${label}, computed afresh)`,
        connections: CONNECTIONS,
        request: () => ({ path, token }),
      }),
    );
  }

  const home: Scenario = {
    name: ROW_NAMES.before,
    request: () => ({
      path: '/api/v1/timelines/home',
      token: seeded.tokens[Math.floor(Math.random() * seeded.tokens.length)],
    }),
  };
  rows.push(await options.measure(home));
  // Two admins reload the organisation's dashboards without pause while the timeline is read.
  let computing = true;
  let computed = 0;
  const reload = async () => {
    for (let i = 0; computing; i++) {
      const [, path] = dashboards[i % 3] as [string, string, string];
      const response = await fetch(`http://127.0.0.1:${port}${path}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
      computed += 1;
    }
  };
  const reloading = [reload(), reload()];
  const during: Load = await options.load({ ...home, name: ROW_NAMES.during }, options.seconds);
  computing = false;
  await Promise.all(reloading);
  during.latencies.sort((a, b) => a - b);
  rows.push({
    name: ROW_NAMES.during,
    rps: during.requests / during.seconds,
    p50: percentile(during.latencies, 50),
    p95: percentile(during.latencies, 95),
    p99: percentile(during.latencies, 99),
  });

  const print = () => {
    console.log(
      `\nAnalytics: ${n(seeded.accountIds.length)} people, ${n(interactions)} interactions in the ledger, ${n(visits)} visit days over twelve weeks; every dashboard request computed afresh (cache off), ${CONNECTIONS} connections; ${n(computed)} dashboards computed while the home timeline was read.`,
    );
  };
  return { rows, print };
}
