import type { SearchKind, UnifiedSearchResults } from '@rapport/schema';
import { PeopleSkeleton } from '../../components/Skeleton';
import { CommunityCard } from '../communities/CommunityCard';
import { EventItem } from '../events/EventItem';
import { PageListItem } from '../pages/PageListItem';
import { PageListSkeleton } from '../pages/PageSkeletons';
import { AccountRow } from '../social/AccountRow';
import { StatusCard } from '../statuses/StatusCard';
import { StatusSkeleton } from '../timelines/StatusSkeleton';

/** The results of one kind, each drawn by the item its own feature lists it with. */
export function SearchResultList({
  kind,
  results,
}: {
  kind: SearchKind;
  results: UnifiedSearchResults;
}) {
  switch (kind) {
    case 'accounts':
      return (
        <ul className="account-list card">
          {results.accounts.map((account) => (
            <li key={account.id}>
              <AccountRow account={account} />
            </li>
          ))}
        </ul>
      );
    case 'statuses':
    case 'questions':
      return (
        <div className="timeline">
          {results[kind].map((status) => (
            <StatusCard key={status.id} status={status} />
          ))}
        </div>
      );
    case 'communities':
      return (
        <ul className="community-grid">
          {results.communities.map((community) => (
            <li key={community.id}>
              <CommunityCard community={community} />
            </li>
          ))}
        </ul>
      );
    case 'pages':
      return (
        <ul className="page-list">
          {results.pages.map((page) => (
            <li key={page.id}>
              <PageListItem page={page} />
            </li>
          ))}
        </ul>
      );
    case 'events':
      return (
        <ul className="event-list">
          {results.events.map((event) => (
            <li key={event.id}>
              <EventItem event={event} heading="h3" />
            </li>
          ))}
        </ul>
      );
  }
}

/** Placeholders shaped like the kind that is loading. */
export function SearchResultSkeleton({ kind }: { kind: SearchKind | 'all' }) {
  if (kind === 'statuses' || kind === 'questions' || kind === 'all') return <StatusSkeleton />;
  if (kind === 'pages') return <PageListSkeleton count={3} />;
  return <PeopleSkeleton count={4} layout="list" />;
}
