import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { PlusIcon } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { SearchBox } from '../../components/SearchBox';
import { useSearchQuery } from '../../components/use-search-query';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { ChatListItem, ChatListSkeleton } from './ChatListItem';
import { ChatSearchResults } from './ChatSearchResults';
import { MessageIcon } from './chat-icons';
import { chatKeys, listChats } from './chats-api';
import { NewChatDialog } from './NewChatDialog';

/** The conversations, newest activity first. */
function ChatList({ activeId, onNew }: { activeId: string | undefined; onNew: () => void }) {
  const t = useT();
  const me = useCurrentAccount();
  const chats = useInfiniteQuery({
    queryKey: chatKeys.list,
    queryFn: ({ pageParam }) => listChats(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  if (chats.isPending) return <ChatListSkeleton />;
  if (chats.isError) return <ErrorState error={chats.error} onRetry={() => chats.refetch()} />;
  const items = chats.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState title={t('chats.empty')} icon={<MessageIcon size={28} />}>
        <p>{t('chats.emptyHint')}</p>
        <Button variant="primary" icon={<PlusIcon size={18} />} onClick={onNew}>
          {t('chats.new')}
        </Button>
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="chat-list" aria-label={t('chats.list')}>
        {items.map((chat) => (
          <ChatListItem key={chat.id} chat={chat} myId={me.id} active={chat.id === activeId} />
        ))}
      </ul>
      <LoadMore list={chats} />
    </>
  );
}

/**
 * The left pane of /messages: the title, "New message", a search over my messages, and the
 * conversations (or, while searching, the messages found).
 */
export function ChatListPane({ activeId }: { activeId: string | undefined }) {
  const t = useT();
  const [input, setInput, query] = useSearchQuery();
  const [creating, setCreating] = useState(false);
  // With a conversation open, its name is the page's heading.
  const Heading = activeId ? 'h2' : 'h1';
  return (
    <div className="chat-list-pane">
      <header className="chat-list-header">
        <Heading className="chat-list-title">{t('chats.title')}</Heading>
        <Button
          variant="primary"
          size="sm"
          icon={<PlusIcon size={18} />}
          onClick={() => setCreating(true)}
        >
          {t('chats.new')}
        </Button>
      </header>
      <SearchBox
        label={t('chats.search.label')}
        placeholder={t('chats.search.placeholder')}
        value={input}
        onChange={setInput}
      />
      <div className="chat-list-scroll">
        {query ? (
          <ChatSearchResults query={query} />
        ) : (
          <ChatList activeId={activeId} onNew={() => setCreating(true)} />
        )}
      </div>
      {creating && <NewChatDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
