import type { CachedAccount } from './features/accounts/accounts.presenter';
import type { CachedStatusBody } from './features/statuses/statuses.present';
import { Lru } from './lib/lru';

/**
 * What the presenters keep between requests, per process: the parts of accounts and
 * statuses that only change when their row does. Every entry carries the row values it was
 * made from and is used only while the row read by the request still has them, so nothing
 * goes stale when another process (or a direct database write) changes a row.
 */
export class PresentationCache {
  readonly accounts = new Lru<number, CachedAccount>(20_000);
  readonly statuses = new Lru<number, CachedStatusBody>(50_000);
}
