import type { Chat } from '@rapport/schema';
import { Avatar } from '../../components/Avatar';
import { PeopleIcon } from '../../components/icons';

/** The other person's picture, or two of a group's overlapping; decorative like Avatar. */
export function ChatAvatar({ chat, size = 'md' }: { chat: Chat; size?: 'sm' | 'md' }) {
  const [first, second] = chat.accounts;
  if (!first) {
    return (
      <span className={`chat-avatar chat-avatar-${size} chat-avatar-empty`} aria-hidden="true">
        <PeopleIcon size={18} />
      </span>
    );
  }
  if (!second) {
    return (
      <span className={`chat-avatar chat-avatar-${size}`}>
        <Avatar person={first} size={size} />
      </span>
    );
  }
  return (
    <span className={`chat-avatar chat-avatar-${size} chat-avatar-group`}>
      <Avatar person={first} size="xs" />
      <Avatar person={second} size="xs" />
    </span>
  );
}
