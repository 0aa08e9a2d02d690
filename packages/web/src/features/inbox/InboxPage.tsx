import type { InboxFilter, InboxItem } from '@rapport/schema';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { INBOX_FILTERS, listInbox, markInboxItemRead, markInboxRead } from '../../api/inbox';
import { queryKeys } from '../../api/query-keys';
import { Avatar } from '../../components/Avatar';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { AtIcon, ReplyIcon } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { RelativeTime } from '../../components/RelativeTime';
import { usePageTitle } from '../../components/use-page-title';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/I18nProvider';
import { AcceptedIcon } from '../questions/question-icons';
import { threadPath } from '../statuses/status-paths';
import { StatusSkeleton } from '../timelines/StatusSkeleton';
import { excerptOf } from './excerpt';
import { InboxIcon, MessageIcon } from './icons';
import { updateInboxLists, withAllRead, withItemRead } from './inbox-cache';
import { useInboxUnreadCount } from './use-inbox-unread';

const KIND_TEXT = {
  mention: 'inbox.kind.mention',
  reply: 'inbox.kind.reply',
  answer: 'inbox.kind.answer',
  message: 'inbox.kind.message',
} as const;

const KIND_ICON = {
  mention: AtIcon,
  reply: ReplyIcon,
  answer: AcceptedIcon,
  message: MessageIcon,
} as const;

const EMPTY = {
  all: 'inbox.caughtUp',
  unread: 'inbox.caughtUp',
  messages: 'inbox.empty.messages',
  mentions: 'inbox.empty.mentions',
  replies: 'inbox.empty.replies',
  answers: 'inbox.empty.answers',
} as const satisfies Record<InboxFilter, MessageKey>;

/** Where opening an item goes: the status in its thread, or the conversation. */
function targetOf(item: InboxItem): string {
  if (item.chat) return `/messages/${encodeURIComponent(item.chat.id)}`;
  return item.status ? threadPath(item.status) : '/inbox';
}

function InboxRow({ item, onOpen }: { item: InboxItem; onOpen: () => void }) {
  const t = useT();
  const name = item.account.display_name || item.account.username;
  const Icon = KIND_ICON[item.kind];
  const message = item.chat?.last_message;
  const excerpt = item.status
    ? item.status.spoiler_text || excerptOf(item.status.content)
    : message
      ? excerptOf(message.html) || t('inbox.attachment')
      : '';
  const place = item.status?.community?.name ?? (item.chat?.title || undefined);
  return (
    <li>
      <Link
        to={targetOf(item)}
        className={item.unread ? 'inbox-item inbox-item-unread' : 'inbox-item'}
        data-inbox-id={item.id}
        onClick={onOpen}
      >
        <span className="inbox-item-avatar">
          <Avatar person={item.account} size="md" />
          <span className={`inbox-item-kind inbox-item-kind-${item.kind}`}>
            <Icon size={14} />
          </span>
        </span>
        <span className="inbox-item-body">
          <span className="inbox-item-head">
            <span className="inbox-item-title">{t(KIND_TEXT[item.kind], { name })}</span>
            <span className="inbox-item-time muted small">
              <RelativeTime iso={item.created_at} />
            </span>
          </span>
          {excerpt && <span className="inbox-item-excerpt">{excerpt}</span>}
          {place && (
            <span className="inbox-item-place muted small">{t('inbox.in', { place })}</span>
          )}
        </span>
        {item.unread && (
          <span className="inbox-item-dot">
            <span className="visually-hidden">{t('inbox.unread')}</span>
          </span>
        )}
      </Link>
    </li>
  );
}

/**
 * The blended inbox: direct messages, mentions, replies and answers, newest first, with
 * filters. Opening an item marks it read everywhere (the server keeps Mastodon's
 * notifications marker in step); new items arrive through the user stream.
 */
export function InboxPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const asked = params.get('filter');
  const filter: InboxFilter = INBOX_FILTERS.includes(asked as InboxFilter)
    ? (asked as InboxFilter)
    : 'all';
  const [notice, setNotice] = useState('');
  usePageTitle(t('inbox.title'));
  const unread = useInboxUnreadCount();

  const inbox = useInfiniteQuery({
    queryKey: queryKeys.inbox(filter),
    queryFn: ({ pageParam }) => listInbox(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    refetchOnWindowFocus: false,
  });

  const afterRead = () => {
    // Mentions are notifications too: their badge and lists follow.
    void queryClient.invalidateQueries({ queryKey: queryKeys.unreadCount });
    void queryClient.invalidateQueries({ queryKey: queryKeys.inboxUnread });
  };

  const open = (item: InboxItem) => {
    if (!item.unread) return;
    updateInboxLists(queryClient, (data) => withItemRead(data, item.id));
    queryClient.setQueryData<number>(queryKeys.inboxUnread, (count) =>
      Math.max(0, (count ?? 1) - 1),
    );
    // The page changes at once; the read is saved on the way (and counted again after).
    markInboxItemRead(item.id).then(afterRead, afterRead);
  };

  const markAll = useMutation({
    mutationFn: markInboxRead,
    onSuccess: () => {
      updateInboxLists(queryClient, withAllRead);
      queryClient.setQueryData(queryKeys.inboxUnread, 0);
      queryClient.setQueryData(queryKeys.unreadCount, 0);
      setNotice(t('inbox.markedAllRead'));
      afterRead();
    },
  });

  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page page-feed">
      <header className="page-header">
        <div className="page-header-row">
          <h1 tabIndex={-1}>{t('inbox.title')}</h1>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => markAll.mutate()}
            pending={markAll.isPending}
            disabled={!unread.data}
          >
            {t('inbox.markAllRead')}
          </Button>
        </div>
        <p className="muted">{t('inbox.intro')}</p>
      </header>
      <nav className="tabs" aria-label={t('inbox.filter')}>
        {INBOX_FILTERS.map((each) => (
          <Link
            key={each}
            to={each === 'all' ? '/inbox' : `/inbox?filter=${each}`}
            className={each === filter ? 'tab tab-active' : 'tab'}
            aria-current={each === filter ? 'page' : undefined}
          >
            {t(`inbox.filter.${each}`)}
          </Link>
        ))}
      </nav>
      <div className="inbox-notices">
        <SuccessMessage>{notice}</SuccessMessage>
        <ErrorMessage error={markAll.error} />
      </div>
      {inbox.isPending ? (
        <StatusSkeleton />
      ) : !inbox.data ? (
        <ErrorState error={inbox.error} onRetry={() => inbox.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<InboxIcon size={28} />} title={t(EMPTY[filter])}>
          <p>
            {filter === 'all' || filter === 'unread'
              ? t('inbox.caughtUpHint')
              : t('inbox.emptyHint')}
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className="inbox-list" aria-label={t('inbox.list')}>
            {items.map((item) => (
              <InboxRow key={item.id} item={item} onOpen={() => open(item)} />
            ))}
          </ul>
          <LoadMore list={inbox} />
        </>
      )}
    </div>
  );
}
