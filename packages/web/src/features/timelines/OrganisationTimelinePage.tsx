import { EmptyState } from '../../components/EmptyState';
import { TimelineIcon } from '../../components/icons';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { useServerInfo } from '../auth/session';
import { Timeline } from './Timeline';

/** Every public status in the organisation, newest first (Mastodon's local timeline). */
export function OrganisationTimelinePage() {
  const t = useT();
  const server = useServerInfo();
  usePageTitle(t('timeline.organisation.title'));
  return (
    <div className="page page-feed">
      <header className="page-header">
        <h1>{t('timeline.organisation.title')}</h1>
        <p className="muted">
          {t('timeline.organisation.intro', { app: server.data?.title || t('app.name') })}
        </p>
      </header>
      <Timeline
        source={{ kind: 'organisation' }}
        stream={{ name: 'public:local' }}
        label={t('timeline.organisation.title')}
        empty={
          <EmptyState icon={<TimelineIcon size={28} />} title={t('timeline.organisation.empty')}>
            <p>{t('timeline.organisation.emptyHint')}</p>
          </EmptyState>
        }
      />
    </div>
  );
}
