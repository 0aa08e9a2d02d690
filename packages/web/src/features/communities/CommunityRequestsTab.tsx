import type { CommunityMember } from '@rapport/schema';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { decideRequest, listRequests } from '../../api/communities';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { CheckIcon } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { PeopleSkeleton } from '../../components/Skeleton';
import { useT } from '../../i18n/I18nProvider';
import { AccountRow } from '../social/AccountRow';
import { useCommunity } from './community-context';

/** People asking to join a private community, for its owners and moderators to decide. */
export function CommunityRequestsTab() {
  const t = useT();
  const community = useCommunity();
  const headingId = useId();
  const [notice, setNotice] = useState('');
  const requests = useInfiniteQuery({
    queryKey: queryKeys.communityRequests(community.id),
    queryFn: ({ pageParam }) => listRequests(community.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {t('communities.requests.title')}
      </h2>
      {requests.isPending ? (
        <PeopleSkeleton count={2} layout="list" />
      ) : requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('communities.requests.empty')} />
      ) : (
        <ul className="account-list">
          {items.map((request) => (
            <li key={request.account.id}>
              <AccountRow
                account={request.account}
                action={<Decision request={request} onNotice={setNotice} />}
              />
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={requests} />
      <SuccessMessage>{notice}</SuccessMessage>
    </section>
  );
}

function Decision({
  request,
  onNotice,
}: {
  request: CommunityMember;
  onNotice: (text: string) => void;
}) {
  const t = useT();
  const community = useCommunity();
  const queryClient = useQueryClient();
  const name = request.account.display_name || request.account.username;
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      decideRequest(community.id, request.account.id, decision),
    onSuccess: (_, decision) => {
      onNotice(
        decision === 'approve'
          ? t('communities.requests.approved', { name })
          : t('communities.requests.rejected', { name }),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.communityRequests(community.id) });
      void queryClient.invalidateQueries({ queryKey: ['communities', 'members', community.id] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.community(community.id) });
    },
  });
  return (
    <div className="member-controls">
      <Button
        variant="primary"
        size="sm"
        icon={<CheckIcon size={16} />}
        pending={decide.isPending && decide.variables === 'approve'}
        disabled={decide.isPending}
        onClick={() => decide.mutate('approve')}
        aria-label={t('communities.requests.approveName', { name })}
      >
        {t('communities.requests.approve')}
      </Button>
      <Button
        variant="ghost"
        size="sm"
        pending={decide.isPending && decide.variables === 'reject'}
        disabled={decide.isPending}
        onClick={() => decide.mutate('reject')}
        aria-label={t('communities.requests.rejectName', { name })}
      >
        {t('communities.requests.reject')}
      </Button>
      <ErrorMessage error={decide.error} />
    </div>
  );
}
