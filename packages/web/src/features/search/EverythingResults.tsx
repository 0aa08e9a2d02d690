import type { SearchKind, UnifiedSearchResults } from '@rapport/schema';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { queryKeys } from '../../api/query-keys';
import { type SearchEverythingPage, searchEverything } from '../../api/search';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { useT } from '../../i18n/I18nProvider';
import { SearchResultList, SearchResultSkeleton } from './SearchResultList';
import { KINDS, OVERVIEW_ORDER, TAB_LABELS, tabPath } from './search-tabs';

function useEverything(query: string, tab: SearchKind | 'all') {
  return useInfiniteQuery({
    queryKey: queryKeys.searchEverything(query, tab),
    queryFn: ({ pageParam, signal }) =>
      searchEverything(query, tab === 'all' ? undefined : tab, { next: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page: SearchEverythingPage) => page.next,
    // While a new query loads, the old results stay (dimmed) rather than flashing away.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[3] === tab ? previous : undefined,
  });
}

/** All pages of answers merged into one set of results. */
function merged(pages: SearchEverythingPage[]): UnifiedSearchResults {
  const all: UnifiedSearchResults = {
    accounts: [],
    statuses: [],
    communities: [],
    questions: [],
    pages: [],
    events: [],
  };
  for (const page of pages) {
    for (const kind of KINDS) (all[kind] as unknown[]).push(...page[kind]);
  }
  return all;
}

/**
 * Rapport's search: on the "All" tab a few of each kind, each section with a link to its
 * own tab; on a kind's tab one list that loads more on demand.
 */
export function EverythingResults({ query, tab }: { query: string; tab: SearchKind | 'all' }) {
  const t = useT();
  const results = useEverything(query, tab);
  if (results.isPending) return <SearchResultSkeleton kind={tab} />;
  if (!results.data) return <ErrorState error={results.error} onRetry={() => results.refetch()} />;
  const found = merged(results.data.pages);
  const count =
    tab === 'all' ? KINDS.reduce((sum, kind) => sum + found[kind].length, 0) : found[tab].length;
  return (
    <div className={results.isPlaceholderData ? 'search-results is-refreshing' : 'search-results'}>
      <p className="visually-hidden" role="status" aria-live="polite">
        {t('search.results', { count })}
      </p>
      {count === 0 ? (
        <EmptyState
          title={tab === 'all' ? t('search.empty', { query }) : t(`search.none.${tab}`, { query })}
        >
          <p>{t('search.emptyHint')}</p>
        </EmptyState>
      ) : tab === 'all' ? (
        OVERVIEW_ORDER.filter((kind) => found[kind].length > 0).map((kind) => (
          <OverviewSection key={kind} kind={kind} query={query} results={found} />
        ))
      ) : (
        <>
          <SearchResultList kind={tab} results={found} />
          <LoadMore list={results} />
        </>
      )}
    </div>
  );
}

function OverviewSection({
  kind,
  query,
  results,
}: {
  kind: SearchKind;
  query: string;
  results: UnifiedSearchResults;
}) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="search-section" aria-labelledby={headingId} data-kind={kind}>
      <header className="search-section-header">
        <h2 id={headingId}>{t(TAB_LABELS[kind])}</h2>
        <Link to={tabPath(query, kind)} className="search-see-all">
          {t(`search.seeAll.${kind}`)}
        </Link>
      </header>
      <SearchResultList kind={kind} results={results} />
    </section>
  );
}
