import type { Row, Target } from './results';
import type { Memory, StreamingResult } from './streaming';

/* The Markdown tables `npm run bench` prints: each row's figures and its verdict. */

/** Milliseconds as the tables print them: one decimal below 10. */
export const ms = (value: number) => (value < 10 ? value.toFixed(1) : Math.round(value).toString());

/** "met" or "**MISSED**", with the targets beside it. */
function verdict(target: Target | undefined, values: { ratio?: number; p95: number; p99: number }) {
  if (!target) return '';
  const parts: Array<[boolean, string]> = [];
  if (target.minRatio !== undefined) {
    parts.push([(values.ratio ?? 0) >= target.minRatio, `ratio ≥ ${target.minRatio.toFixed(2)}`]);
  }
  if (target.p95 !== undefined) parts.push([values.p95 <= target.p95, `p95 ≤ ${target.p95} ms`]);
  if (target.p99 !== undefined) parts.push([values.p99 <= target.p99, `p99 ≤ ${target.p99} ms`]);
  const met = parts.every(([ok]) => ok);
  return `${met ? 'met' : '**MISSED**'} (${parts.map(([, text]) => text).join(', ')})`;
}

export function printHttpTable(rows: Row[]) {
  const bare = rows[0]?.rps ?? 1;
  console.log('| route | requests/s | p50 ms | p95 ms | p99 ms | ratio to /health | target |');
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const ratio = row.rps / bare;
    console.log(
      `| ${row.name} | ${Math.round(row.rps)} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${ratio.toFixed(2)} | ${verdict(row.target, { ...row, ratio })} |`,
    );
  }
}

export function printStreamingTable(result: StreamingResult) {
  const clients = result.clients.toLocaleString('en');
  console.log(
    `\n| streaming: ${clients} clients on public:local, ${result.posts} posts | p50 ms | p95 ms | p99 ms | missed | target |`,
  );
  console.log('|---|---|---|---|---|---|');
  const bare = result.bare;
  if (result.rapport) {
    const r = result.rapport;
    const ratio = r.p99 / bare.p99;
    const met = r.p99 <= 100 && ratio <= 1.5 && r.missed === 0;
    // The target is for 1,000 clients; with fewer, the post's own cost dominates the ratio.
    const verdict = result.clients >= 1000 ? (met ? 'met' : '**MISSED**') : 'not judged';
    console.log(
      `| Rapport: POST /api/v1/statuses → update received | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.missed} | ${verdict} (p99 ≤ 100 ms and ≤ 1.5× bare at 1,000 clients; here ${ratio.toFixed(2)}×) |`,
    );
  } else {
    console.log(`| streaming: not available (${result.unavailable}) | | | | | |`);
  }
  console.log(
    `| bare \`ws\` server broadcasting the same bytes | ${ms(bare.p50)} | ${ms(bare.p95)} | ${ms(bare.p99)} | ${bare.missed} | |`,
  );
  const memory = (m: Memory | undefined) => {
    if (!m) return 'not available';
    const rss = `RSS ${(m.before / 2 ** 20).toFixed(0)} → ${(m.after / 2 ** 20).toFixed(0)} MB`;
    // A garbage collection between the two readings can outweigh a few connections.
    if (m.perConnection < 0) return `not measurable (${rss})`;
    return `${(m.perConnection / 1024).toFixed(1)} KB (${rss})`;
  };
  console.log(
    `\nMemory per idle streaming connection, from the server's RSS before and after opening ${clients}: ${memory(result.rapportMemory)}; bare \`ws\` server: ${memory(result.bareMemory)}.`,
  );
}
