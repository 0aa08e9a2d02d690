import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { type EventTab, listEvents, listHostCommunities } from '../../api/events';
import { queryKeys } from '../../api/query-keys';
import { EmptyState } from '../../components/EmptyState';
import { SelectField } from '../../components/Field';
import { ErrorState } from '../../components/FormMessage';
import { PlusIcon } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { PeopleSkeleton } from '../../components/Skeleton';
import { usePageTitle } from '../../components/use-page-title';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/I18nProvider';
import { EventItem } from './EventItem';
import { CalendarIcon } from './icons';

export const EVENT_TABS: ReadonlyArray<{ tab: EventTab; label: MessageKey }> = [
  { tab: 'upcoming', label: 'events.tab.upcoming' },
  { tab: 'past', label: 'events.tab.past' },
  { tab: 'going', label: 'events.tab.going' },
];

const EMPTY: Record<EventTab, { title: MessageKey; hint?: MessageKey }> = {
  upcoming: { title: 'events.empty.upcoming', hint: 'events.empty.upcomingHint' },
  past: { title: 'events.empty.past' },
  going: { title: 'events.empty.going', hint: 'events.empty.goingHint' },
};

export function eventTabOf(value: string | null): EventTab {
  return value === 'past' || value === 'going' ? value : 'upcoming';
}

/**
 * A list of events, as the events page and a community's page show it: keyset pages with
 * "Load more", a skeleton while loading, and an empty state that says what to do.
 */
export function EventList({ tab, communityId }: { tab: EventTab; communityId?: string }) {
  const t = useT();
  const filter = { tab, communityId };
  const events = useInfiniteQuery({
    queryKey: queryKeys.eventList(filter),
    queryFn: ({ pageParam }) => listEvents(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  if (events.isPending) return <PeopleSkeleton count={3} layout="list" />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => events.refetch()} />;
  if (items.length === 0) {
    const empty = EMPTY[tab];
    return (
      <EmptyState icon={<CalendarIcon size={28} />} title={t(empty.title as 'events.title')}>
        {empty.hint && <p>{t(empty.hint as 'events.title')}</p>}
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="event-list" aria-label={t('events.list')}>
        {items.map((event) => (
          <li key={event.id}>
            <EventItem event={event} />
          </li>
        ))}
      </ul>
      <LoadMore list={events} />
    </>
  );
}

/** /events: upcoming, past and "going" tabs, narrowed to one community if asked. */
export function EventsPage() {
  const t = useT();
  usePageTitle(t('events.title'));
  const [params, setParams] = useSearchParams();
  const tab = eventTabOf(params.get('tab'));
  const communityId = params.get('community') ?? '';
  const communities = useQuery({ queryKey: queryKeys.eventHosts, queryFn: listHostCommunities });

  const linkFor = (next: EventTab) => {
    const query = new URLSearchParams(params);
    if (next === 'upcoming') query.delete('tab');
    else query.set('tab', next);
    const search = query.toString();
    return search ? `/events?${search}` : '/events';
  };
  const chooseCommunity = (value: string) => {
    const query = new URLSearchParams(params);
    if (value) query.set('community', value);
    else query.delete('community');
    setParams(query, { replace: true });
  };

  return (
    <div className="page page-medium events-page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('events.title')}</h1>
          <p className="muted">{t('events.intro')}</p>
        </div>
        <Link
          className="button button-primary"
          to={communityId ? `/events/new?community_id=${communityId}` : '/events/new'}
        >
          <PlusIcon size={18} />
          {t('events.new')}
        </Link>
      </header>
      <nav className="tabs" aria-label={t('events.tabs')}>
        {EVENT_TABS.map((each) => (
          <Link
            key={each.tab}
            to={linkFor(each.tab)}
            className={each.tab === tab ? 'tab tab-active' : 'tab'}
            aria-current={each.tab === tab ? 'page' : undefined}
          >
            {t(each.label as 'events.tab.upcoming')}
          </Link>
        ))}
      </nav>
      {(communities.data?.length ?? 0) > 0 && (
        <div className="events-filter">
          <SelectField
            label={t('events.filter.community')}
            value={communityId}
            onValueChange={chooseCommunity}
            options={[
              { value: '', label: t('events.filter.everywhere') },
              ...(communities.data ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
        </div>
      )}
      <EventList tab={tab} {...(communityId ? { communityId } : {})} />
    </div>
  );
}
