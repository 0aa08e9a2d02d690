import { z } from 'zod';
import { Id, Role } from './common';

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
]);
export type DomainEvent = z.infer<typeof DomainEvent>;
export type DomainEventType = DomainEvent['type'];
