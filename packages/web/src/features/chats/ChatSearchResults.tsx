import type { ChatMessage } from '@rapport/schema';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { RelativeTime } from '../../components/RelativeTime';
import { useI18n } from '../../i18n/I18nProvider';
import { ChatListSkeleton } from './ChatListItem';
import { type ChatListData, findChat, highlight, isGroup, previewText } from './chat-list';
import { chatName, personName } from './chat-names';
import { chatKeys, searchMessages } from './chats-api';

function Found({ message, query }: { message: ChatMessage; query: string }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const chat = findChat(queryClient.getQueryData<ChatListData>(chatKeys.list), message.chat_id);
  const text = previewText(message.text);
  return (
    <li>
      <Link
        to={`/messages/${encodeURIComponent(message.chat_id)}#message-${message.id}`}
        className="chat-item chat-found"
      >
        <Avatar person={message.account} size="md" />
        <span className="chat-item-body">
          <span className="chat-item-top">
            <span className="chat-item-name">
              {personName(message.account)}
              {chat && isGroup(chat) && (
                <span className="chat-found-place">
                  {' '}
                  {t('chats.search.in', { name: chatName(chat, t, locale) })}
                </span>
              )}
            </span>
            <span className="chat-item-time">
              <RelativeTime iso={message.created_at} />
            </span>
          </span>
          <span className="chat-found-text">
            {highlight(text, query).map((part, index) =>
              part.match ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
                <mark key={index}>{part.text}</mark>
              ) : (
                part.text
              ),
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}

/** Messages in my conversations that match the search, each leading to its conversation. */
export function ChatSearchResults({ query }: { query: string }) {
  const { t } = useI18n();
  const results = useInfiniteQuery({
    queryKey: chatKeys.search(query),
    queryFn: ({ pageParam }) => searchMessages(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-label={t('chats.search.results', { q: query })}>
      <p className="visually-hidden" role="status" aria-live="polite">
        {results.isSuccess ? t('chats.search.found', { count: items.length }) : ''}
      </p>
      {results.isPending ? (
        <ChatListSkeleton count={3} />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => results.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('chats.search.none', { q: query })} />
      ) : (
        <>
          <ul className="chat-list">
            {items.map((message) => (
              <Found key={message.id} message={message} query={query} />
            ))}
          </ul>
          <LoadMore list={results} />
        </>
      )}
    </section>
  );
}
