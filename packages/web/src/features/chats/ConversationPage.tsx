import type { Chat } from '@rapport/schema';
import { useMemo, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { profilePath } from '../statuses/status-paths';
import { ChatAvatar } from './ChatAvatar';
import { Composer } from './Composer';
import { ConversationMenu } from './ConversationMenu';
import { BackIcon, MessageIcon, MutedIcon } from './chat-icons';
import { isGroup } from './chat-list';
import { chatName, personName } from './chat-names';
import { newestMessageId, seenBy } from './chat-timeline';
import { MessageList } from './MessageList';
import { useChat, useMarkRead, useMessages, useSender } from './use-conversation';

/** `/messages/:id`; a new conversation starts with fresh state. */
export function ConversationRoute() {
  const { id = '' } = useParams();
  return <Conversation key={id} chatId={id} />;
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Link
      to="/messages"
      className="button button-ghost icon-button chat-back"
      title={t('chats.back')}
    >
      <BackIcon />
      <span className="visually-hidden">{t('chats.back')}</span>
    </Link>
  );
}

function Subtitle({ chat }: { chat: Chat }) {
  const { t } = useI18n();
  const [person] = chat.accounts;
  if (isGroup(chat)) {
    return (
      <p className="chat-subtitle">{t('chats.people', { count: chat.accounts.length + 1 })}</p>
    );
  }
  if (!person) return null;
  const detail = [person.title, person.department].filter(Boolean).join(' · ');
  return (
    <p className="chat-subtitle">
      <Link to={profilePath(person)}>@{person.acct || person.username}</Link>
      {detail && <span> · {detail}</span>}
    </p>
  );
}

function Conversation({ chatId }: { chatId: string }) {
  const { t, locale } = useI18n();
  const me = useCurrentAccount();
  const chat = useChat(chatId);
  const { timeline, older } = useMessages(chatId);
  const sender = useSender(chatId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const messages = timeline.data?.messages ?? [];
  useMarkRead(chat.data, newestMessageId(messages));
  const name = chat.data ? chatName(chat.data, t, locale) : '';
  usePageTitle(name || t('chats.title'));
  const seen = useMemo(
    () =>
      chat.data ? seenBy(messages, chat.data.read_states, chat.data.accounts, me.id) : new Map(),
    [messages, chat.data, me.id],
  );

  if (chat.isError && !chat.data) {
    return (
      <section className="conversation conversation-missing">
        <header className="conversation-header">
          <BackLink />
        </header>
        {isApiError(chat.error, 'not_found') ? (
          <EmptyState title={t('chats.notFound')} icon={<MessageIcon size={28} />}>
            <Link to="/messages">{t('chats.back')}</Link>
          </EmptyState>
        ) : (
          <ErrorState error={chat.error} onRetry={() => chat.refetch()} />
        )}
      </section>
    );
  }
  if (!chat.data) {
    return (
      <section className="conversation">
        <LoadingBlock />
      </section>
    );
  }
  const send = (text: string, mediaIds: string[]) => {
    sender.send(text, mediaIds);
    // What I write goes to the bottom, and so does the view (the box is laid out bottom-up).
    scrollRef.current?.scrollTo({ top: 0 });
  };
  const single = chat.data.accounts.length === 1 ? chat.data.accounts[0] : undefined;
  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <header className="conversation-header">
        <BackLink />
        <ChatAvatar chat={chat.data} />
        <div className="conversation-heading">
          <h1 id="conversation-title" className="conversation-title">
            {name}
            {chat.data.muted && (
              <span className="chat-item-muted" title={t('chats.muted')}>
                <MutedIcon size={16} />
                <span className="visually-hidden">{t('chats.muted')}</span>
              </span>
            )}
          </h1>
          <Subtitle chat={chat.data} />
        </div>
        <ConversationMenu chat={chat.data} />
      </header>
      {timeline.isPending ? (
        <div className="message-scroll">
          <LoadingBlock />
        </div>
      ) : timeline.isError ? (
        <div className="message-scroll">
          <ErrorState error={timeline.error} onRetry={() => timeline.refetch()} />
        </div>
      ) : (
        <MessageList
          name={single ? personName(single) : name}
          myId={me.id}
          messages={messages}
          seen={seen}
          pending={sender.pending}
          hasOlder={Boolean(timeline.data.older)}
          loadingOlder={older.isPending}
          olderError={older.error}
          onLoadOlder={() => {
            if (!older.isPending) older.mutate();
          }}
          onRetry={sender.retry}
          onDiscard={sender.discard}
          scrollRef={scrollRef}
        />
      )}
      <Composer chatId={chatId} name={name} onSend={send} inputRef={inputRef} />
    </section>
  );
}

/** The right pane of /messages before a conversation is chosen (desktop only). */
export function NoConversation() {
  const { t } = useI18n();
  usePageTitle(t('chats.title'));
  return (
    <div className="conversation conversation-none">
      <EmptyState title={t('chats.none')} icon={<MessageIcon size={28} />}>
        <p>{t('chats.noneHint')}</p>
      </EmptyState>
    </div>
  );
}
