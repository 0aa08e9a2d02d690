import type { Status } from '@rapport/schema';
import { type Page, sendPage } from './client';

const TIMELINE_PAGE_SIZE = 20;

/** Every list of statuses the app shows, as one value that also names its cache entry. */
export type TimelineSource =
  | { kind: 'home' }
  /** The organisation timeline: public statuses of everyone (Mastodon's local timeline). */
  | { kind: 'organisation' }
  | { kind: 'tag'; tag: string }
  | { kind: 'account'; accountId: string; filter: AccountStatusFilter }
  | { kind: 'bookmarks' }
  | { kind: 'favourites' }
  /** A community's conversations (features/communities), and the statuses pinned in it. */
  | { kind: 'community'; communityId: string }
  | { kind: 'communityPins'; communityId: string };

export type AccountStatusFilter = 'statuses' | 'replies' | 'media';

function firstPage(source: TimelineSource): {
  path: string;
  query: Record<string, string | boolean>;
} {
  switch (source.kind) {
    case 'home':
      return { path: '/api/v1/timelines/home', query: {} };
    case 'organisation':
      return { path: '/api/v1/timelines/public', query: { local: true } };
    case 'tag':
      return {
        path: `/api/v1/timelines/tag/${encodeURIComponent(source.tag)}`,
        query: {},
      };
    case 'account':
      return {
        path: `/api/v1/accounts/${encodeURIComponent(source.accountId)}/statuses`,
        query:
          source.filter === 'statuses'
            ? { exclude_replies: true }
            : source.filter === 'media'
              ? { only_media: true }
              : {},
      };
    case 'bookmarks':
      return { path: '/api/v1/bookmarks', query: {} };
    case 'favourites':
      return { path: '/api/v1/favourites', query: {} };
    case 'community':
      return {
        path: `/api/rapport/v1/communities/${encodeURIComponent(source.communityId)}/timeline`,
        query: {},
      };
    case 'communityPins':
      return {
        path: `/api/rapport/v1/communities/${encodeURIComponent(source.communityId)}/pins`,
        query: {},
      };
  }
}

/** A page of a timeline; pass the `next` path (from the Link header) to continue. */
export function listTimeline(source: TimelineSource, next?: string | null): Promise<Page<Status>> {
  if (next) return sendPage<Status>(next);
  const { path, query } = firstPage(source);
  return sendPage<Status>(path, {
    query: { ...query, limit: TIMELINE_PAGE_SIZE },
  });
}

/** Statuses newer than `minId`, to fill the gap after the live connection was lost. */
export function listTimelineSince(source: TimelineSource, minId: string): Promise<Page<Status>> {
  const { path, query } = firstPage(source);
  return sendPage<Status>(path, {
    query: { ...query, min_id: minId, limit: 40 },
  });
}
