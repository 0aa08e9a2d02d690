import type { CalendarEvent } from '@rapport/schema';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PinIcon } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { browserTimeZone, dateBadge, formatEventShort } from './event-time';
import { ClockIcon, VideoIcon } from './icons';
import { RsvpBadge } from './RsvpBadge';

export const eventPath = (event: Pick<CalendarEvent, 'id'>) => `/events/${event.id}`;

/** The start's month and day, like a page torn from a calendar. */
export function DateBadge({ event }: { event: CalendarEvent }) {
  const { locale } = useI18n();
  const { month, day } = dateBadge(event.starts_at, browserTimeZone(), locale);
  return (
    <span className="event-date" aria-hidden="true">
      <span className="event-date-month">{month}</span>
      <span className="event-date-day">{day}</span>
    </span>
  );
}

/**
 * An event in a list: when (in the reader's time), where, with whom, and the reader's own
 * answer. The title links to its page.
 */
export function EventItem({
  event,
  heading: Heading = 'h2',
  action,
}: {
  event: CalendarEvent;
  heading?: 'h2' | 'h3';
  action?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const ended = Date.parse(event.ends_at) <= Date.now();
  return (
    <article className="event-item" data-event-id={event.id}>
      <DateBadge event={event} />
      <div className="event-item-body">
        <Heading className="event-item-title">
          <Link to={eventPath(event)}>{event.title}</Link>
        </Heading>
        <p className="event-item-line">
          <ClockIcon size={16} />
          <span>{formatEventShort(event, browserTimeZone(), locale)}</span>
        </p>
        {(event.location || event.online_url) && (
          <p className="event-item-line">
            {event.location ? <PinIcon size={16} /> : <VideoIcon size={16} />}
            <span className="break-anywhere">{event.location || t('events.online')}</span>
          </p>
        )}
        <p className="event-item-meta muted small">
          <span>{event.community ? event.community.name : t('events.organisation')}</span>
          <span aria-hidden="true"> · </span>
          <span>{t('events.goingCount', { count: event.going_count })}</span>
          {event.maybe_count > 0 && (
            <>
              <span aria-hidden="true"> · </span>
              <span>{t('events.maybeCount', { count: event.maybe_count })}</span>
            </>
          )}
        </p>
        <div className="event-item-badges">
          {event.cancelled_at && (
            <span className="badge badge-danger">{t('events.cancelled')}</span>
          )}
          {!event.cancelled_at && ended && <span className="badge">{t('events.ended')}</span>}
          <RsvpBadge rsvp={event.rsvp} />
        </div>
      </div>
      {action && <div className="event-item-action">{action}</div>}
    </article>
  );
}
