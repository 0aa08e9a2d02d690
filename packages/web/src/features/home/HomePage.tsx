import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { listPeople } from '../../api/accounts';
import { queryKeys } from '../../api/query-keys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { ArrowRightIcon, UserPlusIcon } from '../../components/icons';
import { PeopleSkeleton } from '../../components/Skeleton';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { ComposeBox } from '../compose/ComposeBox';
import { UpcomingEventsCard } from '../events/UpcomingEventsCard';
import { AccountRow } from '../social/AccountRow';
import { Timeline } from '../timelines/Timeline';
import { ProfileCompletion } from './ProfileCompletion';

const PREVIEW_SIZE = 5;

function PeoplePreview({ ownId }: { ownId: string }) {
  const t = useT();
  const headingId = useId();
  const people = useQuery({
    queryKey: [...queryKeys.people(''), 'preview'],
    queryFn: () => listPeople({ limit: PREVIEW_SIZE + 1 }),
  });
  const others = people.data?.items.filter((person) => person.id !== ownId).slice(0, PREVIEW_SIZE);
  return (
    <section aria-labelledby={headingId} className="card home-people">
      <div className="card-heading">
        <h2 id={headingId} className="card-title">
          {t('home.peopleTitle')}
        </h2>
      </div>
      {people.isPending ? (
        <PeopleSkeleton count={3} layout="list" />
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => people.refetch()} />
      ) : others && others.length > 0 ? (
        <ul className="account-list">
          {others.map((person) => (
            <li key={person.id}>
              <AccountRow account={person} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t('home.peopleEmpty')} />
      )}
      <Link to="/people" className="link-with-icon home-people-all">
        {t('home.peopleAll')}
        <ArrowRightIcon size={16} />
      </Link>
    </section>
  );
}

/**
 * The home page: write a status and read the home timeline (people one follows, and
 * oneself), with the profile checklist and a few colleagues alongside.
 */
export function HomePage() {
  const t = useT();
  const account = useCurrentAccount();
  const adminHeadingId = useId();
  const composeHeadingId = useId();
  usePageTitle(t('home.title'));
  const name = account.display_name || account.username;
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('home.welcome', { name })}</h1>
        <p className="muted">{t('home.welcomeBack')}</p>
      </header>
      <div className="home-layout">
        <div className="home-side home-side-top">
          <ProfileCompletion account={account} />
          <UpcomingEventsCard />
          {account.rapport_role === 'admin' && (
            <section className="card admin-card" aria-labelledby={adminHeadingId}>
              <h2 id={adminHeadingId} className="card-title">
                {t('home.adminTitle')}
              </h2>
              <p className="muted">{t('home.adminBody')}</p>
              <div className="button-row">
                <Link className="button button-primary" to="/admin/invitations">
                  <UserPlusIcon size={18} />
                  {t('home.adminInvite')}
                </Link>
                <Link className="button button-secondary" to="/admin/accounts">
                  {t('home.adminAccounts')}
                </Link>
              </div>
            </section>
          )}
        </div>
        <div className="home-main">
          <section className="card compose-card" aria-labelledby={composeHeadingId}>
            <h2 id={composeHeadingId} className="visually-hidden">
              {t('home.composeTitle')}
            </h2>
            <ComposeBox mode={{ kind: 'new' }} />
          </section>
          <Timeline
            source={{ kind: 'home' }}
            stream={{ name: 'user' }}
            label={t('home.timelineLabel')}
            empty={
              <EmptyState title={t('home.timelineEmpty')}>
                <p>{t('home.timelineEmptyHint')}</p>
                <p>
                  <Link to="/timeline">{t('home.timelineEmptyLink')}</Link>
                </p>
              </EmptyState>
            }
          />
        </div>
        <div className="home-side home-side-bottom">
          <PeoplePreview ownId={account.id} />
        </div>
      </div>
    </div>
  );
}
