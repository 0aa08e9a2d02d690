import type { Notification } from '@rapport/schema';
import type { MailBlock, MailListItem } from '../../mail/mail.template';
import { describeNotification, isAnswerTo, nameOf, statusExcerpt } from './notification-text';

/**
 * A digest's sections, in the order people act on them: what is addressed to them first,
 * reactions last and only as counts (a list of every favourite is noise, not news).
 */
const SECTIONS: Array<{ title: string; holds: (n: Notification, readerId: number) => boolean }> = [
  {
    title: 'Answers to your questions',
    holds: (n, me) =>
      (n.type === 'mention' && isAnswerTo(n.status, me)) || n.type === 'answer_accepted',
  },
  { title: 'Questions for you', holds: (n) => n.type === 'question_suggested' },
  {
    title: 'Mentions and replies',
    holds: (n) => n.type === 'mention' || n.type === 'status' || n.type === 'update',
  },
  {
    title: 'Invitations and communities',
    holds: (n) =>
      n.type === 'community_invitation' ||
      n.type === 'community_request' ||
      n.type === 'community_approved',
  },
  {
    title: 'Events',
    holds: (n) =>
      n.type === 'event_changed' || n.type === 'event_cancelled' || n.type === 'event_invitation',
  },
  { title: 'Introductions', holds: (n) => n.type.startsWith('introduction_') },
  {
    title: 'Moderation',
    holds: (n) => n.type === 'admin.report' || n.type === 'moderation_warning',
  },
  { title: 'Polls', holds: (n) => n.type === 'poll' },
];

/** At most this many lines per section; the rest is counted and left to the app. */
const SECTION_LINES = 8;
const REACTED_STATUSES = 5;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Ana", "Ana and Bo", "Ana, Bo and 3 others". */
function people(names: string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 2) return unique.join(' and ');
  const rest = unique.length - 2;
  return `${unique.slice(0, 2).join(', ')} and ${count(rest, 'other')}`;
}

export interface DigestBody {
  /** The most important line, for the subject. */
  headline: string;
  blocks: MailBlock[];
}

/** A conversation with messages the reader has not read, as the digest names it. */
export interface DigestChat {
  chatId: number;
  /** The group's title, or empty for a one-to-one or an untitled group. */
  title: string;
  senderName: string;
  unread: number;
  /** The newest message in plain text. */
  preview: string;
}

/**
 * The digest of unseen notifications (newest first), grouped, after the conversations with
 * unread messages (what people wrote to the reader comes first); `more` when the list was cut.
 */
export function composeDigest(
  notifications: Notification[],
  chats: DigestChat[],
  readerId: number,
  publicUrl: string,
  more: boolean,
): DigestBody {
  const blocks: MailBlock[] = [];
  const headlines: string[] = [];
  if (chats.length > 0) {
    const items: MailListItem[] = chats.slice(0, SECTION_LINES).map((chat) => {
      const where = chat.title ? ` in ${chat.title}` : '';
      const line = `${count(chat.unread, 'unread message')} from ${chat.senderName}${where}`;
      headlines.push(line);
      return { text: line, url: `${publicUrl}/messages/${chat.chatId}`, detail: chat.preview };
    });
    if (chats.length > SECTION_LINES) {
      items.push({
        text: `and ${chats.length - SECTION_LINES} more conversations`,
        url: `${publicUrl}/messages`,
      });
    }
    blocks.push({ kind: 'heading', text: 'Messages' }, { kind: 'list', items });
  }
  const placed = new Set<Notification>();
  // A status told about twice (asked to answer it, and mentioned in it) shows once, where
  // it comes first.
  const statuses = new Set<string>();
  let repeats = 0;
  for (const section of SECTIONS) {
    const held = notifications.filter((n) => !placed.has(n) && section.holds(n, readerId));
    for (const n of held) placed.add(n);
    const fresh = held.filter((n) => !n.status || !statuses.has(n.status.id));
    for (const n of fresh) if (n.status) statuses.add(n.status.id);
    repeats += held.length - fresh.length;
    if (fresh.length === 0) continue;
    const items: MailListItem[] = fresh.slice(0, SECTION_LINES).map((n) => {
      const told = describeNotification(n, readerId, publicUrl);
      headlines.push(told.line);
      return {
        text: told.line,
        url: told.url,
        ...(told.status
          ? { detail: statusExcerpt(told.status) }
          : told.detail
            ? { detail: told.detail }
            : {}),
      };
    });
    if (fresh.length > SECTION_LINES) {
      items.push({
        text: `and ${fresh.length - SECTION_LINES} more`,
        url: `${publicUrl}/notifications`,
      });
    }
    blocks.push({ kind: 'heading', text: section.title }, { kind: 'list', items });
  }

  const follows = notifications.filter((n) => n.type === 'follow');
  if (follows.length > 0) {
    const line = `${people(follows.map((n) => nameOf(n.account)))} followed you`;
    headlines.push(line);
    blocks.push(
      { kind: 'heading', text: 'New followers' },
      { kind: 'list', items: [{ text: line, url: `${publicUrl}/notifications` }] },
    );
  }

  const reactions = reactionsBlock(notifications, publicUrl);
  if (reactions) {
    headlines.push(reactions.summary);
    blocks.push(...reactions.blocks);
  }

  if (more) {
    blocks.push({
      kind: 'paragraph',
      text: 'There is more than fits in one email: see everything in your notifications.',
    });
  }
  blocks.push({
    kind: 'button',
    label: 'Open your notifications',
    url: `${publicUrl}/notifications`,
  });
  const [first = 'news for you'] = headlines;
  const rest = notifications.length + chats.length - repeats - 1;
  return { headline: rest > 0 ? `${first}, and ${rest} more` : first, blocks };
}

/** Favourites and boosts as counts, with the statuses that drew the most. */
function reactionsBlock(
  notifications: Notification[],
  publicUrl: string,
): { summary: string; blocks: MailBlock[] } | null {
  const reacted = notifications.filter((n) => n.type === 'favourite' || n.type === 'reblog');
  if (reacted.length === 0) return null;
  const byStatus = new Map<string, { n: Notification; favourites: number; boosts: number }>();
  for (const n of reacted) {
    const key = n.status?.id ?? n.id;
    const entry = byStatus.get(key) ?? { n, favourites: 0, boosts: 0 };
    if (n.type === 'favourite') entry.favourites += 1;
    else entry.boosts += 1;
    byStatus.set(key, entry);
  }
  const favourites = reacted.filter((n) => n.type === 'favourite').length;
  const boosts = reacted.length - favourites;
  const parts = [
    favourites > 0 ? count(favourites, 'favourite') : '',
    boosts > 0 ? count(boosts, 'boost') : '',
  ].filter(Boolean);
  const summary = `${parts.join(' and ')} of your statuses`;
  const top = [...byStatus.values()]
    .sort((a, b) => b.favourites + b.boosts - (a.favourites + a.boosts))
    .slice(0, REACTED_STATUSES);
  const items: MailListItem[] = top.map(({ n, favourites: f, boosts: b }) => ({
    text: [f > 0 ? count(f, 'favourite') : '', b > 0 ? count(b, 'boost') : '']
      .filter(Boolean)
      .join(', '),
    url: n.status?.url ?? `${publicUrl}/notifications`,
    ...(n.status ? { detail: statusExcerpt(n.status) } : {}),
  }));
  return {
    summary,
    blocks: [
      { kind: 'heading', text: 'Reactions' },
      { kind: 'paragraph', text: `${summary[0]?.toUpperCase()}${summary.slice(1)}.` },
      { kind: 'list', items },
    ],
  };
}
