import type { SearchResults, Tag } from '@rapport/schema';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { queryKeys } from '../../api/query-keys';
import { SEARCH_PAGE_SIZE, type SearchType, search } from '../../api/search';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { HashIcon, SearchIcon } from '../../components/icons';
import { PeopleSkeleton } from '../../components/Skeleton';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { AccountRow } from '../social/AccountRow';
import { StatusCard } from '../statuses/StatusCard';
import { StatusSkeleton } from '../timelines/StatusSkeleton';

const TYPES: readonly SearchType[] = ['accounts', 'statuses', 'hashtags'];
const TYPE_LABELS = {
  accounts: 'search.people',
  statuses: 'search.statuses',
  hashtags: 'search.hashtags',
} as const;

function typeOf(value: string | null): SearchType {
  return TYPES.includes(value as SearchType) ? (value as SearchType) : 'accounts';
}

/** The search box and `?q=` follow each other (debounced); `?type=` picks the tab. */
function useSearchParamsState() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const type = typeOf(params.get('type'));
  const [input, setInput] = useState(query);
  const debounced = useDebouncedValue(input.trim(), 300);
  const lastQuery = useRef(query);

  useEffect(() => {
    if (debounced === lastQuery.current) return;
    lastQuery.current = debounced;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  useEffect(() => {
    if (query === lastQuery.current) return;
    lastQuery.current = query;
    setInput(query);
  }, [query]);

  return { input, setInput, query, type };
}

/** Weekly use of a hashtag: Mastodon's history lists days newest first, as strings. */
function peopleThisWeek(tag: Tag): number {
  return tag.history.reduce((sum, day) => sum + (Number(day.accounts) || 0), 0);
}

function useSearch(query: string, type: SearchType) {
  return useInfiniteQuery({
    queryKey: queryKeys.search(query, type),
    queryFn: ({ pageParam, signal }) =>
      search(query, type, { maxId: pageParam ?? undefined, signal }),
    initialPageParam: null as string | null,
    // Only statuses page on (by id); people and hashtags answer one page.
    getNextPageParam: (page: SearchResults) =>
      type === 'statuses' && page.statuses.length >= SEARCH_PAGE_SIZE
        ? (page.statuses[page.statuses.length - 1]?.id ?? null)
        : null,
    enabled: query.length > 0,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === type ? previous : undefined,
  });
}

export function SearchPage() {
  const t = useT();
  const inputId = useId();
  const { input, setInput, query, type } = useSearchParamsState();
  usePageTitle(query ? t('search.titleFor', { query }) : t('search.title'));
  const results = useSearch(query, type);
  const pages = results.data?.pages ?? [];
  const accounts = pages.flatMap((page) => page.accounts);
  const statuses = pages.flatMap((page) => page.statuses);
  const hashtags = pages.flatMap((page) => page.hashtags);
  const count =
    type === 'accounts' ? accounts.length : type === 'statuses' ? statuses.length : hashtags.length;
  const tabLink = (each: SearchType) => {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    if (each !== 'accounts') next.set('type', each);
    const search = next.toString();
    return search ? `/search?${search}` : '/search';
  };

  return (
    <div className="page page-feed">
      <header className="page-header">
        <h1>{t('search.title')}</h1>
      </header>
      <search className="search-box">
        <label htmlFor={inputId} className="visually-hidden">
          {t('search.label')}
        </label>
        <SearchIcon />
        <input
          id={inputId}
          type="search"
          className="input search-input"
          placeholder={t('search.placeholder')}
          value={input}
          onChange={(event) => setInput(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </search>
      <nav className="tabs" aria-label={t('search.types')}>
        {TYPES.map((each) => (
          <Link
            key={each}
            to={tabLink(each)}
            replace
            className={each === type ? 'tab tab-active' : 'tab'}
            aria-current={each === type ? 'page' : undefined}
          >
            {t(TYPE_LABELS[each])}
          </Link>
        ))}
      </nav>
      <p className="visually-hidden" role="status" aria-live="polite">
        {query && results.isSuccess ? t('search.results', { count }) : ''}
      </p>
      {!query ? (
        <EmptyState icon={<SearchIcon size={28} />} title={t('search.prompt')}>
          <p>{t('search.promptHint')}</p>
        </EmptyState>
      ) : results.isPending ? (
        type === 'statuses' ? (
          <StatusSkeleton />
        ) : (
          <PeopleSkeleton count={4} layout="list" />
        )
      ) : !results.data ? (
        <ErrorState error={results.error} onRetry={() => results.refetch()} />
      ) : count === 0 ? (
        <EmptyState title={t('search.empty', { query })}>
          <p>{t('search.emptyHint')}</p>
        </EmptyState>
      ) : (
        <div className={results.isPlaceholderData ? 'is-refreshing' : undefined}>
          {type === 'accounts' && (
            <ul className="account-list card">
              {accounts.map((account) => (
                <li key={account.id}>
                  <AccountRow account={account} />
                </li>
              ))}
            </ul>
          )}
          {type === 'statuses' && (
            <div className="timeline">
              {statuses.map((status) => (
                <StatusCard key={status.id} status={status} />
              ))}
            </div>
          )}
          {type === 'hashtags' && (
            <ul className="tag-list card">
              {hashtags.map((tag) => (
                <li key={tag.name}>
                  <Link to={`/tags/${encodeURIComponent(tag.name)}`} className="tag-link">
                    <HashIcon size={18} />
                    <span className="tag-link-name">{tag.name}</span>
                  </Link>
                  <span className="muted small">
                    {t('search.tagPeople', { count: peopleThisWeek(tag) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {results.hasNextPage && (
            <div className="load-more">
              <Button pending={results.isFetchingNextPage} onClick={() => results.fetchNextPage()}>
                {results.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
