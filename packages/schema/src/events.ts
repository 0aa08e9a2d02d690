import { z } from 'zod';
import { Visibility } from './accounts';
import { RsvpStatus } from './calendar';
import { Id, Role } from './common';
import { CommunityPrivacy, CommunityRole, MembershipState } from './communities';
import { ModerationAction } from './moderation';

/** Who a status reaches, captured when it is written, so consumers need not re-read it. */
export const StatusAudience = z.object({
  status_id: Id,
  account_id: Id,
  visibility: Visibility,
  /** Set for boosts: the boosted status. */
  reblog_of_id: Id.nullable(),
  mentioned_ids: z.array(Id),
  /** Whose home feeds received it (its author's included). */
  home_ids: z.array(Id),
  tags: z.array(z.string()),
  /** Posted in a community: only those who may read the community's content see it. */
  community: z.object({ id: Id, privacy: CommunityPrivacy }).nullable(),
  /** Hidden by a moderator: its author alone still sees it. */
  hidden: z.boolean(),
});
export type StatusAudience = z.infer<typeof StatusAudience>;

/**
 * Domain events, emitted by services after their transaction commits. Streaming,
 * notifications, the interaction ledger and analytics consume them.
 */
export const DomainEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('account.created'), account_id: Id, invited_by_id: Id.nullable() }),
  z.object({ type: z.literal('account.updated'), account_id: Id }),
  z.object({ type: z.literal('account.role_changed'), account_id: Id, role: Role, by_id: Id }),
  z.object({ type: z.literal('account.suspended'), account_id: Id, by_id: Id.nullable() }),
  z.object({ type: z.literal('account.unsuspended'), account_id: Id, by_id: Id.nullable() }),
  z.object({ type: z.literal('invitation.created'), invitation_id: Id, by_id: Id }),
  z.object({ type: z.literal('invitation.revoked'), invitation_id: Id, by_id: Id }),
  z.object({ type: z.literal('status.created'), audience: StatusAudience }),
  z.object({ type: z.literal('status.updated'), audience: StatusAudience }),
  z.object({ type: z.literal('status.deleted'), audience: StatusAudience }),
  z.object({ type: z.literal('status.favourited'), status_id: Id, account_id: Id, by_id: Id }),
  z.object({ type: z.literal('notification.created'), notification_id: Id, account_id: Id }),
  /** A direct thread changed for one of its participants (a new status, read, removed). */
  z.object({
    type: z.enum(['conversation.updated', 'conversation.removed']),
    conversation_id: Id,
    account_id: Id,
  }),
  z.object({ type: z.literal('notification_preferences.updated'), account_id: Id }),
  /** Someone changed their own note, reminder or marks about another person. */
  z.object({ type: z.literal('relationship.updated'), account_id: Id, other_id: Id }),
  /** Someone turned relationship insights off (their derived data is gone) or on again. */
  z.object({
    type: z.literal('relationship.privacy_changed'),
    account_id: Id,
    enabled: z.boolean(),
  }),
  /** An introduction was asked for, forwarded, declined or accepted; `by_id` did it. */
  z.object({
    type: z.enum([
      'introduction.requested',
      'introduction.forwarded',
      'introduction.declined',
      'introduction.accepted',
    ]),
    introduction_id: Id,
    requester_id: Id,
    introducer_id: Id,
    target_id: Id,
    by_id: Id,
  }),
  /** History was imported into the interaction ledger (by an admin, or the CLI: null). */
  z.object({
    type: z.literal('interactions.imported'),
    by_id: Id.nullable(),
    imported: z.number(),
  }),
  /** A full recomputation of the relationship model finished. */
  z.object({ type: z.literal('relationships.recomputed'), people: z.number(), pairs: z.number() }),
  /** Someone invited people to an event or asked them to look at a page (`invitee_ids` newly told). */
  z.object({
    type: z.enum(['event.invited', 'page.invited']),
    subject_id: Id,
    by_id: Id,
    invitee_ids: z.array(Id),
  }),
  /** Mail was put in the outbox (delivery runs after commit, retried until it goes out). */
  z.object({ type: z.literal('mail.queued'), mail_ids: z.array(Id) }),
  /** A password reset link was mailed; `completed` when it set a new password. */
  z.object({ type: z.literal('password_reset.requested'), account_id: Id }),
  z.object({ type: z.literal('password_reset.completed'), account_id: Id }),
  /**
   * Notifications were read: the notifications marker moved to `marker_id` (null when it
   * stayed) and/or these notifications, newer than it, were opened one by one.
   */
  z.object({
    type: z.literal('notifications.read'),
    account_id: Id,
    marker_id: Id.nullable(),
    notification_ids: z.array(Id),
  }),
  /** Notifications were dismissed (a whole group at once from the v2 API). */
  z.object({
    type: z.literal('notifications.dismissed'),
    account_id: Id,
    notification_ids: z.array(Id),
  }),
  /**
   * A chat message was stored. `recipient_ids` are the other participants (streamed the
   * message); `notify_ids` are those of them who did not mute the conversation (told by
   * email or push when their preferences say so). `preview` is plain text for those.
   */
  z.object({
    type: z.literal('chat.message'),
    chat_id: Id,
    message_id: Id,
    sender_id: Id,
    recipient_ids: z.array(Id),
    notify_ids: z.array(Id),
    preview: z.string(),
  }),
  /** A participant read a conversation up to a message; every participant is told. */
  z.object({
    type: z.literal('chat.read'),
    chat_id: Id,
    account_id: Id,
    last_read_id: Id,
    participant_ids: z.array(Id),
  }),
  /** A conversation was started; `participant_ids` include its starter (`by_id`). */
  z.object({
    type: z.literal('chat.created'),
    chat_id: Id,
    by_id: Id,
    title: z.string(),
    participant_ids: z.array(Id),
  }),
  /** A participant renamed a group conversation; every participant is told. */
  z.object({
    type: z.literal('chat.updated'),
    chat_id: Id,
    by_id: Id,
    title: z.string(),
    participant_ids: z.array(Id),
  }),
  /** A participant muted or unmuted a conversation (for themselves only). */
  z.object({ type: z.literal('chat.muted'), chat_id: Id, account_id: Id, muted: z.boolean() }),
  /** A participant left; `participant_ids` are those still in it. */
  z.object({
    type: z.literal('chat.left'),
    chat_id: Id,
    account_id: Id,
    participant_ids: z.array(Id),
  }),
  /** Who may start a conversation with the person changed. */
  z.object({
    type: z.literal('message_policy.updated'),
    account_id: Id,
    policy: z.enum(['anyone', 'following', 'followers', 'nobody']),
  }),
  z.object({
    type: z.enum(['follow.created', 'follow.removed', 'block.created', 'block.removed']),
    account_id: Id,
    target_id: Id,
  }),
  z.object({ type: z.enum(['mute.created', 'mute.removed']), account_id: Id, target_id: Id }),
  z.object({
    type: z.literal('report.created'),
    report_id: Id,
    by_id: Id,
    community_id: Id.nullable(),
  }),
  z.object({
    type: z.literal('report.resolved'),
    report_id: Id,
    action: ModerationAction,
    by_id: Id,
  }),
  z.object({ type: z.literal('community.created'), community_id: Id, by_id: Id }),
  z.object({ type: z.literal('community.updated'), community_id: Id, by_id: Id }),
  z.object({ type: z.literal('community.deleted'), community_id: Id, by_id: Id }),
  /** Someone's place in a community changed: joined, asked, was invited, left, was removed. */
  z.object({
    type: z.literal('community.membership_changed'),
    community_id: Id,
    account_id: Id,
    state: MembershipState.nullable(),
    role: CommunityRole.nullable(),
    by_id: Id,
  }),
  /** A question was posted (its status.created also went out); answers come as replies. */
  z.object({
    type: z.literal('question.asked'),
    question_id: Id,
    account_id: Id,
    community_id: Id.nullable(),
  }),
  /** An answer was posted; `first` when it is the question's first (time to first response). */
  z.object({
    type: z.literal('question.answered'),
    question_id: Id,
    answer_id: Id,
    account_id: Id,
    first: z.boolean(),
  }),
  /** `previous_answer_id`: the answer the acceptance moved from, if any. */
  z.object({
    type: z.literal('question.answer_accepted'),
    question_id: Id,
    answer_id: Id,
    previous_answer_id: Id.nullable(),
    by_id: Id,
  }),
  z.object({
    type: z.literal('question.answer_unaccepted'),
    question_id: Id,
    answer_id: Id,
    by_id: Id,
  }),
  z.object({
    type: z.enum(['answer.voted', 'answer.unvoted']),
    answer_id: Id,
    question_id: Id,
    account_id: Id,
  }),
  /** The asker (or a moderator) asked people likely to know to answer. */
  z.object({
    type: z.literal('question.answerers_notified'),
    question_id: Id,
    account_ids: z.array(Id),
    by_id: Id,
  }),
  /** A knowledge page was written, saved as a new revision, or deleted. */
  z.object({
    type: z.enum(['page.created', 'page.updated']),
    page_id: Id,
    community_id: Id.nullable(),
    revision: z.number().int(),
    by_id: Id,
  }),
  z.object({
    type: z.literal('page.deleted'),
    page_id: Id,
    community_id: Id.nullable(),
    by_id: Id,
  }),
  /** Events (gatherings): `rescheduled` when the time or place changed. */
  z.object({
    type: z.literal('event.created'),
    event_id: Id,
    community_id: Id.nullable(),
    by_id: Id,
  }),
  z.object({
    type: z.literal('event.updated'),
    event_id: Id,
    community_id: Id.nullable(),
    by_id: Id,
    rescheduled: z.boolean(),
    cancelled: z.boolean(),
  }),
  z.object({
    type: z.literal('event.deleted'),
    event_id: Id,
    community_id: Id.nullable(),
    by_id: Id,
  }),
  z.object({
    type: z.literal('event.rsvp_changed'),
    event_id: Id,
    account_id: Id,
    status: RsvpStatus,
  }),
  /** A community file was uploaded, got a new version (`version` > 1), or was deleted. */
  z.object({ type: z.literal('file.created'), file_id: Id, community_id: Id, by_id: Id }),
  z.object({
    type: z.literal('file.version_added'),
    file_id: Id,
    community_id: Id,
    version: z.number().int(),
    by_id: Id,
  }),
  z.object({ type: z.literal('file.deleted'), file_id: Id, community_id: Id, by_id: Id }),
  /** The organisation or a community set its response target (`scope`: organisation | community:ID). */
  z.object({ type: z.literal('analytics.target_updated'), scope: z.string(), by_id: Id }),
]);
export type DomainEvent = z.infer<typeof DomainEvent>;
export type DomainEventType = DomainEvent['type'];
