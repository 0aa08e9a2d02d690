import type { Status } from '@rapport/schema';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../../api/query-keys';
import { listStatusAccounts } from '../../api/statuses';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { Modal } from '../../components/Modal';
import { PeopleSkeleton } from '../../components/Skeleton';
import { useI18n } from '../../i18n/I18nProvider';
import { AccountRow } from '../social/AccountRow';
import { VISIBILITY_LABELS } from './visibility-labels';

type Which = 'favourited_by' | 'reblogged_by';

function StatusAccountsDialog({
  statusId,
  which,
  onClose,
}: {
  statusId: string;
  which: Which;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const accounts = useInfiniteQuery({
    queryKey: queryKeys.statusAccounts(statusId, which),
    queryFn: ({ pageParam }) => listStatusAccounts(statusId, which, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  const items = accounts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Modal
      open
      title={which === 'favourited_by' ? t('status.favouritedBy') : t('status.rebloggedBy')}
      onClose={onClose}
    >
      {accounts.isPending ? (
        <PeopleSkeleton count={3} layout="list" />
      ) : accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => accounts.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('status.nobodyYet')} />
      ) : (
        <>
          <ul className="account-list">
            {items.map((account) => (
              <li key={account.id}>
                <AccountRow account={account} onNavigate={onClose} />
              </li>
            ))}
          </ul>
          {accounts.hasNextPage && (
            <div className="load-more">
              <Button
                pending={accounts.isFetchingNextPage}
                onClick={() => accounts.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </Modal>
  );
}

/** Under the status a thread is about: its full date, who can see it, and who reacted. */
export function StatusStats({ status, timeId }: { status: Status; timeId: string }) {
  const { t, formatDateTime } = useI18n();
  const [open, setOpen] = useState<Which | null>(null);
  return (
    <div className="status-stats">
      <p className="status-stats-line">
        <time id={timeId} dateTime={status.created_at}>
          {formatDateTime(status.created_at)}
        </time>
        <span aria-hidden="true"> · </span>
        <span>{t(VISIBILITY_LABELS[status.visibility] as 'visibility.public')}</span>
      </p>
      {(status.reblogs_count > 0 || status.favourites_count > 0) && (
        <p className="status-stats-line">
          {status.reblogs_count > 0 && (
            <button
              type="button"
              className="link-button"
              aria-haspopup="dialog"
              onClick={() => setOpen('reblogged_by')}
            >
              {t('status.boosts', { count: status.reblogs_count })}
            </button>
          )}
          {status.favourites_count > 0 && (
            <button
              type="button"
              className="link-button"
              aria-haspopup="dialog"
              onClick={() => setOpen('favourited_by')}
            >
              {t('status.favourites', { count: status.favourites_count })}
            </button>
          )}
        </p>
      )}
      {open && (
        <StatusAccountsDialog statusId={status.id} which={open} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}
