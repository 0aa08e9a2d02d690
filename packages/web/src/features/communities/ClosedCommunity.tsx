import { EmptyState } from '../../components/EmptyState';
import { LockIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';

/** What a section of a community shows someone who may not read what is posted there. */
export function ClosedCommunity() {
  const t = useT();
  return (
    <EmptyState icon={<LockIcon size={28} />} title={t('communities.timeline.closed')}>
      <p>{t('communities.timeline.closedHint')}</p>
    </EmptyState>
  );
}
