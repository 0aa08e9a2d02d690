import type { Db } from '../../db/tables';
import { DAY_MS } from '../../lib/time';
import { recordActivityDays } from './activity.queries';

/** Pending days are written together this often (and when the server stops). */
const FLUSH_INTERVAL_MS = 10 * 1000;
/** Days already written that this process remembers, so a busy day costs one row per person. */
const REMEMBERED = 200_000;

/**
 * The days each person used Rapport, which is how analytics tell an observer (reads, never
 * writes) from someone inactive. A signed-in request notes its person in memory; the notes
 * are written in one statement every few seconds. A crash loses at most those seconds of
 * "was active today", which nobody was told were saved.
 */
export class ActivityDays {
  private readonly seen = new Set<string>();
  private readonly pending = new Map<string, { account_id: number; day: number }>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void,
  ) {}

  note(accountId: number, now: number): void {
    const day = Math.floor(now / DAY_MS);
    const key = `${accountId}:${day}`;
    if (this.seen.has(key)) return;
    if (this.seen.size >= REMEMBERED) this.seen.clear();
    this.seen.add(key);
    this.pending.set(key, { account_id: accountId, day });
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, FLUSH_INTERVAL_MS);
      this.timer.unref();
    }
  }

  /** Writes what is pending; resolves once it is written (or the write failed and was reported). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const rows = [...this.pending.values()];
    this.pending.clear();
    this.flushing = this.flushing.then(() => recordActivityDays(this.db, rows).catch(this.onError));
    return this.flushing;
  }
}
