import type { Invitation, InvitationPreview, InvitationState, Role } from '@rapport/schema';
import type { AppContext } from '../../context';
import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import { HttpError, notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { DAY_MS, toIso, toIsoOrNull } from '../../lib/time';
import { readableCode } from '../../lib/tokens';
import { announceMail, queueMail } from '../../mail/outbox';
import { presentAccountRef } from '../accounts/accounts.presenter';
import { type AccountRow, findAccountById } from '../accounts/accounts.queries';
import { invitationMail } from './invitations.mail';
import {
  findInvitationByCode,
  findInvitationById,
  type InvitationRow,
  insertInvitation,
  revokeInvitationRow,
} from './invitations.queries';

export function invitationState(row: InvitationRow, now: number): InvitationState {
  if (row.revoked_at !== null) return 'revoked';
  if (row.expires_at !== null && row.expires_at <= now) return 'expired';
  if (row.max_uses !== null && row.uses >= row.max_uses) return 'used_up';
  return 'active';
}

export function invitationUrl(ctx: AppContext, code: string): string {
  return `${ctx.config.publicUrl}/invite/${code}`;
}

export function presentInvitation(
  ctx: AppContext,
  row: InvitationRow,
  creator: Pick<AccountRow, 'id' | 'username' | 'display_name'> | undefined,
): Invitation {
  return {
    id: String(row.id),
    code: row.code,
    url: invitationUrl(ctx, row.code),
    role: row.role,
    email: row.email,
    note: row.note,
    max_uses: row.max_uses,
    uses: row.uses,
    expires_at: toIsoOrNull(row.expires_at),
    revoked_at: toIsoOrNull(row.revoked_at),
    created_at: toIso(row.created_at),
    created_by: presentAccountRef(creator),
    state: invitationState(row, Date.now()),
  };
}

export async function createInvitation(
  ctx: AppContext,
  viewer: Viewer,
  input: {
    role: Role;
    email?: string | undefined;
    note: string;
    max_uses: number | null;
    expires_in_days: number | null;
  },
): Promise<InvitationRow> {
  const now = Date.now();
  const row: InvitationRow = {
    id: newId(),
    code: readableCode(),
    created_by_id: viewer.id,
    role: input.role,
    email: input.email ? input.email.trim() : null,
    note: input.note,
    max_uses: input.max_uses,
    uses: 0,
    expires_at: input.expires_in_days === null ? null : now + input.expires_in_days * DAY_MS,
    revoked_at: null,
    created_at: now,
  };
  // The mail is queued with the invitation: an invitation saved is an invitation mailed.
  const mailIds = await ctx.db.transaction().execute(async (trx) => {
    await insertInvitation(trx, row);
    if (row.email === null) return [];
    const inviter = await findAccountById(trx, viewer.id);
    return queueMail(
      trx,
      [invitationMail(ctx, { ...row, email: row.email }, inviter, invitationUrl(ctx, row.code))],
      now,
    );
  });
  ctx.events.emit({
    type: 'invitation.created',
    invitation_id: String(row.id),
    by_id: String(viewer.id),
  });
  announceMail(ctx, mailIds);
  return row;
}

export async function revokeInvitation(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<InvitationRow> {
  const row = await findInvitationById(ctx.db, id);
  if (!row) throw notFound('Invitation');
  if (row.revoked_at === null) {
    await revokeInvitationRow(ctx.db, id, Date.now());
    ctx.events.emit({
      type: 'invitation.revoked',
      invitation_id: String(id),
      by_id: String(viewer.id),
    });
  }
  return (await findInvitationById(ctx.db, id)) ?? row;
}

export const invalidInvitation = () =>
  new HttpError(
    404,
    'invalid_invitation',
    'This invitation link is not valid: it is unknown, expired, revoked or already used',
  );

/** An invitation someone may still accept, or a 404 that does not say which check failed. */
export async function usableInvitation(db: Db, code: string): Promise<InvitationRow> {
  const row = await findInvitationByCode(db, code.trim());
  if (!row || invitationState(row, Date.now()) !== 'active') throw invalidInvitation();
  return row;
}

export async function previewInvitation(ctx: AppContext, code: string): Promise<InvitationPreview> {
  if (ctx.config.registrations === 'closed') throw invalidInvitation();
  const row = await usableInvitation(ctx.db, code);
  const inviter =
    row.created_by_id === null ? undefined : await findAccountById(ctx.db, row.created_by_id);
  return {
    role: row.role,
    email: row.email,
    invited_by: inviter ? inviter.display_name || inviter.username : null,
    expires_at: toIsoOrNull(row.expires_at),
  };
}
