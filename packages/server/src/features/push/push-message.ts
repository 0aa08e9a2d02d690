import type { Account, Notification, PreferenceType, PushMessage } from '@rapport/schema';

/**
 * What a push says, in English (the server has no per-person language yet; Mastodon apps
 * show `title` and `body` as they are). The same words as the web app's notification list.
 */
const TITLES: Partial<Record<PreferenceType, string>> = {
  mention: '{name} mentioned you',
  status: '{name} posted a status',
  reblog: '{name} boosted your status',
  follow: '{name} followed you',
  favourite: '{name} favourited your status',
  poll: 'A poll you voted in has ended',
  update: '{name} edited a status you interacted with',
  'admin.report': '{name} reported an account',
  moderation_warning: 'A moderator acted on your content',
  community_invitation: '{name} invited you to join a community',
  community_request: '{name} asked to join a community you run',
  community_approved: '{name} approved your request to join',
  question_suggested: '{name} thinks you may know the answer to a question',
  answer_accepted: '{name} accepted your answer',
  event_changed: '{name} changed the time or place of an event',
  event_cancelled: '{name} called off an event',
  introduction_requested: '{name} asked you for an introduction',
  introduction_forwarded: '{name} passed on an introduction',
  introduction_accepted: '{name} accepted an introduction',
  introduction_declined: '{name} declined an introduction',
  event_invitation: '{name} invited you to an event',
  page_invitation: '{name} asked you to look at a page',
  chat_message: '{name} sent you a message',
};

/** Mastodon cuts the body at 140 characters; a lock screen shows less anyway. */
const BODY_LIMIT = 140;

function nameOf(account: Pick<Account, 'display_name' | 'username'>): string {
  return account.display_name.trim() || account.username;
}

function titleOf(type: PreferenceType, name: string): string {
  return (TITLES[type] ?? 'New activity from {name}').replace('{name}', name);
}

/** Plain text of the server's own sanitised HTML (paragraphs, line breaks, links, spans). */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (_, entity: string) => {
      const named: Record<string, string> = {
        amp: '&',
        lt: '<',
        gt: '>',
        quot: '"',
        apos: "'",
        nbsp: ' ',
      };
      const lower = entity.toLowerCase();
      if (lower in named) return named[lower] as string;
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : Number(lower.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : '';
    })
    .trim();
}

export function truncate(text: string, limit = BODY_LIMIT): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  return characters.length <= limit
    ? characters.join('')
    : `${characters.slice(0, limit - 1).join('')}…`;
}

/** The message shared by every device of the person; each device adds its own token. */
export type PushContent = Omit<PushMessage, 'access_token'>;

/**
 * A notification as a push. A status shows its content warning when it has one (a lock
 * screen is public), else its text; a subject (community, event...) its title; a follow
 * the follower's bio. Clicking opens the status, the subject or the person.
 */
export function notificationContent(
  notification: Notification,
  viewerId: string,
  publicUrl: string,
): PushContent {
  const { account, status, subject } = notification;
  const name = nameOf(account);
  let title = titleOf(notification.type, name);
  if (notification.type === 'mention' && status?.in_reply_to_account_id === viewerId) {
    title = `${name} replied to you`;
  }
  if (notification.type === 'poll' && account.id === viewerId) title = 'Your poll has ended';
  const body = status
    ? status.spoiler_text.trim() || plainText(status.content)
    : subject
      ? subject.title
      : plainText(account.note);
  return {
    preferred_locale: 'en',
    notification_id: notification.id,
    notification_type: notification.type,
    icon: account.avatar_static,
    title,
    body: truncate(body),
    url: status?.url ?? subject?.url ?? account.url ?? `${publicUrl}/notifications`,
  };
}

/** A chat message as a push; the conversation opens on click. */
export function chatMessageContent(
  message: { id: string; chatId: string; preview: string },
  sender: Account,
  publicUrl: string,
): PushContent {
  return {
    preferred_locale: 'en',
    notification_id: message.id,
    notification_type: 'chat_message',
    icon: sender.avatar_static,
    title: titleOf('chat_message', nameOf(sender)),
    body: truncate(message.preview),
    url: `${publicUrl}/messages/${message.chatId}`,
  };
}
