import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n/I18nProvider';

/** What a network page shows to someone who turned relationship insights off. */
export function InsightsOff() {
  const t = useT();
  return (
    <EmptyState title={t('network.off.title')}>
      <p>{t('network.off.body')}</p>
      <p>
        <Link to="/settings/privacy">{t('network.off.link')}</Link>
      </p>
    </EmptyState>
  );
}
