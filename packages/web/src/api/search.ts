import type {
  Account,
  SearchKind,
  SearchResults,
  Tag,
  UnifiedSearchResults,
} from '@rapport/schema';
import { send, sendJson } from './client';
import { nextPagePath } from './link-header';

export type SearchType = 'accounts' | 'statuses' | 'hashtags';

export const SEARCH_PAGE_SIZE = 20;

/** `GET /api/v2/search` for one type; statuses page on with `maxId` (offsets are not supported). */
export function search(
  q: string,
  type: SearchType,
  options: { limit?: number; maxId?: string; signal?: AbortSignal } = {},
): Promise<SearchResults> {
  return sendJson<SearchResults>('/api/v2/search', {
    query: { q, type, limit: options.limit ?? SEARCH_PAGE_SIZE, max_id: options.maxId },
    signal: options.signal,
  });
}

/** People for @mention suggestions. */
export function searchAccounts(q: string, signal?: AbortSignal): Promise<Account[]> {
  return sendJson<Account[]>('/api/v1/accounts/search', { query: { q, limit: 6 }, signal });
}

/** Hashtags for #hashtag suggestions. */
export async function searchHashtags(q: string, signal?: AbortSignal): Promise<Tag[]> {
  const results = await search(q, 'hashtags', { limit: 6, signal });
  return results.hashtags;
}

/** One answer of Rapport's search, with the path of the next page of its one kind. */
export type SearchEverythingPage = UnifiedSearchResults & { next: string | null };

/**
 * `GET /api/rapport/v1/search`: without `type`, a few of each kind; with it, one page of
 * that kind. Pass the previous page's `next` to continue.
 */
export async function searchEverything(
  q: string,
  type: SearchKind | undefined,
  options: { limit?: number; next?: string | null; signal?: AbortSignal } = {},
): Promise<SearchEverythingPage> {
  const response = options.next
    ? await send(options.next, { signal: options.signal })
    : await send('/api/rapport/v1/search', {
        query: { q, type, limit: options.limit },
        signal: options.signal,
      });
  const results = (await response.json()) as UnifiedSearchResults;
  return { ...results, next: nextPagePath(response.headers.get('Link')) };
}
