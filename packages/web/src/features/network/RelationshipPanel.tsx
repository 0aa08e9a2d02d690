import type { Account, RelationshipCard } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import { Avatar } from '../../components/Avatar';
import { ErrorState } from '../../components/FormMessage';
import { ChevronDownIcon } from '../../components/icons';
import { LoadingBlock } from '../../components/Spinner';
import { useMediaQuery } from '../../components/use-media-query';
import { useT } from '../../i18n/I18nProvider';
import { AskIntroductionButton } from '../introductions/AskIntroductionButton';
import { profilePath } from '../statuses/status-paths';
import { AdviceNote } from './AdviceNote';
import { getRelationshipCard, networkKeys } from './network-api';
import { RelationshipForm } from './RelationshipForm';
import {
  DormantBadge,
  EvidenceList,
  PrivateLine,
  personName,
  RelationshipFacts,
  STAGE_MEANING,
  StageChip,
} from './RelationshipParts';
import { isCold } from './stages';
import { isInsightsOff, useInsightsEnabled } from './use-privacy';

const PHONE = '(max-width: 640px)';

/**
 * "You and <name>" on someone else's profile: the viewer's own relationship with them,
 * what they share, and private notes. Folded on a phone (the profile comes first there),
 * open on wider screens; either way the stage shows in the header.
 */
export function RelationshipPanel({ account }: { account: Account }) {
  const t = useT();
  const phone = useMediaQuery(PHONE);
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? !phone;
  const bodyId = useId();
  const headingId = useId();
  const enabled = useInsightsEnabled();
  const card = useQuery({
    queryKey: networkKeys.card(account.id),
    queryFn: () => getRelationshipCard(account.id),
    enabled,
    retry: (count, error) => !isApiError(error) && count < 2,
  });
  const name = personName(account);
  // Someone the viewer may no longer see, or oneself: there is no relationship to show.
  if (
    card.isError &&
    (isApiError(card.error, 'not_found') || isApiError(card.error, 'validation_failed'))
  ) {
    return null;
  }

  return (
    <section className="card relationship-panel" aria-labelledby={headingId}>
      <div className="relationship-panel-header">
        <h2 id={headingId} className="relationship-panel-title">
          <button
            type="button"
            className="relationship-panel-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setToggled(!open)}
          >
            {t('network.card.title', { name })}
            <ChevronDownIcon size={18} />
          </button>
        </h2>
        {card.data && (
          <span className="relationship-panel-stage">
            <StageChip stage={card.data.stage} />
            {card.data.dormant && <DormantBadge />}
          </span>
        )}
      </div>
      <div id={bodyId} className="relationship-panel-body" hidden={!open}>
        <PrivateLine />
        {!enabled || isInsightsOff(card.error) ? (
          <p className="muted">
            {t('network.card.unavailable')}{' '}
            <Link to="/settings/privacy">{t('network.off.link')}</Link>
          </p>
        ) : card.isPending ? (
          <LoadingBlock />
        ) : card.isError ? (
          <ErrorState error={card.error} onRetry={() => card.refetch()} />
        ) : (
          <CardBody card={card.data} account={account} />
        )}
      </div>
    </section>
  );
}

function CardBody({ card, account }: { card: RelationshipCard; account: Account }) {
  const t = useT();
  const name = personName(account);
  return (
    <>
      <div className="relationship-panel-section">
        <h3 className="relationship-panel-subtitle">{t('network.card.stage')}</h3>
        <p>
          <StageChip stage={card.stage} /> {t(STAGE_MEANING[card.stage])}
        </p>
        {card.stage !== 'none' && (
          <RelationshipFacts
            strength={card.strength}
            reciprocated={card.reciprocated}
            firstAt={card.first_interaction_at}
            lastAt={card.last_substantive_at}
          />
        )}
        {card.advice.tone === 'cold' ? (
          <AdviceNote advice={card.advice} account={account} />
        ) : (
          <p className="muted">{card.advice.headline}</p>
        )}
      </div>

      <div className="relationship-panel-section">
        <h3 className="relationship-panel-subtitle">{t('network.card.evidence')}</h3>
        <EvidenceList evidence={card.evidence} />
      </div>

      <div className="relationship-panel-grid">
        <div className="relationship-panel-section">
          <h3 className="relationship-panel-subtitle">{t('network.card.topics')}</h3>
          {card.shared_topics.length === 0 ? (
            <p className="muted small">{t('network.card.noTopics')}</p>
          ) : (
            <ul className="chip-list">
              {card.shared_topics.map((topic) => (
                <li key={topic} className="chip">
                  {topic}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="relationship-panel-section">
          <h3 className="relationship-panel-subtitle">{t('network.card.communities')}</h3>
          {card.shared_communities.length === 0 ? (
            <p className="muted small">{t('network.card.noCommunities')}</p>
          ) : (
            <ul className="shared-communities">
              {card.shared_communities.map((community) => (
                <li key={community.id}>
                  <Link to={`/communities/${encodeURIComponent(community.id)}`}>
                    {community.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      <div className="relationship-panel-section">
        <h3 className="relationship-panel-subtitle">{t('network.card.mutuals')}</h3>
        {card.mutual_contacts.length === 0 ? (
          <p className="muted small">{t('network.card.noMutuals')}</p>
        ) : (
          <>
            <p className="muted small">{t('network.card.mutualsHint')}</p>
            <ul className="mutual-contacts">
              {card.mutual_contacts.map((contact) => (
                <li key={contact.id}>
                  <Avatar person={contact} size="sm" />
                  <Link to={profilePath(contact)}>{personName(contact)}</Link>
                </li>
              ))}
            </ul>
            {isCold(card.stage) && <AskIntroductionButton account={account} />}
          </>
        )}
      </div>

      <RelationshipForm key={account.id} card={card} name={name} accountId={account.id} />
    </>
  );
}
