import type { InboxFilter, InboxItem } from '@rapport/schema';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { chatSource } from './chat-source';
import type { InboxCursor, InboxSource, Listed } from './inbox.source';
import { notificationSource } from './notification-source';

/**
 * The blended inbox: the one place where its sources meet. Each source lists its newest
 * candidates for a filter; they are merged newest first by position (a snowflake id, so
 * the order is the order things happened), and each source presents, counts and marks read
 * its own items. A new kind of item is one more source in this list.
 */
const SOURCES: readonly InboxSource[] = [notificationSource, chatSource];

export interface InboxPage {
  items: InboxItem[];
  /** Where the next page starts, when this one was full. */
  next: InboxCursor | undefined;
}

export async function inboxPage(
  ctx: AppContext,
  viewer: Viewer,
  filter: InboxFilter,
  before: InboxCursor | undefined,
  limit: number,
): Promise<InboxPage> {
  const sources = SOURCES.filter((source) => source.filters.has(filter));
  const lists = await Promise.all(
    sources.map(async (source) => {
      const listed = await source.list(ctx, viewer, filter, before, limit);
      return listed.map((each) => ({ ...each, source }));
    }),
  );
  const page = lists
    .flat()
    .sort((a, b) => b.position - a.position || b.source.rank - a.source.rank)
    .slice(0, limit);
  const presented = await Promise.all(
    sources.map(async (source) => {
      const mine = page.filter((each) => each.source === source);
      const items = mine.length
        ? await source.present(
            ctx,
            viewer,
            mine.map((each: Listed) => each.value),
          )
        : [];
      return items;
    }),
  );
  const byId = new Map(presented.flat().map((item) => [item.id, item]));
  const last = page.at(-1);
  return {
    items: page.flatMap((each) => {
      const item = byId.get(`${each.source.name}-${each.id}`);
      return item ? [item] : [];
    }),
    next:
      page.length === limit && last
        ? { position: last.position, rank: last.source.rank }
        : undefined,
  };
}

/** Unread items over every source, counted no further than `limit`. */
export async function inboxUnreadCount(
  ctx: AppContext,
  viewer: Viewer,
  limit: number,
): Promise<number> {
  const counts = await Promise.all(SOURCES.map((source) => source.unreadCount(ctx, viewer, limit)));
  return Math.min(
    limit,
    counts.reduce((sum, count) => sum + count, 0),
  );
}

/** Opening an item marks it read wherever it came from (404 for an unknown item). */
export async function readInboxItem(
  ctx: AppContext,
  viewer: Viewer,
  itemId: string,
): Promise<void> {
  const dash = itemId.lastIndexOf('-');
  const source = SOURCES.find((each) => each.name === itemId.slice(0, dash));
  if (!source) throw notFound('Inbox item');
  await source.markRead(ctx, viewer, Number(itemId.slice(dash + 1)));
}

/** "Mark all read": every source marks all of its items read. */
export async function readWholeInbox(ctx: AppContext, viewer: Viewer): Promise<void> {
  for (const source of SOURCES) await source.markAllRead(ctx, viewer);
}
