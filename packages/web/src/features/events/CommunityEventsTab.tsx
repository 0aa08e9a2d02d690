import { Link, useSearchParams } from 'react-router';
import { PlusIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { ClosedCommunity } from '../communities/ClosedCommunity';
import { useCommunity } from '../communities/community-context';
import { canReadContent, isMember } from '../communities/community-rules';
import { EVENT_TABS, EventList, eventTabOf } from './EventsPage';

/** A community's Events section: upcoming and past events; members plan new ones. */
export function CommunityEventsTab() {
  const t = useT();
  const me = useCurrentAccount();
  const community = useCommunity();
  const [params] = useSearchParams();
  if (!canReadContent(community, me.rapport_role)) return <ClosedCommunity />;
  const tab = eventTabOf(params.get('tab'));
  const base = `/communities/${community.id}/events`;
  return (
    <div className="community-section">
      <div className="community-section-actions">
        <nav className="tabs" aria-label={t('events.tabs')}>
          {EVENT_TABS.map((each) => (
            <Link
              key={each.tab}
              to={each.tab === 'upcoming' ? base : `${base}?tab=${each.tab}`}
              replace
              className={each.tab === tab ? 'tab tab-active' : 'tab'}
              aria-current={each.tab === tab ? 'page' : undefined}
            >
              {t(each.label as 'events.tab.upcoming')}
            </Link>
          ))}
        </nav>
        {isMember(community) && (
          <Link
            className="button button-primary"
            to={`/events/new?community_id=${encodeURIComponent(community.id)}`}
          >
            <PlusIcon size={18} />
            {t('events.new')}
          </Link>
        )}
      </div>
      <EventList tab={tab} communityId={community.id} />
    </div>
  );
}
