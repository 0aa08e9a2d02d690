import type { CalendarEvent, RsvpStatus } from '@rapport/schema';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { listAttendees } from '../../api/events';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { PeopleSkeleton } from '../../components/Skeleton';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/I18nProvider';
import { AccountRow } from '../social/AccountRow';
import { RSVP_LABEL } from './RsvpBadge';

const EMPTY: Record<RsvpStatus, MessageKey> = {
  going: 'events.attendees.empty.going',
  maybe: 'events.attendees.empty.maybe',
  declined: 'events.attendees.empty.declined',
};

/**
 * Who answered what, one answer at a time. Only the people the reader may see are listed
 * (the counts include everyone); who can't go is shown to organisers only.
 */
export function Attendees({ event }: { event: CalendarEvent }) {
  const t = useT();
  const headingId = useId();
  const [status, setStatus] = useState<RsvpStatus>('going');
  const choices: RsvpStatus[] = event.can_edit
    ? ['going', 'maybe', 'declined']
    : ['going', 'maybe'];
  const attendees = useInfiniteQuery({
    queryKey: queryKeys.eventAttendees(event.id, status),
    queryFn: ({ pageParam }) => listAttendees(event.id, status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  const items = attendees.data?.pages.flatMap((page) => page.items) ?? [];
  const count = (choice: RsvpStatus) =>
    choice === 'going' ? event.going_count : choice === 'maybe' ? event.maybe_count : null;

  return (
    <section className="card event-attendees" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {t('events.attendees')}
      </h2>
      <fieldset className="segmented" aria-label={t('events.attendees.show')}>
        {choices.map((choice) => (
          <button
            key={choice}
            type="button"
            className={choice === status ? 'segment segment-active' : 'segment'}
            aria-pressed={choice === status}
            onClick={() => setStatus(choice)}
          >
            {t(RSVP_LABEL[choice] as 'events.rsvp.going')}
            {count(choice) !== null && <span className="segment-count">{count(choice)}</span>}
          </button>
        ))}
      </fieldset>
      {status === 'declined' && <p className="muted small">{t('events.attendees.declinedNote')}</p>}
      {attendees.isPending ? (
        <PeopleSkeleton count={3} layout="list" />
      ) : attendees.isError ? (
        <ErrorState error={attendees.error} onRetry={() => attendees.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t(EMPTY[status] as 'events.attendees.empty.going')} />
      ) : (
        <ul className="account-list" aria-label={t(RSVP_LABEL[status] as 'events.rsvp.going')}>
          {items.map((attendee) => (
            <li key={attendee.account.id}>
              <AccountRow account={attendee.account} />
            </li>
          ))}
        </ul>
      )}
      {attendees.hasNextPage && (
        <Button
          size="sm"
          pending={attendees.isFetchingNextPage}
          onClick={() => attendees.fetchNextPage()}
        >
          {attendees.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
        </Button>
      )}
    </section>
  );
}
