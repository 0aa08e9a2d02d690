import { Link } from 'react-router';
import { PlusIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { ClosedCommunity } from '../communities/ClosedCommunity';
import { useCommunity } from '../communities/community-context';
import { canReadContent, isMember } from '../communities/community-rules';
import { PageResults } from './PagesListPage';
import { pagePaths } from './page-paths';

/** A community's Pages section: its knowledge pages, newest first; members write new ones. */
export function CommunityPagesTab() {
  const t = useT();
  const me = useCurrentAccount();
  const community = useCommunity();
  if (!canReadContent(community, me.rapport_role)) return <ClosedCommunity />;
  const canWrite = isMember(community);
  const newPath = pagePaths.create(community.id);
  return (
    <div className="community-section">
      {canWrite && (
        <div className="community-section-actions">
          <Link to={newPath} className="button button-primary">
            <PlusIcon />
            {t('pages.new')}
          </Link>
        </div>
      )}
      {/* "New page" is already above: the empty list does not offer a second button. */}
      <PageResults query="" place={community.id} canWrite={false} newPath={newPath} />
    </div>
  );
}
