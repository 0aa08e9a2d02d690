import type { CalendarEvent } from '@rapport/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { calendarPath, deleteEvent, getEvent, updateEvent } from '../../api/events';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { PinIcon } from '../../components/icons';
import { NotFoundPage } from '../../components/NotFoundPage';
import { RichText } from '../../components/RichText';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useI18n } from '../../i18n/I18nProvider';
import { InviteButton } from '../network/InviteButton';
import { profilePath } from '../statuses/status-paths';
import { Attendees } from './Attendees';
import { DateBadge } from './EventItem';
import { browserTimeZone, formatEventRange, sameWallTimes, zoneOffsetName } from './event-time';
import { ClockIcon, DownloadIcon, VideoIcon } from './icons';
import { RsvpButtons } from './RsvpButtons';

export function EventRoute() {
  const { id = '' } = useParams();
  const event = useQuery({ queryKey: queryKeys.event(id), queryFn: () => getEvent(id) });
  if (event.isPending) return <LoadingBlock />;
  if (event.isError) {
    if (isApiError(event.error, 'not_found')) return <NotFoundPage />;
    return (
      <div className="page">
        <ErrorState error={event.error} onRetry={() => event.refetch()} />
      </div>
    );
  }
  return <EventPage event={event.data} />;
}

/** When, in the reader's zone and, if the wall-clock times differ, in the event's own. */
function When({ event }: { event: CalendarEvent }) {
  const { t, locale } = useI18n();
  const mine = browserTimeZone();
  const start = new Date(event.starts_at);
  const both = !sameWallTimes(event, mine, event.time_zone);
  return (
    <div className="event-fact">
      <ClockIcon />
      <div>
        <h2 className="event-fact-label">{t('events.when')}</h2>
        <p className="event-when">{formatEventRange(event, mine, locale)}</p>
        {both ? (
          <>
            <p className="muted small">
              {t('events.yourTime', { zone: `${mine} · ${zoneOffsetName(mine, start, locale)}` })}
            </p>
            <p className="event-when event-when-zone">
              {formatEventRange(event, event.time_zone, locale)}
            </p>
            <p className="muted small">
              {t('events.eventTime', {
                zone: `${event.time_zone} · ${zoneOffsetName(event.time_zone, start, locale)}`,
              })}
            </p>
          </>
        ) : (
          <p className="muted small">{`${event.time_zone} · ${zoneOffsetName(event.time_zone, start, locale)}`}</p>
        )}
      </div>
    </div>
  );
}

function Where({ event }: { event: CalendarEvent }) {
  const { t } = useI18n();
  if (!event.location && !event.online_url) return null;
  return (
    <>
      {event.location && (
        <div className="event-fact">
          <PinIcon />
          <div>
            <h2 className="event-fact-label">{t('events.where')}</h2>
            <p className="break-anywhere">{event.location}</p>
          </div>
        </div>
      )}
      {event.online_url && (
        <div className="event-fact">
          <VideoIcon />
          <div>
            <h2 className="event-fact-label">{t('events.online')}</h2>
            <a
              href={event.online_url}
              target="_blank"
              rel="noopener noreferrer nofollow"
              className="break-anywhere"
            >
              {t('events.joinOnline')}
              <span className="visually-hidden"> {t('common.openInNewTab')}</span>
            </a>
            <p className="muted small break-anywhere">{event.online_url}</p>
          </div>
        </div>
      )}
    </>
  );
}

/** Edit, cancel (or restore) and delete, for those who may. */
function ManageEvent({
  event,
  onNotice,
}: {
  event: CalendarEvent;
  onNotice: (text: string) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState<'cancel' | 'delete' | null>(null);
  const cancel = useMutation({
    mutationFn: (cancelled: boolean) => updateEvent(event.id, { cancelled }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.event(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.eventLists });
      setConfirm(null);
      onNotice(updated.cancelled_at ? t('events.cancelledDone') : t('events.restoredDone'));
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteEvent(event.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.event(event.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.eventLists });
      navigate('/events', { replace: true });
    },
  });
  return (
    <div className="button-row event-manage">
      <Link className="button button-secondary button-sm" to={`/events/${event.id}/edit`}>
        {t('events.edit')}
      </Link>
      {event.cancelled_at ? (
        <Button size="sm" pending={cancel.isPending} onClick={() => cancel.mutate(false)}>
          {t('events.restore')}
        </Button>
      ) : (
        <Button size="sm" onClick={() => setConfirm('cancel')}>
          {t('events.cancel')}
        </Button>
      )}
      <Button size="sm" variant="danger-soft" onClick={() => setConfirm('delete')}>
        {t('events.delete')}
      </Button>
      <ErrorMessage error={confirm === null ? cancel.error : null} />
      <ConfirmDialog
        open={confirm === 'cancel'}
        title={t('events.cancelTitle')}
        confirmLabel={t('events.cancelConfirm')}
        danger
        pending={cancel.isPending}
        error={cancel.error}
        onCancel={() => setConfirm(null)}
        onConfirm={() => cancel.mutate(true)}
      >
        <p>{t('events.cancelBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'delete'}
        title={t('events.deleteTitle')}
        confirmLabel={t('events.deleteConfirm')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setConfirm(null)}
        onConfirm={() => remove.mutate()}
      >
        <p>{t('events.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

/**
 * One event: when (in the reader's time and the event's), where, what, who organises it,
 * the reader's answer, who is coming, and the calendar file.
 */
export function EventPage({ event }: { event: CalendarEvent }) {
  const { t, formatDate } = useI18n();
  const [notice, setNotice] = useState('');
  usePageTitle(event.title);
  const aboutId = useId();
  const organiser = event.organiser.display_name || event.organiser.username;
  // The organiser's name is a link inside the sentence, wherever the language puts it.
  const [byBefore, byAfter] = t('events.organisedBy', { name: '\u0000' }).split('\u0000');
  return (
    <div className="page event-page">
      <p className="event-back">
        <Link to="/events">← {t('events.back')}</Link>
      </p>
      <header className="event-header">
        <DateBadge event={event} />
        <div className="event-header-text">
          <h1 className={event.cancelled_at ? 'event-title-cancelled' : undefined}>
            {event.title}
          </h1>
          <p className="muted">
            {event.community ? (
              <Link to={new URL(event.community.url).pathname}>{event.community.name}</Link>
            ) : (
              t('events.organisation')
            )}
            <span aria-hidden="true"> · </span>
            {byBefore}
            <Link to={profilePath(event.organiser)}>{organiser}</Link>
            {byAfter}
          </p>
        </div>
      </header>
      {event.cancelled_at && (
        <div className="message message-error">
          <p>{t('events.cancelledNotice', { date: formatDate(event.cancelled_at) })}</p>
        </div>
      )}
      <SuccessMessage>{notice}</SuccessMessage>
      {event.can_edit && <ManageEvent event={event} onNotice={setNotice} />}
      {!event.cancelled_at && (
        <div className="button-row event-invite">
          <InviteButton
            subject={{ kind: 'event', id: event.id, title: event.title }}
            size="sm"
            onNotice={setNotice}
          />
        </div>
      )}
      <div className="event-layout">
        <div className="event-main">
          <section className="card event-details">
            <When event={event} />
            <Where event={event} />
            <div className="event-calendar">
              <a className="button button-secondary" href={calendarPath(event)} download>
                <DownloadIcon size={18} />
                {t('events.addToCalendar')}
              </a>
              <p className="muted small">{t('events.addToCalendarHint')}</p>
            </div>
          </section>
          <section className="card event-about" aria-labelledby={aboutId}>
            <h2 id={aboutId} className="card-title">
              {t('events.about')}
            </h2>
            {event.description ? (
              <RichText className="rich-text" html={event.html} />
            ) : (
              <p className="muted">{t('events.noDescription')}</p>
            )}
          </section>
        </div>
        <div className="event-side">
          <RsvpButtons event={event} />
          <Attendees event={event} />
        </div>
      </div>
    </div>
  );
}
