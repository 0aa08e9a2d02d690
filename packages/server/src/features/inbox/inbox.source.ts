import type { InboxFilter, InboxItem } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';

/** Where a page starts: below this position (and, at it, below this source's rank). */
export interface InboxCursor {
  position: number;
  rank: number;
}

/** One candidate item: its place in the blended order, and what its source needs to show it. */
export interface Listed {
  /** A snowflake id (a notification's, a chat's latest message's): newest first. */
  position: number;
  /** Its id within its source: the item id is `<source>-<id>`. */
  id: number;
  /** Opaque to the blend; the source that listed it presents it. */
  value: unknown;
}

/**
 * One kind of thing that lands in the inbox. The blend (inbox.service.ts) asks every source
 * that takes part in a filter for its newest candidates, merges them by position, and lets
 * each source present, count, and mark read its own items.
 */
export interface InboxSource {
  /** The prefix of its item ids: `notification-12`, `chat-34`. */
  name: 'notification' | 'chat';
  /** Breaks a tie between two sources at one position (the higher comes first). */
  rank: number;
  filters: ReadonlySet<InboxFilter>;
  /** Its newest candidates for the filter below the cursor, newest first. */
  list(
    ctx: AppContext,
    viewer: Viewer,
    filter: InboxFilter,
    before: InboxCursor | undefined,
    limit: number,
  ): Promise<Listed[]>;
  /** Items for candidates it listed, in their order; one no longer visible is left out. */
  present(ctx: AppContext, viewer: Viewer, values: unknown[]): Promise<InboxItem[]>;
  /** Its unread items, counted no further than `limit`. */
  unreadCount(ctx: AppContext, viewer: Viewer, limit: number): Promise<number>;
  /** Marks one of its items read everywhere; 404 when the viewer has no such item. */
  markRead(ctx: AppContext, viewer: Viewer, id: number): Promise<void>;
  markAllRead(ctx: AppContext, viewer: Viewer): Promise<void>;
}

/** The exclusive upper bound a source with `rank` applies to its positions after `before`. */
export function positionBelow(before: InboxCursor | undefined, rank: number): number | undefined {
  if (!before) return undefined;
  // Ordered by (position, rank) descending: at the cursor's own position, only sources
  // ranked below the cursor's are still to come.
  return rank < before.rank ? before.position + 1 : before.position;
}
