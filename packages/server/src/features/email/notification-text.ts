import type { Notification, PreferenceType, Status } from '@rapport/schema';
import { excerpt, htmlToText } from '../../mail/mail.template';

/** What a notification says in a mail, from the reader's side. */
export interface Told {
  /** One sentence: "Ana mentioned you in Design". */
  line: string;
  /** Where to read it in the web app. */
  url: string;
  /** The button under it in an immediate email. */
  action: string;
  /** The status it is about (left out behind a content warning), or a short detail. */
  status: Status | null;
  detail: string | null;
}

/** How the notification settings name each type ("you chose email for ..."). */
const TYPE_LABELS: Partial<Record<PreferenceType, string>> = {
  mention: 'mentions and replies',
  status: 'new statuses of people you follow closely',
  reblog: 'boosts of your statuses',
  favourite: 'favourites of your statuses',
  follow: 'new followers',
  poll: 'ended polls',
  update: 'edits of statuses you boosted',
  'admin.report': 'reports to handle',
  moderation_warning: 'moderation decisions',
  community_invitation: 'community invitations',
  community_request: 'requests to join your communities',
  community_approved: 'accepted requests to join a community',
  question_suggested: 'questions put to you',
  answer_accepted: 'accepted answers',
  event_changed: 'changed events',
  event_cancelled: 'cancelled events',
  introduction_requested: 'introductions asked of you',
  introduction_forwarded: 'introductions passed on',
  introduction_accepted: 'accepted introductions',
  introduction_declined: 'declined introductions',
  event_invitation: 'invitations to events',
  page_invitation: 'pages shared with you',
  chat_message: 'chat messages',
};

export function typeLabel(type: PreferenceType): string {
  return TYPE_LABELS[type] ?? type.replace(/[._]/g, ' ');
}

export const nameOf = (account: { display_name: string; username: string }) =>
  account.display_name.trim() || account.username;

/** An answer to one of the reader's questions (a mention, as replies are in Mastodon). */
export function isAnswerTo(status: Status | null | undefined, readerId: number): boolean {
  return !!status?.answer && status.in_reply_to_account_id === String(readerId);
}

/**
 * The status as one line of plain text, or its content warning. A reply's leading
 * "@ana @bo" is left out: in a list of what was said to you, it is noise.
 */
export function statusExcerpt(status: Status, length = 140): string {
  if (status.spoiler_text) return `Content warning: ${excerpt(status.spoiler_text, length)}`;
  const text = htmlToText(status.content);
  const said = text.replace(/^(?:@[\w.-]+(?:@[\w.-]+)?\s+)+/, '');
  return excerpt(said || text, length);
}

export function describeNotification(n: Notification, readerId: number, publicUrl: string): Told {
  const name = nameOf(n.account);
  const status = n.status ?? null;
  const where = status?.community ? ` in ${status.community.name}` : '';
  const title = n.subject?.title ?? '';
  const statusUrl = status?.url ?? `${publicUrl}/notifications`;
  const subjectUrl = n.subject?.url ?? `${publicUrl}/notifications`;
  const about = (line: string, action = 'See the status'): Told => ({
    line,
    url: statusUrl,
    action,
    status,
    detail: null,
  });
  const subject = (line: string, action: string, detail: string | null = null): Told => ({
    line,
    url: subjectUrl,
    action,
    status: null,
    detail,
  });
  switch (n.type) {
    case 'mention':
      if (isAnswerTo(status, readerId))
        return about(`${name} answered your question${where}`, 'Read the answer');
      if (status?.in_reply_to_account_id === String(readerId))
        return about(`${name} replied to you${where}`, 'Reply');
      return about(`${name} mentioned you${where}`, 'Reply');
    case 'status':
      return about(`${name} posted${where}`);
    case 'reblog':
      return about(`${name} boosted your status`);
    case 'favourite':
      return about(`${name} favourited your status`);
    case 'update':
      return about(`${name} edited a status you boosted`);
    case 'poll':
      return about(
        status?.account.id === String(readerId)
          ? 'Your poll has ended'
          : `A poll by ${status ? nameOf(status.account) : name} has ended`,
        'See the results',
      );
    case 'follow':
      return {
        line: `${name} followed you`,
        url: `${publicUrl}/@${n.account.username}`,
        action: 'See their profile',
        status: null,
        detail: null,
      };
    case 'question_suggested':
      return about(`${name} asked you to answer a question${where}`, 'Answer the question');
    case 'answer_accepted':
      return about(`${name} accepted your answer${where}`, 'See the question');
    case 'community_invitation':
      return subject(`${name} invited you to the ${title} community`, 'See the invitation');
    case 'community_request':
      return subject(`${name} asked to join ${title}`, 'Review the request');
    case 'community_approved':
      return subject(`${name} accepted your request to join ${title}`, 'Open the community');
    case 'event_changed':
      return subject(`${name} changed the time or place of “${title}”`, 'See the event');
    case 'event_cancelled':
      return subject(`${name} cancelled “${title}”`, 'See the event');
    case 'introduction_requested':
      return subject(`${name} asked you for an introduction`, 'See the request', title);
    case 'introduction_forwarded':
      return subject(`${name} passed on an introduction`, 'See the introduction', title);
    case 'introduction_accepted':
      return subject(`${name} accepted an introduction`, 'See your introductions', title);
    case 'introduction_declined':
      return subject(`${name} declined an introduction`, 'See your introductions', title);
    case 'event_invitation':
      return subject(`${name} invited you to an event`, 'See the event', title);
    case 'page_invitation':
      return subject(`${name} asked you to look at a page`, 'Open the page', title);
    case 'admin.report':
      return subject(`${name} reported ${title}`, 'Open the report');
    case 'moderation_warning':
      return subject('A moderator acted on your content', 'Read the notice', title);
    default:
      return status
        ? about(`${name} notified you${where}`)
        : subject(`${name} notified you`, 'Open');
  }
}
