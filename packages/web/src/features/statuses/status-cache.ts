import type { Notification, SearchResults, Status } from '@rapport/schema';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Page } from '../../api/client';
import type { Context } from '../../api/entities';

/**
 * Orders snowflake ids (decimal strings): longer is larger, then character by character.
 * Numbers would do until 2^53, but strings never lose precision.
 */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Changes one status wherever it appears; null removes it. */
export type StatusMapper = (status: Status) => Status | null;

/**
 * Applies `map` to a status and to the status it boosts. A boost whose original is removed
 * goes with it; the boost's own `reblog` field keeps Mastodon's one-level shape.
 */
export function mapStatus(status: Status, map: StatusMapper): Status | null {
  if (status.reblog) {
    // The boosted status has `reblog: null`, so it is a Status as it stands.
    const original = map(status.reblog as Status);
    if (!original) return null;
    const wrapper = map(status);
    if (!wrapper) return null;
    if (original === status.reblog) return wrapper;
    return { ...wrapper, reblog: { ...original, reblog: null } };
  }
  return map(status);
}

export function mapStatusList(list: Status[], map: StatusMapper): Status[] {
  let changed = false;
  const next: Status[] = [];
  for (const status of list) {
    const mapped = mapStatus(status, map);
    if (mapped !== status) changed = true;
    if (mapped) next.push(mapped);
  }
  return changed ? next : list;
}

/** The newest first, each id once: `incoming` wins over `existing` for the same id. */
export function mergeStatuses(incoming: readonly Status[], existing: readonly Status[]): Status[] {
  const byId = new Map<string, Status>();
  for (const status of existing) byId.set(status.id, status);
  for (const status of incoming) byId.set(status.id, status);
  return [...byId.values()].sort((a, b) => compareIds(b.id, a.id));
}

export type TimelineData = InfiniteData<Page<Status>, string | null>;

export function timelineIds(data: TimelineData | undefined): Set<string> {
  return new Set(data?.pages.flatMap((page) => page.items.map((status) => status.id)) ?? []);
}

/** The newest status id a timeline holds, to ask the server for what came after it. */
export function newestId(data: TimelineData | undefined): string | null {
  let newest: string | null = null;
  for (const page of data?.pages ?? []) {
    for (const status of page.items) {
      if (newest === null || compareIds(status.id, newest) > 0) newest = status.id;
    }
  }
  return newest;
}

/**
 * Puts statuses at the top of a timeline's first page, skipping those it already holds
 * (a live update can arrive twice, or after the page that contains it was fetched).
 */
export function prependToTimeline(data: TimelineData, statuses: readonly Status[]): TimelineData {
  const known = timelineIds(data);
  const fresh = statuses.filter((status) => !known.has(status.id));
  if (fresh.length === 0) return data;
  const [first, ...rest] = data.pages;
  const firstPage: Page<Status> = first
    ? { ...first, items: mergeStatuses(fresh, first.items) }
    : { items: mergeStatuses(fresh, []), next: null };
  return { ...data, pages: [firstPage, ...rest] };
}

/** Statuses newer than anything the timeline shows and not waiting already: the ones to announce. */
export function unseenStatuses(
  incoming: readonly Status[],
  data: TimelineData | undefined,
  waiting: readonly Status[],
): Status[] {
  const known = timelineIds(data);
  for (const status of waiting) known.add(status.id);
  return incoming.filter((status) => !known.has(status.id));
}

function mapPages<T>(
  data: InfiniteData<Page<T>, unknown>,
  mapItems: (items: T[]) => T[],
): InfiniteData<Page<T>, unknown> {
  let changed = false;
  const pages = data.pages.map((page) => {
    const items = mapItems(page.items);
    if (items === page.items) return page;
    changed = true;
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

function mapNotifications(list: Notification[], map: StatusMapper): Notification[] {
  let changed = false;
  const next: Notification[] = [];
  for (const notification of list) {
    if (!notification.status) {
      next.push(notification);
      continue;
    }
    const status = mapStatus(notification.status, map);
    if (status === notification.status) {
      next.push(notification);
      continue;
    }
    changed = true;
    // A notification about a deleted status goes too, as the server drops it.
    if (status) next.push({ ...notification, status });
  }
  return changed ? next : list;
}

/**
 * The cached value of one query with `map` applied to each status in it; the same value
 * when nothing changed, so untouched queries do not re-render. The key's first parts say
 * the shape (see api/query-keys.ts).
 */
export function mapStatusesInQuery(
  key: readonly unknown[],
  data: unknown,
  map: StatusMapper,
): unknown {
  if (data === undefined || data === null) return data;
  const [root, kind] = key;
  if (root === 'statuses' && kind === 'timeline') {
    return mapPages(data as InfiniteData<Page<Status>>, (items) => mapStatusList(items, map));
  }
  if (root === 'statuses' && kind === 'one') {
    // A deleted status stays cached; the page showing it handles the removal itself.
    return mapStatus(data as Status, map) ?? data;
  }
  if (root === 'statuses' && kind === 'context') {
    const context = data as Context;
    const ancestors = mapStatusList(context.ancestors, map);
    const descendants = mapStatusList(context.descendants, map);
    return ancestors === context.ancestors && descendants === context.descendants
      ? context
      : { ancestors, descendants };
  }
  if (root === 'notifications' && kind === 'list') {
    return mapPages(data as InfiniteData<Page<Notification>>, (items) =>
      mapNotifications(items, map),
    );
  }
  if (root === 'search') {
    // Rapport's search also lists questions, which are statuses too.
    const search = data as InfiniteData<SearchResults & { questions?: Status[] }>;
    let changed = false;
    const pages = search.pages.map((page) => {
      const statuses = mapStatusList(page.statuses, map);
      const questions = page.questions && mapStatusList(page.questions, map);
      if (statuses === page.statuses && questions === page.questions) return page;
      changed = true;
      return { ...page, statuses, ...(questions ? { questions } : {}) };
    });
    return changed ? { ...search, pages } : search;
  }
  return data;
}

const STATUS_ROOTS = new Set(['statuses', 'notifications', 'search']);

/** Applies `map` to every cached status, in every timeline, thread, notification and search. */
export function updateCachedStatuses(queryClient: QueryClient, map: StatusMapper): void {
  for (const query of queryClient.getQueryCache().getAll()) {
    const key = query.queryKey;
    if (!STATUS_ROOTS.has(String(key[0]))) continue;
    const data = query.state.data;
    const next = mapStatusesInQuery(key, data, map);
    if (next !== data) queryClient.setQueryData(key, next);
  }
}

/** Changes the status with this id (whether shown on its own or boosted). */
export function updateCachedStatus(
  queryClient: QueryClient,
  id: string,
  change: (status: Status) => Status,
): void {
  updateCachedStatuses(queryClient, (status) => (status.id === id ? change(status) : status));
}

/** Removes a status, and every boost of it, from everything cached. */
export function removeCachedStatus(queryClient: QueryClient, id: string): void {
  updateCachedStatuses(queryClient, (status) => (status.id === id ? null : status));
}

/** Puts a new version of a status (after an edit or a server answer) wherever it is shown. */
export function replaceCachedStatus(queryClient: QueryClient, fresh: Status): void {
  const plain = fresh.reblog ? { ...fresh.reblog, reblog: null } : fresh;
  updateCachedStatus(
    queryClient,
    plain.id,
    (status) =>
      // The server's answer does not know which boost wrapped it; keep per-viewer flags it omits.
      ({
        ...plain,
        reblog: null,
        favourited: plain.favourited ?? status.favourited,
        reblogged: plain.reblogged ?? status.reblogged,
        bookmarked: plain.bookmarked ?? status.bookmarked,
      }) as Status,
  );
}
