import type { Chat } from '@rapport/schema';
import { Link } from 'react-router';
import { RelativeTime } from '../../components/RelativeTime';
import { useI18n } from '../../i18n/I18nProvider';
import { ChatAvatar } from './ChatAvatar';
import { MutedIcon } from './chat-icons';
import { isGroup, previewText } from './chat-list';
import { chatName, personName } from './chat-names';

/** The last message on one line: "You: …", "Bruno: …" in a group, the words alone one-to-one. */
export function useLastMessageText(chat: Chat, myId: string): string {
  const { t } = useI18n();
  const message = chat.last_message;
  if (!message) return t('chats.noMessages');
  const text =
    previewText(message.text) || t('chats.sentImages', { count: message.media_attachments.length });
  if (message.account.id === myId) return t('chats.youSaid', { text });
  if (isGroup(chat)) return `${personName(message.account)}: ${text}`;
  return text;
}

export function ChatListItem({
  chat,
  myId,
  active,
}: {
  chat: Chat;
  myId: string;
  active: boolean;
}) {
  const { t, locale } = useI18n();
  const name = chatName(chat, t, locale);
  const preview = useLastMessageText(chat, myId);
  const unread = chat.unread_count;
  // A muted conversation counts its unread messages, quietly.
  const classes = [
    'chat-item',
    active ? 'chat-item-active' : '',
    unread > 0 && !chat.muted ? 'chat-item-unread' : '',
    chat.muted ? 'chat-item-quiet' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li>
      <Link
        to={`/messages/${encodeURIComponent(chat.id)}`}
        className={classes}
        aria-current={active ? 'page' : undefined}
        data-chat-id={chat.id}
      >
        <ChatAvatar chat={chat} />
        <span className="chat-item-body">
          <span className="chat-item-top">
            <span className="chat-item-name">{name}</span>
            {chat.muted && (
              <span className="chat-item-muted" title={t('chats.muted')}>
                <MutedIcon size={14} />
                <span className="visually-hidden">{t('chats.muted')}</span>
              </span>
            )}
            <span className="chat-item-time">
              <RelativeTime iso={chat.last_message?.created_at ?? chat.updated_at} />
            </span>
          </span>
          <span className="chat-item-bottom">
            <span className="chat-item-preview">{preview}</span>
            {unread > 0 && (
              <span className="chat-item-count">
                <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
                <span className="visually-hidden">{t('chats.unread', { count: unread })}</span>
              </span>
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}

/** Grey rows in the shape of the list while it loads. */
export function ChatListSkeleton({ count = 6 }: { count?: number }) {
  const { t } = useI18n();
  return (
    <div className="chat-list-skeleton" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('chats.loading')}
      </span>
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div className="chat-item chat-item-skeleton" key={index} aria-hidden="true">
          <span className="skeleton skeleton-avatar" />
          <span className="skeleton-lines">
            <span className="skeleton skeleton-line" />
            <span className="skeleton skeleton-line short" />
          </span>
        </div>
      ))}
    </div>
  );
}
