import type { PersonToMeet } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { PeopleSkeleton } from '../../components/Skeleton';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { MessageButton } from '../chats/MessageButton';
import { FollowButton } from './FollowButton';
import { InsightsOff } from './InsightsOff';
import { listPeopleToMeet, networkKeys } from './network-api';
import { PersonLine } from './RelationshipParts';
import { isInsightsOff, useInsightsEnabled } from './use-privacy';

/** `/network/people-to-meet`: shared topics outside the viewer's circle, each with its reason. */
export function PeopleToMeetPage() {
  const t = useT();
  usePageTitle(t('network.tab.peopleToMeet'));
  const enabled = useInsightsEnabled();
  const people = useQuery({ queryKey: networkKeys.peopleToMeet, queryFn: listPeopleToMeet });

  if (!enabled || isInsightsOff(people.error)) return <InsightsOff />;
  return (
    <div className="network-meet">
      <p className="muted">{t('network.meet.intro')}</p>
      {people.isPending ? (
        <PeopleSkeleton layout="list" count={3} />
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => people.refetch()} />
      ) : people.data.length === 0 ? (
        <EmptyState title={t('network.meet.empty')}>
          <p>{t('network.meet.emptyHint')}</p>
        </EmptyState>
      ) : (
        <ul className="network-list" aria-label={t('network.meet.list')}>
          {people.data.map((person) => (
            <li key={person.account.id}>
              <PersonToMeetItem person={person} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PersonToMeetItem({ person }: { person: PersonToMeet }) {
  const t = useT();
  return (
    <article className="card network-item">
      <div className="network-item-top">
        <PersonLine account={person.account} />
        {person.other_department && (
          <div className="network-item-badges">
            <span className="badge">{t('network.meet.otherDepartment')}</span>
          </div>
        )}
      </div>
      <p>{person.reason}</p>
      {person.shared_topics.length > 0 && (
        <div className="network-topics">
          <p className="muted small">{t('network.meet.topics')}</p>
          <ul className="chip-list">
            {person.shared_topics.map((topic) => (
              <li key={topic} className="chip">
                {topic}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted small">
        {person.mutual_contacts_count > 0
          ? t('network.meet.mutuals', { count: person.mutual_contacts_count })
          : t('network.meet.noMutuals')}
      </p>
      <div className="network-item-actions">
        <FollowButton account={person.account} />
        <MessageButton account={person.account} />
      </div>
    </article>
  );
}
