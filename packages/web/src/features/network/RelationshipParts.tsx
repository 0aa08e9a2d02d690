import type { Account, RelationshipEvidence, RelationshipStage } from '@rapport/schema';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { LockIcon } from '../../components/icons';
import { RelativeTime } from '../../components/RelativeTime';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { profilePath } from '../statuses/status-paths';
import { formatStrength, strengthFraction } from './stages';

/** Message keys of each stage's name, meaning and advice. */
export const STAGE_LABEL = {
  none: 'network.stage.none',
  encounter: 'network.stage.encounter',
  recognition: 'network.stage.recognition',
  collaboration: 'network.stage.collaboration',
  trusted: 'network.stage.trusted',
  close: 'network.stage.close',
} as const;
export const STAGE_MEANING = {
  none: 'network.meaning.none',
  encounter: 'network.meaning.encounter',
  recognition: 'network.meaning.recognition',
  collaboration: 'network.meaning.collaboration',
  trusted: 'network.meaning.trusted',
  close: 'network.meaning.close',
} as const;
export const STAGE_ADVICE = {
  none: 'network.advice.none',
  encounter: 'network.advice.encounter',
  recognition: 'network.advice.recognition',
  collaboration: 'network.advice.collaboration',
  trusted: 'network.advice.trusted',
  close: 'network.advice.close',
} as const;

export function personName(account: Pick<Account, 'display_name' | 'username'>): string {
  return account.display_name || account.username;
}

/** "Only you can see this.", next to a lock. */
export function PrivateLine() {
  const t = useT();
  return (
    <p className="network-private">
      <LockIcon size={16} />
      {t('network.private')}
    </p>
  );
}

export function StageChip({ stage }: { stage: RelationshipStage }) {
  const t = useT();
  return <span className={`stage-chip stage-${stage}`}>{t(STAGE_LABEL[stage])}</span>;
}

export function DormantBadge() {
  const t = useT();
  return (
    <span className="badge badge-dormant" title={t('network.dormantHint')}>
      {t('network.dormant')}
    </span>
  );
}

/** The number, for everyone, and a bar for the eye (see strengthFraction for its scale). */
export function StrengthMeter({ strength }: { strength: number }) {
  const t = useT();
  const percent = Math.round(strengthFraction(strength) * 100);
  return (
    <span className="strength" title={t('network.strengthHint')}>
      <span className="strength-bar" aria-hidden="true">
        {/* Set through the CSSOM, which the Content-Security-Policy allows (unlike style=""). */}
        <span className="strength-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="strength-value">
        {t('network.strength', { value: formatStrength(strength) })}
      </span>
    </span>
  );
}

/** Avatar, name (a link to the profile), title and department. */
export function PersonLine({
  account,
  headingLevel = 3,
}: {
  account: Account;
  headingLevel?: 2 | 3;
}) {
  const place = [account.title, account.department].filter(Boolean).join(' · ');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="network-person">
      <Avatar person={account} size="md" />
      <div className="network-person-text">
        <Heading className="network-person-name">
          <Link to={profilePath(account)}>{personName(account)}</Link>
        </Heading>
        {place && <p className="network-person-place">{place}</p>}
      </div>
    </div>
  );
}

/** Reciprocity, first met and the last substantive exchange, as a row of facts. */
export function RelationshipFacts({
  strength,
  reciprocated,
  firstAt,
  lastAt,
}: {
  strength: number;
  reciprocated: boolean;
  firstAt: string | null;
  lastAt: string | null;
}) {
  const { t, formatDate } = useI18n();
  return (
    <ul className="network-facts">
      <li>
        <StrengthMeter strength={strength} />
      </li>
      <li>{reciprocated ? t('network.reciprocated') : t('network.oneWay')}</li>
      {firstAt && <li>{t('network.firstMet', { date: formatDate(firstAt) })}</li>}
      <li>
        {lastAt ? (
          <>
            {t('network.lastExchange')} <RelativeTime iso={lastAt} />
          </>
        ) : (
          t('network.noExchange')
        )}
      </li>
    </ul>
  );
}

/** The evidence in plain words, newest first as the server sends it. */
export function EvidenceList({ evidence }: { evidence: RelationshipEvidence[] }) {
  const t = useT();
  if (evidence.length === 0) return <p className="muted small">{t('network.noEvidence')}</p>;
  return (
    <ul className="evidence-list">
      {evidence.map((item) => (
        <li key={`${item.kind}|${item.direction}|${item.context ?? ''}`}>
          {item.text}
          <span className="evidence-when">
            {' · '}
            <RelativeTime iso={item.at} />
          </span>
        </li>
      ))}
    </ul>
  );
}
