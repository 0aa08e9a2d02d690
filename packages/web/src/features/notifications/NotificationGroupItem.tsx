import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { listGroupAccounts, type NotificationGroupView } from '../../api/notifications';
import { queryKeys } from '../../api/query-keys';
import { Avatar } from '../../components/Avatar';
import { ErrorMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { RelativeTime } from '../../components/RelativeTime';
import { useT } from '../../i18n/I18nProvider';
import { AccountRow } from '../social/AccountRow';
import { profilePath } from '../statuses/status-paths';
import {
  DismissButton,
  ICONS,
  NotificationItem,
  notificationKind,
  StatusPreview,
} from './NotificationItem';

const GROUP_TEXT = {
  favourite: 'notifications.group.favourite',
  reblog: 'notifications.group.reblog',
  follow: 'notifications.group.follow',
} as const;

/** Everyone in a group, loaded when the reader asks for it. */
function GroupPeople({ groupKey, id }: { groupKey: string; id: string }) {
  const t = useT();
  const people = useInfiniteQuery({
    queryKey: queryKeys.notificationGroupAccounts(groupKey),
    queryFn: ({ pageParam }) => listGroupAccounts(groupKey, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  const accounts = people.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="notification-people" id={id}>
      <ErrorMessage error={people.error} />
      {people.isPending ? (
        <p className="muted small" role="status">
          {t('app.loading')}
        </p>
      ) : (
        <ul className="notification-people-list" aria-label={t('notifications.group.people')}>
          {accounts.map((account) => (
            <li key={account.id}>
              <AccountRow account={account} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={people} />
    </div>
  );
}

/**
 * A notification group: "Ana and 4 others favourited your status", the faces of those who
 * did, the status it is about, and everyone in it on request. A group of one is shown as
 * the notification it is.
 */
export function NotificationGroupItem({
  group,
  viewerId,
  onDismiss,
  dismissing,
}: {
  group: NotificationGroupView;
  viewerId: string;
  onDismiss: () => void;
  dismissing: boolean;
}) {
  const t = useT();
  const peopleId = useId();
  const [expanded, setExpanded] = useState(false);
  const kind = notificationKind(group, viewerId);
  if (group.count <= 1 || (kind !== 'favourite' && kind !== 'reblog' && kind !== 'follow')) {
    return (
      <NotificationItem
        notification={group}
        viewerId={viewerId}
        onDismiss={onDismiss}
        dismissing={dismissing}
      />
    );
  }
  const Icon = ICONS[kind];
  const account = group.account;
  const name = account.display_name || account.username;
  const others = group.count - 1;
  const [before, after] = t(GROUP_TEXT[kind], { name: '\u0000', count: others }).split('\u0000');
  return (
    <article
      className={`notification notification-group notification-${kind}`}
      data-notification-id={group.id}
      data-group-key={group.group_key}
      tabIndex={-1}
      aria-label={t(GROUP_TEXT[kind], { name, count: others })}
    >
      <div className="notification-header">
        <span className={`notification-icon notification-icon-${kind}`}>
          <Icon size={18} filled={kind === 'favourite'} />
        </span>
        <div className="notification-group-body">
          <ul className="notification-avatars" aria-hidden="true">
            {group.accounts.map((person) => (
              <li key={person.id}>
                <Avatar person={person} size="sm" />
              </li>
            ))}
          </ul>
          <p className="notification-text">
            {before}
            <Link to={profilePath(account)} className="notification-name">
              {name}
            </Link>
            {after}
            <span className="notification-time muted small">
              {' · '}
              <RelativeTime iso={group.created_at} />
            </span>
          </p>
        </div>
        <DismissButton
          label={t('notifications.group.dismiss')}
          onClick={onDismiss}
          disabled={dismissing}
        />
      </div>
      {group.status && <StatusPreview status={group.status} viewerId={viewerId} />}
      <div className="notification-group-actions">
        <button
          type="button"
          className="button button-ghost button-sm"
          aria-expanded={expanded}
          aria-controls={expanded ? peopleId : undefined}
          onClick={() => setExpanded((open) => !open)}
        >
          {expanded
            ? t('notifications.group.hidePeople')
            : t('notifications.group.showPeople', { count: group.count })}
        </button>
      </div>
      {expanded && <GroupPeople groupKey={group.group_key} id={peopleId} />}
    </article>
  );
}
