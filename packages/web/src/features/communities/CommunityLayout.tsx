import type { Community } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { Navigate, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { getCommunity } from '../../api/communities';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/query-keys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { CommunitiesIcon } from '../../components/icons';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useTabInView } from '../../components/use-tab-in-view';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { CommunityActions } from './CommunityActions';
import { CommunityCover } from './CommunityCover';
import type { CommunityOutlet } from './community-context';
import { COMMUNITY_TABS } from './community-tabs';
import { PrivacyBadge } from './PrivacyBadge';

/**
 * `/communities/:id`: the community's header (cover, name, privacy, members, the right
 * action) and its sections as tabs (community-tabs.ts), each rendered in the <Outlet/>.
 */
export function CommunityLayout() {
  const t = useT();
  const { id = '' } = useParams();
  const community = useQuery({
    queryKey: queryKeys.community(id),
    queryFn: () => getCommunity(id),
  });
  usePageTitle(community.data?.name ?? t('communities.title'));

  if (community.isPending) return <LoadingBlock />;
  if (community.isError) {
    if (isApiError(community.error, 'not_found')) {
      return (
        <div className="page page-narrow">
          {/* The page keeps a heading for screen-reader navigation; the state shows it. */}
          <h1 className="visually-hidden">{t('communities.notFoundTitle')}</h1>
          <EmptyState icon={<CommunitiesIcon size={28} />} title={t('communities.notFoundTitle')}>
            <p>{t('communities.notFoundBody')}</p>
          </EmptyState>
        </div>
      );
    }
    return <ErrorState error={community.error} onRetry={() => community.refetch()} />;
  }
  return <CommunityPage community={community.data} />;
}

function CommunityPage({ community }: { community: Community }) {
  const t = useT();
  const me = useCurrentAccount();
  const { pathname } = useLocation();
  const base = `/communities/${community.id}`;
  const tabs = COMMUNITY_TABS.filter((tab) => tab.shown(community, me.rapport_role));
  const current = pathname.slice(base.length).replace(/^\//, '').split('/')[0] ?? '';
  const tabRow = useTabInView<HTMLElement>(current);
  // A section the viewer may not have (they left, or lost a role): back to the first.
  const known = COMMUNITY_TABS.some((tab) => tab.path === current);
  if (known && !tabs.some((tab) => tab.path === current)) return <Navigate to={base} replace />;
  const linkClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab tab-active' : 'tab');
  const outlet: CommunityOutlet = { community };

  return (
    <div className="page page-medium community-page">
      <header className="card community-header">
        <CommunityCover community={community} />
        <div className="community-header-body">
          <div className="community-title-row">
            <h1 className="community-name">{community.name}</h1>
            <PrivacyBadge privacy={community.privacy} />
          </div>
          <p className="muted">{t('communities.members', { count: community.members_count })}</p>
          {community.description && (
            <p className="community-description">{community.description}</p>
          )}
          {community.membership.state === 'invited' && (
            <p className="message message-info">{t('communities.action.invitedBanner')}</p>
          )}
          <CommunityActions community={community} />
        </div>
      </header>
      <nav ref={tabRow} className="tabs community-tabs" aria-label={t('communities.tabs')}>
        {tabs.map((tab) => (
          <NavLink
            key={tab.path}
            to={tab.path ? `${base}/${tab.path}` : base}
            end={tab.path === ''}
            className={linkClass}
            data-path={tab.path}
          >
            {t(tab.label as 'communities.tab.timeline')}
          </NavLink>
        ))}
      </nav>
      <Outlet context={outlet} />
    </div>
  );
}
