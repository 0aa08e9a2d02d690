import type { RsvpStatus } from '@rapport/schema';
import { CheckIcon } from '../../components/icons';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/I18nProvider';

export const RSVP_LABEL: Record<RsvpStatus, MessageKey> = {
  going: 'events.rsvp.going',
  maybe: 'events.rsvp.maybe',
  declined: 'events.rsvp.declined',
};

/** The reader's own answer, as a small badge ("Going"); nothing before they answer. */
export function RsvpBadge({ rsvp }: { rsvp: RsvpStatus | null }) {
  const t = useT();
  if (!rsvp) return null;
  return (
    <span className={`badge event-rsvp-badge event-rsvp-${rsvp}`}>
      {rsvp === 'going' && <CheckIcon size={14} />}
      {t(RSVP_LABEL[rsvp] as 'events.rsvp.going')}
    </span>
  );
}
