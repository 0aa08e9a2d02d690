import { EmptyState } from '../../components/EmptyState';
import { LockIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { useCommunity } from './community-context';

/** What a section of a community shows someone who may not read what is posted there. */
export function ClosedCommunity() {
  const t = useT();
  const requested = useCommunity().membership.state === 'requested';
  return (
    <EmptyState icon={<LockIcon size={28} />} title={t('communities.timeline.closed')}>
      <p>
        {requested ? t('communities.timeline.requestedHint') : t('communities.timeline.closedHint')}
      </p>
    </EmptyState>
  );
}
