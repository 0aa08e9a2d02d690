import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { RelationshipRecompute } from '@rapport/schema';
import { type AppContext, databaseOptions } from '../../context';
import { HttpError } from '../../errors';
import { getSetting, setSetting } from '../instance/settings.queries';
import { MODEL_VERSION } from './model';
import type { RecomputeFigures, RecomputeMessage, RecomputeProgress } from './recompute';
import { STOP } from './recompute';
import {
  claimLease,
  ledgerIsEmpty,
  readLease,
  releaseLease,
  renewLease,
} from './recompute.queries';

/** The model version the stored relationships were computed with. */
export const MODEL_VERSION_KEY = 'relationship_model_version';
/** The last finished run's figures, for the admin status on any node. */
const LAST_RUN_KEY = 'relationship_recompute_last';
const HEARTBEAT_MS = 15_000;
/** A lease not renewed for this long belongs to a process that died. */
const LEASE_STALE_MS = 4 * HEARTBEAT_MS;

const WORKER = new URL('./recompute.worker.mjs', import.meta.url);

interface Run {
  token: string;
  startedAt: number;
  state: 'running' | 'finished' | 'failed';
  finishedAt: number | null;
  figures: RecomputeFigures | null;
  progress: RecomputeProgress | null;
  error: string | null;
  /** Settles once the lease is taken (or refused: another run holds it). */
  claimed: Promise<void>;
  done: Promise<RecomputeFigures>;
  worker: Worker | null;
}

/** This process's latest run per context (a test process holds several servers). */
const runs = new WeakMap<AppContext, Run>();

/** Runs the recomputation in a worker thread; resolves with its figures or rejects. */
function inWorker(ctx: AppContext, run: Run): Promise<RecomputeFigures> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: databaseOptions(ctx.config) });
    run.worker = worker;
    let settled = false;
    const settle = (error: Error | null, figures?: RecomputeFigures) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(figures as RecomputeFigures);
    };
    worker.on('message', (message: RecomputeMessage) => {
      if (message.type === 'progress') run.progress = message.progress;
      else if (message.type === 'finished') settle(null, message.figures);
      else settle(new Error(message.message));
    });
    worker.on('error', (error) => settle(error));
    worker.on('exit', (code) => {
      run.worker = null;
      settle(new Error(`The recomputation thread stopped (exit code ${code})`));
    });
  });
}

async function execute(ctx: AppContext, run: Run, claimed: () => void): Promise<RecomputeFigures> {
  const holder = await claimLease(
    ctx.db,
    { token: run.token, started_at: run.startedAt, heartbeat_at: run.startedAt },
    Date.now() - LEASE_STALE_MS,
  );
  if (holder) {
    throw new HttpError(
      409,
      'conflict',
      `A recomputation is already running (started ${new Date(holder.started_at).toISOString()})`,
    );
  }
  claimed();
  const heartbeat = setInterval(() => {
    renewLease(ctx.db, run.token, Date.now()).catch((error: unknown) =>
      ctx.log.warn({ err: error }, 'renewing the recomputation lease failed'),
    );
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const figures = await inWorker(ctx, run);
    const finishedAt = Date.now();
    await setSetting(ctx.db, MODEL_VERSION_KEY, String(MODEL_VERSION));
    await setSetting(
      ctx.db,
      LAST_RUN_KEY,
      JSON.stringify({ ...figures, started_at: run.startedAt, finished_at: finishedAt }),
    );
    run.finishedAt = finishedAt;
    return figures;
  } finally {
    clearInterval(heartbeat);
    await releaseLease(ctx.db, run.token);
  }
}

/**
 * Starts the full recomputation of the relationship model in a worker thread, or returns
 * the one already running in this process; another process's run refuses it (409). A run
 * that finishes stores the model version it computed.
 */
export function startRecompute(ctx: AppContext): Promise<RecomputeFigures> {
  const current = runs.get(ctx);
  if (current?.state === 'running') return current.done;
  let claimed = () => {};
  const run: Run = {
    token: randomUUID(),
    startedAt: Date.now(),
    state: 'running',
    finishedAt: null,
    figures: null,
    progress: null,
    error: null,
    claimed: new Promise<void>((resolve) => {
      claimed = resolve;
    }),
    done: Promise.resolve() as unknown as Promise<RecomputeFigures>,
    worker: null,
  };
  run.done = execute(ctx, run, claimed).then(
    (figures) => {
      run.state = 'finished';
      run.figures = figures;
      ctx.events.emit({
        type: 'relationships.recomputed',
        people: figures.people,
        pairs: figures.pairs,
      });
      ctx.log.info({ ...figures }, 'recomputed the relationship model');
      return figures;
    },
    (error: unknown) => {
      // Refused (another process runs one): this process's last run stays the one shown.
      if (error instanceof HttpError && runs.get(ctx) === run) {
        if (current) runs.set(ctx, current);
        else runs.delete(ctx);
      }
      run.state = 'failed';
      run.finishedAt = Date.now();
      run.error = error instanceof Error ? error.message : String(error);
      throw error;
    },
  );
  // The lease refused or the run failed before taking it: `claimed` settles either way.
  run.claimed = Promise.race([run.claimed, run.done.then(() => undefined)]);
  run.claimed.catch(() => {});
  runs.set(ctx, run);
  return run.done;
}

/** For the admin route: starts a run (or finds the running one) and waits until it holds the lease. */
export async function requestRecompute(ctx: AppContext): Promise<RelationshipRecompute> {
  const done = startRecompute(ctx);
  done.catch((error: unknown) => {
    if (!(error instanceof HttpError)) {
      ctx.log.error({ err: error }, 'the relationship recomputation failed');
    }
  });
  await (runs.get(ctx) as Run).claimed;
  return recomputeStatus(ctx);
}

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);

function describeProgress(progress: RecomputeProgress | null): string | null {
  if (!progress) return null;
  const n = (value: number) => value.toLocaleString('en');
  return `${progress.phase}: ${n(progress.done)} of ${n(progress.total)} people`;
}

/** This process's run, else one running elsewhere, else the last finished one. */
export async function recomputeStatus(ctx: AppContext): Promise<RelationshipRecompute> {
  const run = runs.get(ctx);
  const idle: RelationshipRecompute = {
    state: 'idle',
    started_at: null,
    finished_at: null,
    people: null,
    pairs: null,
    interactions: null,
    duration_ms: null,
    progress: null,
    error: null,
  };
  if (run && (run.state === 'running' || run.state === 'failed')) {
    return {
      ...idle,
      state: run.state,
      started_at: iso(run.startedAt),
      finished_at: iso(run.finishedAt),
      progress: run.state === 'running' ? describeProgress(run.progress) : null,
      error: run.error,
    };
  }
  const elsewhere = await readLease(ctx.db);
  if (elsewhere) return { ...idle, state: 'running', started_at: iso(elsewhere.lease.started_at) };
  const last = await getSetting(ctx.db, LAST_RUN_KEY);
  if (!last) return idle;
  const figures = JSON.parse(last) as RecomputeFigures & {
    started_at: number;
    finished_at: number;
  };
  return {
    ...idle,
    state: 'finished',
    started_at: iso(figures.started_at),
    finished_at: iso(figures.finished_at),
    people: figures.people,
    pairs: figures.pairs,
    interactions: figures.interactions,
    duration_ms: figures.duration_ms,
  };
}

/**
 * On start: relationships computed by another model version (or by none: an installation
 * that had a ledger before the model) are recomputed in the background. An empty ledger
 * has nothing to recompute: the version is simply stored.
 */
export async function recomputeIfOutdated(ctx: AppContext): Promise<void> {
  if ((await getSetting(ctx.db, MODEL_VERSION_KEY)) === String(MODEL_VERSION)) return;
  if (await ledgerIsEmpty(ctx.db)) {
    await markModelCurrent(ctx);
    return;
  }
  ctx.log.info(
    { version: MODEL_VERSION },
    'the relationship model changed: recomputing every relationship in the background',
  );
  try {
    await startRecompute(ctx);
  } catch (error) {
    if (error instanceof HttpError) ctx.log.info(error.message);
    else ctx.log.error({ err: error }, 'the relationship recomputation failed');
  }
}

/** Stores the current model version, for data built through the incremental update alone. */
export async function markModelCurrent(ctx: AppContext): Promise<void> {
  await setSetting(ctx.db, MODEL_VERSION_KEY, String(MODEL_VERSION));
}

/** On shutdown: the running thread stops after its current batch (or is ended after 10 s). */
export async function stopRecompute(ctx: AppContext): Promise<void> {
  const run = runs.get(ctx);
  if (run?.state !== 'running') return;
  run.worker?.postMessage(STOP);
  const ended = run.done.then(
    () => true,
    () => true,
  );
  const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref());
  if (!(await Promise.race([ended, late]))) await run.worker?.terminate();
  await ended;
}
