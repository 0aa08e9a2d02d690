import type { Introduction } from '@rapport/schema';
import { useId } from 'react';
import { Avatar } from '../../components/Avatar';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { formatRelativeTime } from '../../i18n/relative-time';
import { useNow } from '../../i18n/use-now';
import { IntroductionActions } from './IntroductionActions';
import { nameOf, peopleLinks, peopleText, stateKey } from './people-text';

const HEADLINE = {
  introducer: 'introductions.headline.introducer',
  target: 'introductions.headline.target',
  requester: 'introductions.headline.requester',
} as const;

/** "Asked 3 days ago", in words: a bare "3d" after "Asked" would read oddly. */
function AskedAt({ iso }: { iso: string }) {
  const { t, locale, formatDateTime } = useI18n();
  const now = useNow();
  const when = formatRelativeTime(t, locale, iso, now).long;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {t('introductions.askedAt', { when })}
    </time>
  );
}

/** Text someone wrote, kept as written (line breaks included), never as HTML. */
function Quote({ caption, text }: { caption: string; text: string }) {
  return (
    <figure className="introduction-quote">
      <figcaption className="introduction-quote-caption">{caption}</figcaption>
      <blockquote className="introduction-quote-text">{text}</blockquote>
    </figure>
  );
}

/**
 * One introduction from the viewer's side: who would like to meet whom, the requester's
 * message and the introducer's note, where it stands, and what the viewer can do now.
 */
export function IntroductionItem({
  introduction,
  onNotice,
}: {
  introduction: Introduction;
  onNotice: (text: string) => void;
}) {
  const t = useT();
  const headingId = useId();
  const { role, requester, introducer, target } = introduction;
  const state = stateKey(introduction);
  // The two people the headline names.
  const named = {
    introducer: [requester, target],
    target: [introducer, requester],
    requester: [introducer, target],
  }[role];
  return (
    <article
      className={`card introduction introduction-${introduction.state}`}
      aria-labelledby={headingId}
      data-introduction-id={introduction.id}
    >
      <div className="introduction-header">
        <div className="introduction-avatars" aria-hidden="true">
          {named.map((person) => (
            <Avatar key={person.id} person={person} size="sm" />
          ))}
        </div>
        <div className="introduction-heading">
          <h3 id={headingId} className="introduction-headline">
            {peopleLinks(t, HEADLINE[role], introduction)}
          </h3>
          <p className="muted small">
            <AskedAt iso={introduction.created_at} />
          </p>
        </div>
      </div>
      <Quote
        caption={
          role === 'requester'
            ? t('introductions.yourMessage')
            : t('introductions.messageFrom', { name: nameOf(requester) })
        }
        text={introduction.message}
      />
      {introduction.note && (
        <Quote
          caption={
            role === 'introducer'
              ? t('introductions.yourNote')
              : t('introductions.noteFrom', { name: nameOf(introducer) })
          }
          text={introduction.note}
        />
      )}
      {state && (
        <p className={`introduction-state introduction-state-${introduction.state}`}>
          {peopleText(t, state, introduction)}
        </p>
      )}
      <IntroductionActions introduction={introduction} onNotice={onNotice} />
    </article>
  );
}
