import type { MembershipState } from '@rapport/schema';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listCommunities } from '../../api/communities';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { CommunitiesIcon, PlusIcon } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { SearchBox } from '../../components/SearchBox';
import { PeopleSkeleton } from '../../components/Skeleton';
import { usePageTitle } from '../../components/use-page-title';
import { useSearchQuery } from '../../components/use-search-query';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { CommunityCard } from './CommunityCard';
import { CreateCommunityDialog } from './CreateCommunityDialog';

const PAGE_SIZE = 24;

type View = 'mine' | 'all';

/** `/communities`: the viewer's communities or all they may know of, searchable, and "Create". */
export function CommunitiesPage() {
  const t = useT();
  const me = useCurrentAccount();
  const invitationsId = useId();
  const [params] = useSearchParams();
  const view: View = params.get('view') === 'all' ? 'all' : 'mine';
  const [input, setInput, query] = useSearchQuery();
  const [creating, setCreating] = useState(false);
  usePageTitle(t('communities.title'));

  const membership: MembershipState | undefined = view === 'mine' ? 'member' : undefined;
  const communities = useInfiniteQuery({
    queryKey: queryKeys.communityList(view, query),
    queryFn: ({ pageParam }) =>
      listCommunities({ q: query, membership, limit: PAGE_SIZE }, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    placeholderData: (previous) => previous,
  });
  const invitations = useQuery({
    queryKey: queryKeys.communityList('invited', ''),
    queryFn: () => listCommunities({ membership: 'invited', limit: 40 }),
    enabled: view === 'mine',
  });
  const items = communities.data?.pages.flatMap((page) => page.items) ?? [];
  const invited = view === 'mine' ? (invitations.data?.items ?? []) : [];
  const viewLink = (each: View) => {
    const next = new URLSearchParams();
    if (each === 'all') next.set('view', 'all');
    if (query) next.set('q', query);
    const search = next.toString();
    return search ? `/communities?${search}` : '/communities';
  };

  return (
    <div className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('communities.title')}</h1>
          <p className="muted">{t('communities.intro')}</p>
        </div>
        {me.rapport_role !== 'guest' && (
          <Button variant="primary" icon={<PlusIcon size={18} />} onClick={() => setCreating(true)}>
            {t('communities.create')}
          </Button>
        )}
      </header>
      <nav className="tabs" aria-label={t('communities.views')}>
        {(['mine', 'all'] as const).map((each) => (
          <Link
            key={each}
            to={viewLink(each)}
            className={each === view ? 'tab tab-active' : 'tab'}
            aria-current={each === view ? 'page' : undefined}
          >
            {t(each === 'mine' ? 'communities.view.mine' : 'communities.view.all')}
          </Link>
        ))}
      </nav>
      <SearchBox
        label={t('communities.search')}
        placeholder={t('communities.searchPlaceholder')}
        value={input}
        onChange={setInput}
        spellCheck={false}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {communities.isSuccess && query ? t('communities.results', { count: items.length }) : ''}
      </p>
      {invited.length > 0 && !query && (
        <section className="section community-invitations" aria-labelledby={invitationsId}>
          <h2 id={invitationsId} className="section-title">
            {t('communities.invitations')}
          </h2>
          <ul className="community-grid">
            {invited.map((community) => (
              <li key={community.id}>
                <CommunityCard community={community} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {invited.length > 0 && !query && (
        // Under the invitations, the list needs a name of its own.
        <h2 className="section-title community-list-title">{t('communities.yours')}</h2>
      )}
      {communities.isPending ? (
        <PeopleSkeleton />
      ) : communities.isError ? (
        <ErrorState error={communities.error} onRetry={() => communities.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<CommunitiesIcon size={28} />}
          title={
            query
              ? t('communities.emptySearch', { query })
              : view === 'mine'
                ? t('communities.emptyMine')
                : t('communities.emptyAll')
          }
        >
          {!query && view === 'mine' && (
            <>
              <p>{t('communities.emptyMineHint')}</p>
              <p>
                <Link to="/communities?view=all">{t('communities.browseAll')}</Link>
              </p>
            </>
          )}
          {!query && view === 'all' && <p>{t('communities.emptyAllHint')}</p>}
        </EmptyState>
      ) : (
        <div className={communities.isPlaceholderData ? 'is-refreshing' : undefined}>
          <ul className="community-grid">
            {items.map((community) => (
              <li key={community.id}>
                <CommunityCard community={community} />
              </li>
            ))}
          </ul>
          <LoadMore list={communities} />
        </div>
      )}
      <CreateCommunityDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
