import type { Evidence, Expert } from '@rapport/schema';
import { useId } from 'react';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { RelativeTime } from '../../components/RelativeTime';
import { useI18n } from '../../i18n/I18nProvider';
import { profilePath } from '../statuses/status-paths';

const KIND_LABELS = {
  accepted_answer: 'experts.kind.accepted_answer',
  answer: 'experts.kind.answer',
  page: 'experts.kind.page',
  status: 'experts.kind.status',
  skill: 'experts.kind.skill',
} as const satisfies Record<Evidence['kind'], string>;

/** The app's own path of an evidence link (the API gives absolute URLs). */
function pathOf(url: string): string {
  const parsed = new URL(url, window.location.origin);
  return `${parsed.pathname}${parsed.search}`;
}

function EvidenceLine({ item }: { item: Evidence }) {
  const { t } = useI18n();
  return (
    <li className="evidence">
      <span className={`evidence-kind evidence-kind-${item.kind}`}>
        {t(KIND_LABELS[item.kind])}
      </span>
      <Link to={pathOf(item.url)} className="evidence-title">
        {item.title}
      </Link>
      {item.at && (
        <span className="evidence-time muted small">
          <RelativeTime iso={item.at} />
        </span>
      )}
    </li>
  );
}

/**
 * A person ranked as knowing about a topic, with the evidence that placed them (all of it,
 * or the strongest few when `compact`).
 */
export function ExpertItem({
  expert,
  rank,
  compact = false,
}: {
  expert: Expert;
  rank?: number;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const nameId = useId();
  const person = expert.account;
  const name = person.display_name || person.username;
  const detail = [person.title, person.department].filter(Boolean).join(' · ');
  const shown = compact ? expert.evidence.slice(0, 2) : expert.evidence;
  const more = expert.evidence.length - shown.length;
  return (
    <article className={compact ? 'expert expert-compact' : 'card expert'} aria-labelledby={nameId}>
      <div className="expert-header">
        {rank !== undefined && (
          <span className="expert-rank" aria-hidden="true">
            {rank}
          </span>
        )}
        <Avatar person={person} size={compact ? 'sm' : 'md'} />
        <div className="expert-who">
          <Link to={profilePath(person)} className="expert-name" id={nameId}>
            {name}
          </Link>
          {detail && <span className="expert-detail">{detail}</span>}
        </div>
        {!compact && (
          <span className="expert-score" title={t('experts.scoreHint')}>
            {t('experts.score', { score: expert.score })}
          </span>
        )}
      </div>
      <ul className="expert-evidence" aria-label={t('experts.evidenceLabel', { name })}>
        {shown.map((item) => (
          <EvidenceLine key={`${item.kind}:${item.id ?? item.title}`} item={item} />
        ))}
      </ul>
      {more > 0 && <p className="expert-more muted small">{t('experts.more', { count: more })}</p>}
    </article>
  );
}
