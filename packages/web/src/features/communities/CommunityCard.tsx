import type { Community } from '@rapport/schema';
import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider';
import { CommunityActions } from './CommunityActions';
import { CommunityCover } from './CommunityCover';
import { PrivacyBadge } from './PrivacyBadge';

/** A community in the directory; the card follows the link on its name. */
export function CommunityCard({ community }: { community: Community }) {
  const t = useT();
  return (
    <article className="card community-card">
      <CommunityCover community={community} className="community-card-cover" />
      <div className="community-card-body">
        <h3 className="community-card-name">
          <Link to={`/communities/${community.id}`} className="stretched-link">
            {community.name}
          </Link>
        </h3>
        <p className="community-card-meta">
          <PrivacyBadge privacy={community.privacy} />
          <span>{t('communities.members', { count: community.members_count })}</span>
        </p>
        {community.description && (
          <p className="community-card-description">{community.description}</p>
        )}
      </div>
      <div className="community-card-actions">
        <CommunityActions community={community} compact />
      </div>
    </article>
  );
}
