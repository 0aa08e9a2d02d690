import type { Account, SearchResults, Tag } from '@rapport/schema';
import { sendJson } from './client';

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
