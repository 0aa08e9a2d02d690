import { z } from 'zod';
import { Visibility } from './accounts';
import { Id, Role } from './common';
import { CommunityPrivacy, CommunityRole, MembershipState } from './communities';

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
  z.object({
    type: z.enum(['follow.created', 'follow.removed', 'block.created', 'block.removed']),
    account_id: Id,
    target_id: Id,
  }),
  z.object({ type: z.enum(['mute.created', 'mute.removed']), account_id: Id, target_id: Id }),
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
]);
export type DomainEvent = z.infer<typeof DomainEvent>;
export type DomainEventType = DomainEvent['type'];
