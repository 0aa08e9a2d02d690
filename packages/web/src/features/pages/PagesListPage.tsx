import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { getPagePlaces, listPages } from '../../api/pages';
import { queryKeys } from '../../api/query-keys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, SuccessMessage } from '../../components/FormMessage';
import { PlusIcon } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { SearchBox } from '../../components/SearchBox';
import { usePageTitle } from '../../components/use-page-title';
import { useSearchQuery } from '../../components/use-search-query';
import { useT } from '../../i18n/I18nProvider';
import { PageListItem } from './PageListItem';
import { PageListSkeleton } from './PageSkeletons';
import { pagePaths } from './page-paths';

/** The search box, the place filter and the address bar follow each other. */
function useListParams() {
  const [params, setParams] = useSearchParams();
  const [input, setInput, query] = useSearchQuery();
  const place = params.get('place') ?? '';

  const setPlace = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('place', value);
        else next.delete('place');
        return next;
      },
      { replace: true },
    );

  return { input, setInput, query, place, setPlace };
}

export function PagesListPage() {
  const t = useT();
  const placeId = useId();
  const { input, setInput, query, place, setPlace } = useListParams();
  usePageTitle(t('pages.title'));
  // Set by the page view after a delete.
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const places = useQuery({ queryKey: queryKeys.pagePlaces, queryFn: getPagePlaces });
  const canWrite = Boolean(
    places.data && (places.data.organisation || places.data.communities.length > 0),
  );
  const newPath = pagePaths.create(place && place !== 'organisation' ? place : undefined);

  return (
    <div className="page page-medium">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('pages.title')}</h1>
          <p className="muted">{t('pages.intro')}</p>
        </div>
        {canWrite && (
          <Link to={newPath} className="button button-primary">
            <PlusIcon />
            {t('pages.new')}
          </Link>
        )}
      </header>
      <SuccessMessage>{notice}</SuccessMessage>
      <div className="pages-filters">
        <SearchBox
          label={t('pages.search')}
          placeholder={t('pages.searchPlaceholder')}
          value={input}
          onChange={setInput}
        />
        <div className="pages-place">
          <label htmlFor={placeId} className="visually-hidden">
            {t('pages.place')}
          </label>
          <select
            id={placeId}
            className="input select"
            value={place}
            onChange={(event) => setPlace(event.target.value)}
          >
            <option value="">{t('pages.place.all')}</option>
            {places.data?.organisation !== false && (
              <option value="organisation">{t('pages.place.organisation')}</option>
            )}
            {places.data?.communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <PageResults query={query} place={place} canWrite={canWrite} newPath={newPath} />
    </div>
  );
}

/**
 * The pages matching `query` in `place` ('' everywhere, 'organisation', or a community),
 * for the pages list and a community's Pages section.
 */
export function PageResults({
  query,
  place,
  canWrite,
  newPath,
}: {
  query: string;
  place: string;
  canWrite: boolean;
  newPath: string;
}) {
  const t = useT();
  const pages = useInfiniteQuery({
    queryKey: queryKeys.pages(query, place),
    queryFn: ({ pageParam }) => listPages({ q: query, place }, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    placeholderData: (previous) => previous,
  });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {pages.isSuccess ? t('pages.results', { count: items.length }) : ''}
      </p>
      {pages.isPending ? (
        <PageListSkeleton />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => pages.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={query ? t('pages.empty', { query }) : t('pages.emptyAll')}>
          <p>{query ? t('pages.emptyHint') : t('pages.emptyAllHint')}</p>
          {canWrite && (
            <Link to={newPath} className="button button-primary">
              {t('pages.writeFirst')}
            </Link>
          )}
        </EmptyState>
      ) : (
        <div className={pages.isPlaceholderData ? 'is-refreshing' : undefined}>
          <ul className="page-list">
            {items.map((page) => (
              <li key={page.id}>
                <PageListItem page={page} />
              </li>
            ))}
          </ul>
          <LoadMore list={pages} />
        </div>
      )}
    </>
  );
}
