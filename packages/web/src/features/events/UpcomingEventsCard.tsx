import type { CalendarEvent } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { listEvents } from '../../api/events';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { ErrorMessage, ErrorState } from '../../components/FormMessage';
import { ArrowRightIcon } from '../../components/icons';
import { PeopleSkeleton } from '../../components/Skeleton';
import { useI18n } from '../../i18n/I18nProvider';
import { DateBadge, eventPath } from './EventItem';
import { browserTimeZone, formatEventShort } from './event-time';
import { RsvpBadge } from './RsvpBadge';
import { useAnswer } from './use-answer';

const SHOWN = 3;

function UpcomingEvent({ event }: { event: CalendarEvent }) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const answer = useAnswer(event.id);
  return (
    <li className="upcoming-event" data-event-id={event.id}>
      <DateBadge event={event} />
      <div className="upcoming-event-text">
        <Link id={titleId} to={eventPath(event)} className="upcoming-event-title">
          {event.title}
        </Link>
        <span className="muted small">{formatEventShort(event, browserTimeZone(), locale)}</span>
        <span className="upcoming-event-answer">
          {event.cancelled_at ? (
            <span className="badge badge-danger">{t('events.cancelled')}</span>
          ) : event.rsvp ? (
            <RsvpBadge rsvp={event.rsvp} />
          ) : (
            <Button
              size="sm"
              aria-describedby={titleId}
              pending={answer.isPending}
              onClick={() => answer.mutate('going')}
            >
              {t('events.home.answer')}
            </Button>
          )}
        </span>
        <ErrorMessage error={answer.error} />
      </div>
    </li>
  );
}

/** The home page's next few events the reader may see, with their answer or a quick "going". */
export function UpcomingEventsCard() {
  const { t } = useI18n();
  const headingId = useId();
  const events = useQuery({
    queryKey: [...queryKeys.eventList({ tab: 'upcoming', limit: SHOWN }), 'home'],
    queryFn: async () => (await listEvents({ tab: 'upcoming', limit: SHOWN })).items,
  });
  return (
    <section aria-labelledby={headingId} className="card home-events">
      <div className="card-heading">
        <h2 id={headingId} className="card-title">
          {t('events.home.title')}
        </h2>
      </div>
      {events.isPending ? (
        <PeopleSkeleton count={2} layout="list" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : events.data.length > 0 ? (
        <ul className="upcoming-events">
          {events.data.map((event) => (
            <UpcomingEvent key={event.id} event={event} />
          ))}
        </ul>
      ) : (
        <p className="muted">
          {t('events.home.empty')} <Link to="/events/new">{t('events.home.plan')}</Link>
        </p>
      )}
      <Link to="/events" className="link-with-icon home-events-all">
        {t('events.home.all')}
        <ArrowRightIcon size={16} />
      </Link>
    </section>
  );
}
