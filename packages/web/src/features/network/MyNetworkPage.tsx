import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { PeopleSkeleton } from '../../components/Skeleton';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { InsightsOff } from './InsightsOff';
import { listRelationships, type NetworkFilter, networkKeys } from './network-api';
import { RelationshipItem } from './RelationshipItem';
import { STAGE_LABEL, STAGE_MEANING } from './RelationshipParts';
import { StageGuide } from './StageGuide';
import {
  filterFromSearch,
  filterToSearch,
  groupByStage,
  NETWORK_STAGES,
  sameFilter,
} from './stages';
import { isInsightsOff, useInsightsEnabled } from './use-privacy';

const FILTERS: readonly NetworkFilter[] = [
  null,
  ...NETWORK_STAGES.map((stage) => ({ stage })),
  { dormant: true },
];

/** `/network`: the people the viewer has crossed paths with, grouped by stage. */
export function MyNetworkPage() {
  const t = useT();
  usePageTitle(t('network.tab.mine'));
  const [search] = useSearchParams();
  const filter = filterFromSearch(search);
  const enabled = useInsightsEnabled();
  const list = useInfiniteQuery({
    queryKey: networkKeys.list(filter),
    queryFn: ({ pageParam }) => listRelationships(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    placeholderData: (previous) => previous,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  const filterLabel = (each: NetworkFilter) =>
    each === null
      ? t('network.filter.all')
      : 'stage' in each
        ? t(STAGE_LABEL[each.stage])
        : t('network.filter.dormant');

  if (!enabled || isInsightsOff(list.error)) return <InsightsOff />;
  return (
    <div className="network-mine">
      <StageGuide />
      <nav className="filter-chips" aria-label={t('network.filters')}>
        <ul>
          {FILTERS.map((each) => {
            const current = sameFilter(each, filter);
            return (
              <li key={filterToSearch(each) || 'all'}>
                <Link
                  to={{ search: filterToSearch(each) }}
                  replace
                  className={current ? 'filter-chip filter-chip-active' : 'filter-chip'}
                  aria-current={current ? 'true' : undefined}
                >
                  {filterLabel(each)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <p className="visually-hidden" role="status" aria-live="polite">
        {list.isSuccess ? t('network.count', { count: items.length }) : ''}
      </p>
      {list.isPending ? (
        <PeopleSkeleton layout="list" count={4} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyNetwork filter={filter} />
      ) : (
        <div className={list.isPlaceholderData ? 'is-refreshing' : undefined}>
          {filter && 'dormant' in filter ? (
            <ul className="network-list" aria-label={t('network.dormantLabel')}>
              {items.map((relationship) => (
                <li key={relationship.id}>
                  <RelationshipItem relationship={relationship} />
                </li>
              ))}
            </ul>
          ) : (
            groupByStage(items).map((group) => {
              const stage = t(STAGE_LABEL[group.stage]);
              const headingId = `network-stage-${group.stage}`;
              return (
                <section key={group.stage} className="network-group" aria-labelledby={headingId}>
                  <h2 id={headingId} className="network-group-title">
                    {stage}
                  </h2>
                  <p className="muted small network-group-meaning">
                    {t(STAGE_MEANING[group.stage])}
                  </p>
                  <ul className="network-list" aria-label={t('network.listLabel', { stage })}>
                    {group.items.map((relationship) => (
                      <li key={relationship.id}>
                        <RelationshipItem relationship={relationship} />
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })
          )}
          <LoadMore list={list} />
        </div>
      )}
    </div>
  );
}

function EmptyNetwork({ filter }: { filter: NetworkFilter }) {
  const t = useT();
  if (filter === null) {
    return (
      <EmptyState title={t('network.empty')}>
        <p>{t('network.emptyHint')}</p>
      </EmptyState>
    );
  }
  if ('dormant' in filter) {
    return (
      <EmptyState title={t('network.emptyDormant')}>
        <p>{t('network.emptyDormantHint')}</p>
      </EmptyState>
    );
  }
  return <EmptyState title={t('network.emptyStage', { stage: t(STAGE_LABEL[filter.stage]) })} />;
}
