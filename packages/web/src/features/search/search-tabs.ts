import type { SearchKind } from '@rapport/schema';

/** The tabs of the search page: everything at once, one kind, or Mastodon's hashtags. */
export type SearchTab = 'all' | SearchKind | 'hashtags';

export const KINDS: readonly SearchKind[] = [
  'accounts',
  'statuses',
  'communities',
  'questions',
  'pages',
  'events',
];

/** The order of the "All" view: the smaller, more specific kinds first, statuses last. */
export const OVERVIEW_ORDER: readonly SearchKind[] = [
  'accounts',
  'communities',
  'questions',
  'pages',
  'events',
  'statuses',
];

export const TABS: readonly SearchTab[] = ['all', ...KINDS, 'hashtags'];

export const TAB_LABELS = {
  all: 'search.all',
  accounts: 'search.people',
  statuses: 'search.statuses',
  communities: 'search.communities',
  questions: 'search.questions',
  pages: 'search.pages',
  events: 'search.events',
  hashtags: 'search.hashtags',
} as const;

export function tabOf(value: string | null): SearchTab {
  return TABS.includes(value as SearchTab) ? (value as SearchTab) : 'all';
}

/** The URL of a tab, keeping the query: `/search?q=…&type=pages`. */
export function tabPath(query: string, tab: SearchTab): string {
  const next = new URLSearchParams();
  if (query) next.set('q', query);
  if (tab !== 'all') next.set('type', tab);
  const search = next.toString();
  return search ? `/search?${search}` : '/search';
}
