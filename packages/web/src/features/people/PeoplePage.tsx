import { useInfiniteQuery } from '@tanstack/react-query';
import { listPeople } from '../../api/accounts';
import { queryKeys } from '../../api/query-keys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { SearchBox } from '../../components/SearchBox';
import { PeopleSkeleton } from '../../components/Skeleton';
import { usePageTitle } from '../../components/use-page-title';
import { useSearchQuery } from '../../components/use-search-query';
import { useT } from '../../i18n/I18nProvider';
import { PersonCard } from './PersonCard';

const PAGE_SIZE = 24;

export function PeoplePage() {
  const t = useT();
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
      <SearchBox
        label={t('people.search')}
        placeholder={t('people.searchPlaceholder')}
        value={input}
        onChange={setInput}
        spellCheck={false}
      />
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
          <LoadMore list={people} />
        </div>
      )}
    </div>
  );
}
