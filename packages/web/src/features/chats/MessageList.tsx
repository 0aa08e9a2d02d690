import type { Account, ChatMessage } from '@rapport/schema';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { useLocation } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { Button } from '../../components/Button';
import { errorText } from '../../components/error-text';
import { ErrorMessage } from '../../components/FormMessage';
import { RichText } from '../../components/RichText';
import { useI18n } from '../../i18n/I18nProvider';
import { useNow } from '../../i18n/use-now';
import { MediaGrid } from '../statuses/MediaGrid';
import { personName, seenByText } from './chat-names';
import {
  groupMessages,
  localDay,
  type PendingMessage,
  type TimelineItem,
  visiblePending,
} from './chat-timeline';

const DAY_MS = 24 * 60 * 60_000;

function useDayLabel() {
  const { t, formatDate } = useI18n();
  const now = useNow().getTime();
  const today = localDay(new Date(now).toISOString());
  const yesterday = localDay(new Date(now - DAY_MS).toISOString());
  return (day: string, iso: string) =>
    day === today ? t('chats.today') : day === yesterday ? t('chats.yesterday') : formatDate(iso);
}

function useTimeFormat() {
  const { locale } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    return (iso: string) => format.format(new Date(iso));
  }, [locale]);
}

function Message({ message, seen }: { message: ChatMessage; seen: Account[] | undefined }) {
  const { t, locale, formatDateTime } = useI18n();
  return (
    <>
      <div
        className="message-item"
        id={`message-${message.id}`}
        data-message-id={message.id}
        title={formatDateTime(message.created_at)}
      >
        {message.html.trim() !== '' && (
          <RichText className="rich-text message-text" html={message.html} />
        )}
        {message.media_attachments.length > 0 && (
          <MediaGrid media={message.media_attachments} sensitive={false} />
        )}
      </div>
      {seen && seen.length > 0 && <p className="message-seen">{seenByText(seen, t, locale)}</p>}
    </>
  );
}

function Group({
  item,
  seen,
}: {
  item: Extract<TimelineItem, { kind: 'group' }>;
  seen: Map<string, Account[]>;
}) {
  const { t } = useI18n();
  const time = useTimeFormat();
  const first = item.messages[0];
  if (!first) return null;
  return (
    <li className={item.mine ? 'message-group message-group-mine' : 'message-group'}>
      {!item.mine && <Avatar person={item.account} size="sm" />}
      <div className="message-group-body">
        <p className="message-group-meta">
          <span className="message-group-name">
            {item.mine ? t('chats.you') : personName(item.account)}
          </span>{' '}
          <time dateTime={first.created_at}>{time(first.created_at)}</time>
        </p>
        {item.messages.map((message) => (
          <Message key={message.id} message={message} seen={seen.get(message.id)} />
        ))}
      </div>
    </li>
  );
}

function Pending({
  item,
  onRetry,
  onDiscard,
}: {
  item: PendingMessage;
  onRetry: (key: string) => void;
  onDiscard: (key: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className={`message-item message-pending message-${item.state}`}>
      {item.text && <p className="message-plain">{item.text}</p>}
      {item.mediaIds.length > 0 && (
        <p className="message-plain-media">{t('chats.images', { count: item.mediaIds.length })}</p>
      )}
      {item.state === 'sending' ? (
        <p className="message-status">{t('chats.sending')}</p>
      ) : (
        <div className="message-status message-status-failed" role="alert">
          <p>
            {t('chats.failed')} {errorText(t, item.error)}
          </p>
          <div className="message-status-actions">
            <Button size="sm" variant="primary" onClick={() => onRetry(item.key)}>
              {t('chats.retry')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => onDiscard(item.key)}>
              {t('chats.discard')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * The messages, oldest at the top: days, groups by sender, "Seen by" under the last message
 * each other participant read, then what is still being sent. The scroll box is laid out
 * bottom-up (column-reverse), so it opens at the newest message, stays there as messages
 * arrive, and keeps its place when earlier ones are loaded above.
 */
export function MessageList({
  name,
  myId,
  messages,
  seen,
  pending,
  hasOlder,
  loadingOlder,
  olderError,
  onLoadOlder,
  onRetry,
  onDiscard,
  scrollRef,
}: {
  name: string;
  myId: string;
  messages: readonly ChatMessage[];
  seen: Map<string, Account[]>;
  pending: readonly PendingMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: unknown;
  onLoadOlder: () => void;
  onRetry: (key: string) => void;
  onDiscard: (key: string) => void;
  scrollRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useI18n();
  const dayLabel = useDayLabel();
  const items = useMemo(() => groupMessages(messages, myId), [messages, myId]);
  const shown = visiblePending(pending);
  const top = useRef<HTMLDivElement>(null);
  const { hash } = useLocation();

  // Scrolling up to the top loads the earlier messages, as the button does.
  const load = useRef(onLoadOlder);
  load.current = onLoadOlder;
  useEffect(() => {
    const sentinel = top.current;
    const root = scrollRef.current;
    // After a failure, only the button tries again: scrolling must not loop on an error.
    if (!sentinel || !root || !hasOlder || loadingOlder || olderError) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) load.current();
      },
      { root, rootMargin: '200px 0px 0px 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasOlder, loadingOlder, olderError, scrollRef]);

  // A search result links to its message: show it, if it is among those loaded.
  const found = hash.startsWith('#message-') ? hash.slice(1) : null;
  const foundLoaded = found !== null && messages.some((m) => `message-${m.id}` === found);
  useEffect(() => {
    if (!found || !foundLoaded) return;
    const element = document.getElementById(found);
    element?.scrollIntoView({ block: 'center' });
    element?.classList.add('message-found');
  }, [found, foundLoaded]);

  return (
    <div
      ref={scrollRef}
      className="message-scroll"
      role="log"
      aria-label={t('chats.messages', { name })}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
    >
      <div className="message-scroll-inner">
        <div ref={top} className="message-top">
          <ErrorMessage error={olderError} />
          {hasOlder ? (
            <Button size="sm" pending={loadingOlder} onClick={onLoadOlder}>
              {loadingOlder ? t('chats.loadingEarlier') : t('chats.loadEarlier')}
            </Button>
          ) : (
            <p className="message-beginning">{t('chats.beginning', { name })}</p>
          )}
        </div>
        <ol className="message-groups">
          {items.map((item) =>
            item.kind === 'day' ? (
              <li key={item.key} className="message-day">
                <h2 className="message-day-label">{dayLabel(item.day, item.iso)}</h2>
              </li>
            ) : (
              <Group key={item.key} item={item} seen={seen} />
            ),
          )}
          {shown.length > 0 && (
            <li className="message-group message-group-mine">
              <div className="message-group-body">
                {shown.map((item) => (
                  <Pending key={item.key} item={item} onRetry={onRetry} onDiscard={onDiscard} />
                ))}
              </div>
            </li>
          )}
        </ol>
      </div>
    </div>
  );
}
