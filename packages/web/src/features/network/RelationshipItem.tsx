import type { WorkingRelationship } from '@rapport/schema';
import { useT } from '../../i18n/I18nProvider';
import {
  DormantBadge,
  EvidenceList,
  PersonLine,
  personName,
  RelationshipFacts,
  STAGE_LABEL,
  StageChip,
} from './RelationshipParts';

/** One person in My network: who, where the relationship stands, and why (a disclosure). */
export function RelationshipItem({ relationship }: { relationship: WorkingRelationship }) {
  const t = useT();
  const { account } = relationship;
  return (
    <article className="card network-item" data-account-id={account.id}>
      <div className="network-item-top">
        <PersonLine account={account} />
        <div className="network-item-badges">
          <StageChip stage={relationship.stage} />
          {relationship.dormant && <DormantBadge />}
        </div>
      </div>
      <RelationshipFacts
        strength={relationship.strength}
        reciprocated={relationship.reciprocated}
        firstAt={relationship.first_interaction_at}
        lastAt={relationship.last_substantive_at}
      />
      <details className="network-why">
        <summary
          aria-label={t('network.whyFor', {
            stage: t(STAGE_LABEL[relationship.stage]),
            name: personName(account),
          })}
        >
          {t('network.why')}
        </summary>
        <EvidenceList evidence={relationship.evidence} />
      </details>
    </article>
  );
}
