import type { Db } from '../../db/tables';
import { touchTokens } from './tokens.queries';

/** How often a token's last_used_at moves: enough to show activity, never a write per request. */
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;
/** Pending touches are written together this often (and when the server stops). */
const FLUSH_INTERVAL_MS = 10 * 1000;

/**
 * Records when tokens were last used without a write per request: a request only notes
 * its token in memory, and the notes are written in one statement every few seconds. A
 * crash loses at most a few seconds of "last used" times, which nobody was told were saved.
 */
export class TokenTouches {
  private readonly pending = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void,
  ) {}

  note(token: { id: number; last_used_at: number | null }, now: number): void {
    if (token.last_used_at !== null && now - token.last_used_at < TOUCH_INTERVAL_MS) return;
    this.pending.add(token.id);
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
    const ids = [...this.pending];
    this.pending.clear();
    this.flushing = this.flushing.then(() =>
      touchTokens(this.db, ids, Date.now()).catch(this.onError),
    );
    return this.flushing;
  }
}
