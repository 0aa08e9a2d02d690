import type { CalendarEvent, RsvpStatus } from '@rapport/schema';
import { useId } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/FormMessage';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/I18nProvider';
import { RSVP_LABEL } from './RsvpBadge';
import { useAnswer } from './use-answer';

const ANSWERED: Record<RsvpStatus, MessageKey> = {
  going: 'events.rsvp.answered.going',
  maybe: 'events.rsvp.answered.maybe',
  declined: 'events.rsvp.answered.declined',
};

const CHOICES: readonly RsvpStatus[] = ['going', 'maybe', 'declined'];

/**
 * Going / Maybe / Can't go as toggle buttons: the current answer is pressed, and a sentence
 * says it in words. Closed once the event has ended or was cancelled.
 */
export function RsvpButtons({ event }: { event: CalendarEvent }) {
  const t = useT();
  const labelId = useId();
  const answer = useAnswer(event.id);
  const closed = event.cancelled_at
    ? t('events.rsvp.closedCancelled')
    : Date.parse(event.ends_at) <= Date.now()
      ? t('events.rsvp.closedEnded')
      : null;
  const current = answer.isPending ? (answer.variables ?? event.rsvp) : event.rsvp;
  return (
    <section className="card event-rsvp" aria-labelledby={labelId}>
      <h2 id={labelId} className="card-title">
        {t('events.rsvp.label')}
      </h2>
      {closed ? (
        <p className="muted">{closed}</p>
      ) : (
        <fieldset className="event-rsvp-buttons" aria-labelledby={labelId}>
          {CHOICES.map((choice) => (
            <Button
              key={choice}
              variant={current === choice ? 'primary' : 'secondary'}
              aria-pressed={current === choice}
              pending={answer.isPending && answer.variables === choice}
              disabled={answer.isPending}
              onClick={() => answer.mutate(choice)}
            >
              {t(RSVP_LABEL[choice] as 'events.rsvp.going')}
            </Button>
          ))}
        </fieldset>
      )}
      <p className="muted small" role="status">
        {event.rsvp
          ? t(ANSWERED[event.rsvp] as 'events.rsvp.answered.going')
          : t('events.rsvp.none')}
      </p>
      <ErrorMessage error={answer.error} />
    </section>
  );
}
