import { useInfiniteQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { listPeople } from '../../api/accounts';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { SearchIcon } from '../../components/icons';
import { PeopleSkeleton } from '../../components/Skeleton';
import { usePageTitle } from '../../components/use-page-title';
import { useSearchQuery } from '../../components/use-search-query';
import { useT } from '../../i18n/I18nProvider';
import { PersonCard } from './PersonCard';

const PAGE_SIZE = 24;

export function PeoplePage() {
  const t = useT();
  const searchId = useId();
  const [input, setInput, query] = useSearchQuery();
  usePageTitle(t('people.title'));
  const people = useInfiniteQuery({
    queryKey: queryKeys.people(query),
    queryFn: ({ pageParam }) => listPeople({ q: query, limit: PAGE_SIZE }, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    placeholderData: (previous) => previous,
  });
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('people.title')}</h1>
        <p className="muted">{t('people.intro')}</p>
      </header>
      <search className="search-box">
        <label htmlFor={searchId} className="visually-hidden">
          {t('people.search')}
        </label>
        <SearchIcon />
        <input
          id={searchId}
          type="search"
          className="input search-input"
          placeholder={t('people.searchPlaceholder')}
          value={input}
          onChange={(event) => setInput(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </search>
      <p className="visually-hidden" role="status" aria-live="polite">
        {people.isSuccess ? t('people.results', { count: items.length }) : ''}
      </p>
      {people.isPending ? (
        <PeopleSkeleton />
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => people.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={query ? t('people.empty', { query }) : t('people.emptyAll')}>
          {query && <p>{t('people.emptyHint')}</p>}
        </EmptyState>
      ) : (
        <div className={people.isPlaceholderData ? 'is-refreshing' : undefined}>
          <ul className="people-grid">
            {items.map((person) => (
              <li key={person.id}>
                <PersonCard person={person} />
              </li>
            ))}
          </ul>
          {people.hasNextPage && (
            <div className="load-more">
              <Button pending={people.isFetchingNextPage} onClick={() => people.fetchNextPage()}>
                {people.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
