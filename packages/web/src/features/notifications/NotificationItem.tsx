import type { Notification, Status } from '@rapport/schema';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import {
  AtIcon,
  BellIcon,
  BoostIcon,
  CheckIcon,
  CloseIcon,
  CommunitiesIcon,
  PollIcon,
  ReplyIcon,
  ShieldIcon,
  StarIcon,
  UserPlusIcon,
} from '../../components/icons';
import { RelativeTime } from '../../components/RelativeTime';
import { RichText } from '../../components/RichText';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/I18nProvider';
import { CalendarIcon } from '../events/icons';
import { IntroductionIcon } from '../introductions/icons';
import { FlagIcon } from '../moderation/icons';
import { isModerationNotification, ModerationSubject } from '../moderation/ModerationSubject';
import { AcceptedIcon, QuestionIcon } from '../questions/question-icons';
import { AccountRow } from '../social/AccountRow';
import { PollView } from '../statuses/PollView';
import { StatusCard } from '../statuses/StatusCard';
import { profilePath, threadPath } from '../statuses/status-paths';

export type NotificationKind =
  | 'mention'
  | 'reply'
  | 'status'
  | 'favourite'
  | 'reblog'
  | 'follow'
  | 'poll'
  | 'pollOwn'
  | 'update'
  | 'communityInvitation'
  | 'communityRequest'
  | 'communityApproved'
  | 'question_suggested'
  | 'answer_accepted'
  | 'eventChanged'
  | 'eventCancelled'
  | 'introductionRequested'
  | 'introductionForwarded'
  | 'introductionAccepted'
  | 'introductionDeclined'
  | 'eventInvitation'
  | 'pageInvitation'
  | 'report'
  | 'moderationWarning'
  | 'other';

/** A reply arrives as a mention of its author; the app tells the two apart. */
export function notificationKind(notification: Notification, viewerId: string): NotificationKind {
  switch (notification.type) {
    case 'mention':
      return notification.status?.in_reply_to_account_id === viewerId ? 'reply' : 'mention';
    case 'poll':
      return notification.account.id === viewerId ? 'pollOwn' : 'poll';
    case 'status':
    case 'favourite':
    case 'reblog':
    case 'follow':
    case 'update':
    case 'question_suggested':
    case 'answer_accepted':
      return notification.type;
    case 'community_invitation':
      return 'communityInvitation';
    case 'community_request':
      return 'communityRequest';
    case 'community_approved':
      return 'communityApproved';
    case 'event_changed':
      return 'eventChanged';
    case 'event_cancelled':
      return 'eventCancelled';
    case 'introduction_requested':
      return 'introductionRequested';
    case 'introduction_forwarded':
      return 'introductionForwarded';
    case 'introduction_accepted':
      return 'introductionAccepted';
    case 'introduction_declined':
      return 'introductionDeclined';
    case 'event_invitation':
      return 'eventInvitation';
    case 'page_invitation':
      return 'pageInvitation';
    case 'admin.report':
      return 'report';
    case 'moderation_warning':
      return 'moderationWarning';
    default:
      return 'other';
  }
}

const TEXT: Record<NotificationKind, MessageKey> = {
  mention: 'notifications.mention',
  reply: 'notifications.reply',
  status: 'notifications.status',
  favourite: 'notifications.favourite',
  reblog: 'notifications.reblog',
  follow: 'notifications.follow',
  poll: 'notifications.poll',
  pollOwn: 'notifications.pollOwn',
  update: 'notifications.update',
  communityInvitation: 'communities.notification.invitation',
  communityRequest: 'communities.notification.request',
  communityApproved: 'communities.notification.approved',
  question_suggested: 'notifications.questionSuggested',
  answer_accepted: 'notifications.answerAccepted',
  eventChanged: 'events.notification.changed',
  eventCancelled: 'events.notification.cancelled',
  introductionRequested: 'introductions.notification.requested',
  introductionForwarded: 'introductions.notification.forwarded',
  introductionAccepted: 'introductions.notification.accepted',
  introductionDeclined: 'introductions.notification.declined',
  eventInvitation: 'network.notification.eventInvitation',
  pageInvitation: 'network.notification.pageInvitation',
  report: 'moderation.notification.report',
  moderationWarning: 'moderation.notification.warning',
  other: 'notifications.other',
};

export const ICONS: Record<
  NotificationKind,
  (props: { size?: number; filled?: boolean }) => ReactNode
> = {
  mention: AtIcon,
  reply: ReplyIcon,
  status: BellIcon,
  favourite: StarIcon,
  reblog: BoostIcon,
  follow: UserPlusIcon,
  poll: PollIcon,
  pollOwn: PollIcon,
  update: BellIcon,
  communityInvitation: CommunitiesIcon,
  communityRequest: UserPlusIcon,
  communityApproved: CheckIcon,
  question_suggested: QuestionIcon,
  answer_accepted: AcceptedIcon,
  eventChanged: CalendarIcon,
  eventCancelled: CalendarIcon,
  introductionRequested: IntroductionIcon,
  introductionForwarded: IntroductionIcon,
  introductionAccepted: IntroductionIcon,
  introductionDeclined: IntroductionIcon,
  eventInvitation: CalendarIcon,
  pageInvitation: BellIcon,
  report: FlagIcon,
  moderationWarning: ShieldIcon,
  other: BellIcon,
};

/** The status a notification is about, shortened: the reader follows the link for the rest. */
export function StatusPreview({ status, viewerId }: { status: Status; viewerId: string }) {
  const t = useT();
  return (
    <div className="notification-preview">
      {status.spoiler_text ? (
        <p className="muted">{t('notifications.spoiler', { text: status.spoiler_text })}</p>
      ) : (
        <RichText
          className="notification-preview-text rich-text"
          html={status.content}
          mentions={status.mentions}
        />
      )}
      {status.poll && (
        <PollView poll={status.poll} statusId={status.id} own={status.account.id === viewerId} />
      )}
      <Link to={threadPath(status)} className="small">
        {t('notifications.openStatus')}
      </Link>
    </div>
  );
}

export function NotificationItem({
  notification,
  viewerId,
  onDismiss,
  dismissing,
}: {
  notification: Notification;
  viewerId: string;
  onDismiss: () => void;
  dismissing: boolean;
}) {
  const t = useT();
  const kind = notificationKind(notification, viewerId);
  const Icon = ICONS[kind];
  const account = notification.account;
  const name = account.display_name || account.username;
  const status = notification.status ?? null;
  const fullStatus =
    kind === 'mention' || kind === 'reply' || kind === 'status' || kind === 'question_suggested';
  const [before, after] = t(TEXT[kind] as 'notifications.mention', { name: '\u0000' }).split(
    '\u0000',
  );

  return (
    <article
      className={`notification notification-${kind}`}
      data-notification-id={notification.id}
      tabIndex={-1}
      aria-label={t(TEXT[kind] as 'notifications.mention', { name })}
    >
      <div className="notification-header">
        <span className={`notification-icon notification-icon-${kind}`}>
          <Icon size={18} filled={kind === 'favourite'} />
        </span>
        <p className="notification-text">
          {before}
          {after !== undefined && (
            <Link to={profilePath(account)} className="notification-name">
              {name}
            </Link>
          )}
          {after}
          <span className="notification-time muted small">
            {' · '}
            <RelativeTime iso={notification.created_at} />
          </span>
        </p>
        <DismissButton
          label={t('notifications.dismiss')}
          onClick={onDismiss}
          disabled={dismissing}
        />
      </div>
      {kind === 'follow' && <AccountRow account={account} />}
      {status && fullStatus && <StatusCard status={status} />}
      {status && !fullStatus && <StatusPreview status={status} viewerId={viewerId} />}
      {notification.subject && isModerationNotification(notification) && (
        <ModerationSubject notification={notification} />
      )}
      {notification.subject && !isModerationNotification(notification) && (
        <div className="notification-preview">
          <Link to={new URL(notification.subject.url).pathname} className="notification-subject">
            {notification.subject.title}
          </Link>
        </div>
      )}
    </article>
  );
}

/** The cross that removes a notification (or a whole group) from the list. */
export function DismissButton({
  label,
  onClick,
  disabled,
}: {
  label: string;
  onClick: () => void;
  disabled: boolean;
}) {
  return (
    <button
      type="button"
      className="button button-ghost icon-button notification-dismiss"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
    >
      <CloseIcon size={18} />
    </button>
  );
}
