import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  clearNotifications,
  dismissNotificationGroup,
  listNotificationGroups,
  markNotificationsRead,
  type NotificationFilter,
} from '../../api/notifications';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { BellIcon } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { StatusSkeleton } from '../timelines/StatusSkeleton';
import { NotificationGroupItem } from './NotificationGroupItem';
import {
  groupsOf,
  type NotificationData,
  newestNotificationId,
  removeGroup,
} from './notification-cache';

const FILTERS: readonly NotificationFilter[] = ['all', 'mentions'];

/**
 * While the full list is on screen, everything in it counts as read: the notifications
 * marker moves to the newest one, and the unread badge goes back to zero.
 */
function useMarkRead(data: NotificationData | undefined, active: boolean) {
  const queryClient = useQueryClient();
  const marked = useRef<string | null>(null);
  const newest = newestNotificationId(data);
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');

  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);

  useEffect(() => {
    if (!active || !visible || !newest || marked.current === newest) return;
    marked.current = newest;
    queryClient.setQueryData(queryKeys.unreadCount, 0);
    markNotificationsRead(newest)
      .then(() => {
        // The marker is shared: mentions read here are read in the inbox too.
        void queryClient.invalidateQueries({ queryKey: queryKeys.inboxUnread });
        void queryClient.invalidateQueries({ queryKey: queryKeys.inboxLists });
      })
      .catch(() => {
        // The badge comes back with the next count; reading again marks again.
        marked.current = null;
        void queryClient.invalidateQueries({ queryKey: queryKeys.unreadCount });
      });
  }, [active, visible, newest, queryClient]);
}

export function NotificationsPage() {
  const t = useT();
  const me = useCurrentAccount();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const filter: NotificationFilter = params.get('filter') === 'mentions' ? 'mentions' : 'all';
  const [confirmClear, setConfirmClear] = useState(false);
  const [notice, setNotice] = useState('');
  usePageTitle(t('notifications.title'));

  const notifications = useInfiniteQuery({
    queryKey: queryKeys.notifications(filter),
    queryFn: ({ pageParam }) => listNotificationGroups(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    // Live: new ones arrive through the user stream.
    refetchOnWindowFocus: false,
  });
  useMarkRead(notifications.data, filter === 'all');

  const dismiss = useMutation({
    mutationFn: (groupKey: string) => dismissNotificationGroup(groupKey),
    onSuccess: (_answer, groupKey) => {
      for (const each of FILTERS) {
        queryClient.setQueryData<NotificationData>(queryKeys.notifications(each), (data) =>
          data ? removeGroup(data, groupKey) : data,
        );
      }
      setNotice(t('notifications.dismissed'));
    },
  });

  const clear = useMutation({
    mutationFn: clearNotifications,
    onSuccess: () => {
      setConfirmClear(false);
      queryClient.setQueryData(queryKeys.unreadCount, 0);
      void queryClient.resetQueries({ queryKey: queryKeys.notificationLists });
      setNotice(t('notifications.cleared'));
    },
  });

  const items = groupsOf(notifications.data);
  const list = useRef<HTMLDivElement>(null);

  /** Dismissing removes the focused button; the focus moves to the next notification. */
  const dismissAt = (index: number) => {
    const key = items[index]?.group_key;
    if (!key) return;
    const neighbour = items[index + 1]?.id ?? items[index - 1]?.id ?? null;
    dismiss.mutate(key, {
      onSuccess: () =>
        requestAnimationFrame(() => {
          const target = neighbour
            ? list.current?.querySelector<HTMLElement>(
                `[data-notification-id="${CSS.escape(neighbour)}"]`,
              )
            : null;
          (target ?? document.querySelector<HTMLElement>('main h1'))?.focus();
        }),
    });
  };

  return (
    <div className="page page-feed">
      <header className="page-header page-header-row">
        <h1 tabIndex={-1}>{t('notifications.title')}</h1>
        <div className="notifications-header-actions">
          <Link to="/settings/notifications" className="button button-ghost button-sm">
            {t('notifications.settingsLink')}
          </Link>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setConfirmClear(true)}
            disabled={items.length === 0}
          >
            {t('notifications.clear')}
          </Button>
        </div>
      </header>
      <nav className="tabs" aria-label={t('notifications.filter')}>
        {FILTERS.map((each) => (
          <Link
            key={each}
            to={each === 'all' ? '/notifications' : `/notifications?filter=${each}`}
            className={each === filter ? 'tab tab-active' : 'tab'}
            aria-current={each === filter ? 'page' : undefined}
          >
            {each === 'all' ? t('notifications.all') : t('notifications.mentions')}
          </Link>
        ))}
      </nav>
      <SuccessMessage>{notice}</SuccessMessage>
      <ErrorMessage error={dismiss.error} />
      {notifications.isPending ? (
        <StatusSkeleton />
      ) : !notifications.data ? (
        <ErrorState error={notifications.error} onRetry={() => notifications.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<BellIcon size={28} />}
          title={filter === 'all' ? t('notifications.empty') : t('notifications.emptyMentions')}
        >
          <p>{t('notifications.emptyHint')}</p>
        </EmptyState>
      ) : (
        <>
          <div className="notification-list" ref={list}>
            {items.map((group, index) => (
              <NotificationGroupItem
                key={group.group_key}
                group={group}
                viewerId={me.id}
                dismissing={dismiss.isPending && dismiss.variables === group.group_key}
                onDismiss={() => dismissAt(index)}
              />
            ))}
          </div>
          <LoadMore list={notifications} />
        </>
      )}
      <ConfirmDialog
        open={confirmClear}
        title={t('notifications.clearTitle')}
        confirmLabel={t('notifications.clearConfirm')}
        danger
        pending={clear.isPending}
        error={clear.error}
        onCancel={() => setConfirmClear(false)}
        onConfirm={() => clear.mutate()}
      >
        <p>{t('notifications.clearBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
