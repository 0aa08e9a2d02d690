import { z } from 'zod';
import { Id } from './common';

/** At most this many people in one invitation: an invite is personal, not a mailing. */
export const MAX_INVITEES = 20;
export const MAX_INVITE_NOTE = 500;

/**
 * `POST /api/rapport/v1/events/:id/invitations` and `/pages/:id/invitations`: ask people
 * to come to an event, or to look at (and help with) a page, with an optional note.
 */
export const InviteInput = z.object({
  account_ids: z
    .array(Id)
    .min(1, 'choose someone to invite')
    .max(MAX_INVITEES, `invite at most ${MAX_INVITEES} people at once`),
  note: z.string().trim().max(MAX_INVITE_NOTE).optional(),
});
export type InviteInput = z.infer<typeof InviteInput>;

/** Who was newly told; people already invited by the same person are `already_invited`. */
export const InviteResult = z.object({
  invited: z.array(Id),
  already_invited: z.array(Id),
});
export type InviteResult = z.infer<typeof InviteResult>;
