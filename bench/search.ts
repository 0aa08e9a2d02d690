import { createDb } from '../packages/server/src/db/create-db';
import { parseTextQuery, searchStatusIds } from '../packages/server/src/db/dialect';
import { percentile, type Row, type Scenario } from './results';
import type { Seeded } from './seed';
import type { SearchCase } from './seed-social';

const TARGET = { p95: 50 };

/**
 * Status search rows: a rare word, the most common word, two words and a quoted phrase,
 * through `GET /api/v2/search`; when the server has no such route, `searchStatusIds`
 * timed in this process (one caller, no HTTP, no presentation) so the index is measured.
 */
export async function searchRows(
  port: number,
  seeded: Seeded,
  dbFile: string,
  options: {
    measure: (scenario: Scenario) => Promise<Row>;
    seconds: number;
    /** Which rows to run, by name. */
    wanted: (name: string) => boolean;
  },
): Promise<{ rows: Row[]; note: string | undefined }> {
  const label = (c: SearchCase) => `${c.name} ${c.q}, ${c.matches.toLocaleString('en')} matches`;
  const cases = seeded.social.search.filter((c) => options.wanted(`search (${label(c)})`));
  if (cases.length === 0) return { rows: [], note: undefined };
  const probe = await fetch(`http://127.0.0.1:${port}/api/v2/search?type=statuses&q=the`, {
    headers: { authorization: `Bearer ${seeded.tokens[0]}` },
  });
  await probe.arrayBuffer();

  if (probe.status === 200) {
    const rows: Row[] = [];
    for (const c of cases) {
      const found = await fetch(
        `http://127.0.0.1:${port}/api/v2/search?type=statuses&q=${encodeURIComponent(c.q)}`,
        { headers: { authorization: `Bearer ${seeded.tokens[0]}` } },
      );
      const body = (await found.json()) as { statuses?: unknown[] };
      if ((body.statuses?.length ?? 0) === 0) throw new Error(`search for ${c.q} found nothing`);
      rows.push(
        await options.measure({
          name: `GET /api/v2/search?type=statuses (${label(c)})`,
          request: () => {
            const token = seeded.tokens[Math.floor(Math.random() * seeded.tokens.length)];
            return { path: `/api/v2/search?type=statuses&q=${encodeURIComponent(c.q)}`, token };
          },
          target: TARGET,
        }),
      );
    }
    return {
      rows,
      note: 'Search: 20 statuses per request, newest first, as the viewer may see them.',
    };
  }

  const handle = createDb({ sqliteFile: dbFile });
  try {
    const rows: Row[] = [];
    for (const c of cases) {
      const query = parseTextQuery(c.q);
      const latencies: number[] = [];
      const until = performance.now() + options.seconds * 1000;
      while (performance.now() < until) {
        const start = performance.now();
        await searchStatusIds(handle.db, query, undefined, 20);
        latencies.push(performance.now() - start);
      }
      latencies.sort((a, b) => a - b);
      rows.push({
        name: `searchStatusIds in-process (${label(c)})`,
        rps: latencies.length / options.seconds,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        target: TARGET,
      });
    }
    return {
      rows,
      note: `Search: GET /api/v2/search answered HTTP ${probe.status}, so the search rows time searchStatusIds (db/dialect.ts) in the bench process, one caller at a time: the text index alone, without HTTP, visibility or presentation.`,
    };
  } finally {
    await handle.close();
  }
}
