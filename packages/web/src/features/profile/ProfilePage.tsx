import type { Account } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { lookupAccount } from '../../api/accounts';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/query-keys';
import type { AccountStatusFilter } from '../../api/timelines';
import { Avatar } from '../../components/Avatar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { BriefcaseIcon, BuildingIcon, PinIcon } from '../../components/icons';
import { NotFoundPage } from '../../components/NotFoundPage';
import { RichText } from '../../components/RichText';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { MessageButton } from '../chats/MessageButton';
import { RelationshipPanel } from '../network/RelationshipPanel';
import { Timeline } from '../timelines/Timeline';
import { customFields } from './profile-fields';
import { RelationshipActions } from './RelationshipActions';
import { RoleBadges } from './RoleBadges';

/** `/@username`; the router cannot match a partial segment, so the "@" is checked here. */
export function ProfileRoute() {
  const { handle = '' } = useParams();
  if (!handle.startsWith('@') || handle.length < 2) return <NotFoundPage />;
  return <ProfilePage username={handle.slice(1)} />;
}

function ProfilePage({ username }: { username: string }) {
  const { t } = useI18n();
  const me = useCurrentAccount();
  const profile = useQuery({
    queryKey: queryKeys.account(username),
    queryFn: () => lookupAccount(username),
  });
  const account = profile.data;
  usePageTitle(account ? account.display_name || account.username : undefined);

  if (profile.isPending) return <LoadingBlock />;
  if (profile.isError) {
    if (isApiError(profile.error, 'not_found')) {
      return (
        <div className="page page-narrow">
          <EmptyState title={t('profile.notFoundTitle')}>
            <p>{t('profile.notFoundBody', { username })}</p>
          </EmptyState>
        </div>
      );
    }
    return <ErrorState error={profile.error} onRetry={() => profile.refetch()} />;
  }
  return <ProfileView account={profile.data} own={profile.data.id === me.id} />;
}

function ProfileView({ account, own }: { account: Account; own: boolean }) {
  const { t, formatDate } = useI18n();
  const name = account.display_name || account.username;
  const fields = customFields(account.fields);
  const hasBio = account.note.trim() !== '';
  const empty = !hasBio && account.skills.length === 0 && fields.length === 0;
  return (
    <div className="page page-medium">
      <article className="card profile-card">
        <header className="profile-header">
          <Avatar person={account} size="xl" alt={account.avatar_description} />
          <div className="profile-identity">
            <h1 className="profile-name">
              {name} <RoleBadges account={account} />
            </h1>
            <p className="profile-handle">@{account.username}</p>
            <ul className="profile-meta">
              {account.title && (
                <li>
                  <BriefcaseIcon size={18} />
                  {account.title}
                </li>
              )}
              {account.department && (
                <li>
                  <BuildingIcon size={18} />
                  {account.department}
                </li>
              )}
              {account.location && (
                <li>
                  <PinIcon size={18} />
                  {account.location}
                </li>
              )}
            </ul>
            <p className="muted small">
              {t('profile.joined', { date: formatDate(account.created_at) })}
            </p>
          </div>
          {own ? (
            <Link className="button button-secondary profile-edit" to="/settings/profile">
              {t('profile.edit')}
            </Link>
          ) : (
            <div className="profile-edit">
              {!account.suspended && <MessageButton account={account} />}
              <RelationshipActions account={account} />
            </div>
          )}
        </header>

        <ProfileCounts account={account} />

        {account.suspended && (
          <p className="message message-info" role="note">
            {t('profile.suspended')}
          </p>
        )}

        {hasBio && (
          <section className="profile-section" aria-labelledby="profile-about">
            <h2 id="profile-about" className="profile-section-title">
              {t('profile.about')}
            </h2>
            <RichText className="rich-text" html={account.note} />
          </section>
        )}

        {account.skills.length > 0 && (
          <section className="profile-section" aria-labelledby="profile-skills">
            <h2 id="profile-skills" className="profile-section-title">
              {t('profile.skills')}
            </h2>
            <ul className="chip-list">
              {account.skills.map((skill) => (
                <li key={skill}>
                  <Link
                    className="chip chip-link"
                    to={`/people?q=${encodeURIComponent(skill)}`}
                    aria-label={t('profile.skillLink', { skill })}
                  >
                    {skill}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}

        {fields.length > 0 && (
          <section className="profile-section" aria-labelledby="profile-details">
            <h2 id="profile-details" className="profile-section-title">
              {t('profile.details')}
            </h2>
            <dl className="field-list">
              {fields.map((field) => (
                <div key={field.name} className="field-list-row">
                  <dt>{field.name}</dt>
                  <dd>
                    <RichText html={field.value} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        )}

        {empty && !account.suspended && (
          <p className="muted profile-empty">{own ? t('profile.ownEmpty') : t('profile.noBio')}</p>
        )}
      </article>
      {!own && !account.suspended && <RelationshipPanel account={account} />}
      {!account.suspended && <ProfileStatuses account={account} own={own} />}
    </div>
  );
}

function ProfileCounts({ account }: { account: Account }) {
  const { t } = useI18n();
  const base = `/@${account.acct || account.username}`;
  return (
    <ul className="profile-counts">
      <li>{t('profile.statusesCount', { count: account.statuses_count })}</li>
      <li>
        <Link to={`${base}/followers`}>
          {t('profile.followersCount', { count: account.followers_count })}
        </Link>
      </li>
      <li>
        <Link to={`${base}/following`}>
          {t('profile.followingCount', { count: account.following_count })}
        </Link>
      </li>
    </ul>
  );
}

const FILTERS: readonly AccountStatusFilter[] = ['statuses', 'replies', 'media'];
const FILTER_LABELS = {
  statuses: 'profile.tab.statuses',
  replies: 'profile.tab.replies',
  media: 'profile.tab.media',
} as const;

/** The person's statuses, without replies by default; with replies, or only those with media. */
function ProfileStatuses({ account, own }: { account: Account; own: boolean }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const requested = params.get('filter');
  const filter: AccountStatusFilter = FILTERS.includes(requested as AccountStatusFilter)
    ? (requested as AccountStatusFilter)
    : 'statuses';
  const name = account.display_name || account.username;
  return (
    <div className="profile-statuses">
      {/* Without the name: the name heads the profile (h1) and the relationship panel only. */}
      <h2 className="visually-hidden">{t('profile.statusesHeading')}</h2>
      <nav className="tabs" aria-label={t('profile.statusFilters')}>
        {FILTERS.map((each) => (
          <Link
            key={each}
            to={{ search: each === 'statuses' ? '' : `?filter=${each}` }}
            replace
            className={each === filter ? 'tab tab-active' : 'tab'}
            aria-current={each === filter ? 'page' : undefined}
          >
            {t(FILTER_LABELS[each])}
          </Link>
        ))}
      </nav>
      <Timeline
        key={filter}
        source={{ kind: 'account', accountId: account.id, filter }}
        label={t('profile.statusesTitle', { name })}
        empty={
          <EmptyState
            title={
              filter === 'media'
                ? t('profile.noMedia')
                : own
                  ? t('profile.ownNoStatuses')
                  : t('profile.noStatuses')
            }
          />
        }
      />
    </div>
  );
}
