import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { listFollows, lookupAccount } from '../../api/accounts';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/query-keys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { ArrowRightIcon } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PeopleSkeleton } from '../../components/Skeleton';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { AccountRow } from '../social/AccountRow';

type Which = 'followers' | 'following';

/** `/@username/followers` and `/@username/following`. */
export function FollowsRoute({ which }: { which: Which }) {
  const { handle = '' } = useParams();
  if (!handle.startsWith('@') || handle.length < 2) return <NotFoundPage />;
  return <FollowsPage key={`${handle}:${which}`} username={handle.slice(1)} which={which} />;
}

function FollowsPage({ username, which }: { username: string; which: Which }) {
  const t = useT();
  const profile = useQuery({
    queryKey: queryKeys.account(username),
    queryFn: () => lookupAccount(username),
  });
  const account = profile.data;
  const name = account ? account.display_name || account.username : `@${username}`;
  const title =
    which === 'followers'
      ? t('follows.followersTitle', { name })
      : t('follows.followingTitle', { name });
  usePageTitle(account ? title : undefined);
  const people = useInfiniteQuery({
    queryKey: queryKeys.follows(account?.id ?? '', which),
    queryFn: ({ pageParam }) => listFollows(account?.id ?? '', which, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    enabled: account !== undefined,
  });
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];

  if (profile.isError) {
    return (
      <div className="page page-feed">
        <h1 className="visually-hidden">{title}</h1>
        {isApiError(profile.error, 'not_found') ? (
          <EmptyState title={t('profile.notFoundTitle')}>
            <p>{t('profile.notFoundBody', { username })}</p>
          </EmptyState>
        ) : (
          <ErrorState error={profile.error} onRetry={() => profile.refetch()} />
        )}
      </div>
    );
  }

  return (
    <div className="page page-feed">
      <header className="page-header">
        <h1 className="break-anywhere">{title}</h1>
        <p>
          <Link to={`/@${username}`} className="link-with-icon">
            {t('follows.backToProfile', { name })}
            <ArrowRightIcon size={16} />
          </Link>
        </p>
      </header>
      <nav className="tabs" aria-label={t('follows.nav')}>
        <Link
          to={`/@${username}/followers`}
          className={which === 'followers' ? 'tab tab-active' : 'tab'}
          aria-current={which === 'followers' ? 'page' : undefined}
        >
          {t('follows.followers')}
        </Link>
        <Link
          to={`/@${username}/following`}
          className={which === 'following' ? 'tab tab-active' : 'tab'}
          aria-current={which === 'following' ? 'page' : undefined}
        >
          {t('follows.following')}
        </Link>
      </nav>
      {profile.isPending || people.isPending ? (
        <PeopleSkeleton count={4} layout="list" />
      ) : people.isError && items.length === 0 ? (
        <ErrorState error={people.error} onRetry={() => people.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={
            which === 'followers'
              ? t('follows.noFollowers', { name })
              : t('follows.noFollowing', { name })
          }
        />
      ) : (
        <>
          <ul className="account-list card">
            {items.map((person) => (
              <li key={person.id}>
                <AccountRow account={person} />
              </li>
            ))}
          </ul>
          <LoadMore list={people} />
        </>
      )}
    </div>
  );
}
