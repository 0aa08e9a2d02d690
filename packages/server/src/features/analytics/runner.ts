import { Worker } from 'node:worker_threads';
import { type AppContext, databaseOptions } from '../../context';
import { COMPUTATIONS, type ComputationName, type Computations } from './computations';
import type { ComputeReply } from './compute-thread';

const WORKER = new URL('./compute.worker.mjs', import.meta.url);
/** Reports kept at most; the oldest goes first. */
const CACHE_ENTRIES = 200;

type Input<N extends ComputationName> = Parameters<Computations[N]>[1];
type Output<N extends ComputationName> = Awaited<ReturnType<Computations[N]>>;

/**
 * Runs analytics computations without holding up requests, and serves a finished report
 * again for `RAPPORT_ANALYTICS_CACHE_SECONDS`. On PostgreSQL a computation is a few
 * queries the server awaits like any other; on SQLite, whose reads block the thread that
 * makes them, computations run in one analytics thread with its own connection.
 */
export class AnalyticsRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();
  private readonly cache = new Map<string, { at: number; report: Promise<unknown> }>();

  constructor(private readonly ctx: AppContext) {}

  /**
   * The report `name` computes from `input`, or the one kept for the same `asked` question
   * (the request's scope and period as given, see `ReportInput.asked`).
   */
  run<N extends ComputationName>(name: N, input: Input<N>, asked: string): Promise<Output<N>> {
    const ttl = this.ctx.config.analyticsCacheSeconds * 1000;
    const key = `${name}:${asked}`;
    const now = Date.now();
    const cached = this.cache.get(key);
    if (ttl > 0 && cached && now - cached.at < ttl) return cached.report as Promise<Output<N>>;
    const report = this.compute(name, input);
    if (ttl > 0) {
      this.cache.delete(key);
      this.cache.set(key, { at: now, report });
      if (this.cache.size > CACHE_ENTRIES)
        this.cache.delete(this.cache.keys().next().value as string);
      report.catch(() => this.cache.delete(key));
    }
    return report as Promise<Output<N>>;
  }

  /** Drops every kept report: a setting they depend on has changed. */
  forget(): void {
    this.cache.clear();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private compute(name: ComputationName, input: unknown): Promise<unknown> {
    if (this.ctx.dialect === 'postgres') {
      const compute = COMPUTATIONS[name] as (
        db: AppContext['db'],
        input: unknown,
      ) => Promise<unknown>;
      return compute(this.ctx.db, input);
    }
    const worker = this.thread();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, name, input });
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER, { workerData: databaseOptions(this.ctx.config) });
    worker.unref();
    worker.on('message', (reply: ComputeReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!waiter) return;
      if ('error' in reply) waiter.reject(new Error(reply.error));
      else waiter.resolve(reply.result);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the analytics thread stopped (${code})`)));
    this.worker = worker;
    return worker;
  }
}

const runners = new WeakMap<AppContext, AnalyticsRunner>();

/** The server's one runner (made on first use; the analytics routes close it with the app). */
export function analyticsRunner(ctx: AppContext): AnalyticsRunner {
  let runner = runners.get(ctx);
  if (!runner) {
    runner = new AnalyticsRunner(ctx);
    runners.set(ctx, runner);
  }
  return runner;
}
