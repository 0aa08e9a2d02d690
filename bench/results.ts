/** Targets a row is held to; a missed one is marked in the table, it does not fail the run. */
export interface Target {
  minRatio?: number;
  p95?: number;
  p99?: number;
}

export interface Scenario {
  name: string;
  /** Builds each request: a path and (optionally) a bearer token. */
  request: () => { path: string; token?: string };
  target?: Target;
  /** Fewer connections for a route so slow that 50 would only measure the queue. */
  connections?: number;
}

/** One line of the table: throughput and latency percentiles in milliseconds. */
export interface Row {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  target?: Target | undefined;
}

/** The p-th percentile (nearest rank) of ascending `sorted` values; NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}
