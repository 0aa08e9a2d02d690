import type { AppContext } from '../../context';
import { HttpError, validationFailed } from '../../errors';
import { hashPassword } from '../../lib/passwords';
import type { AccountRow } from '../accounts/accounts.queries';
import { createAccount } from '../accounts/accounts.service';
import { claimInvitationUse } from '../invitations/invitations.queries';
import { invalidInvitation, usableInvitation } from '../invitations/invitations.service';

export interface SignUp {
  username: string;
  email: string;
  password: string;
  display_name?: string | undefined;
  invite_code?: string | undefined;
  locale?: string | undefined;
}

/**
 * Sign-up under the server's registration mode: `open` lets anyone in (an invitation still
 * sets the role), `invite` needs a valid invitation, `closed` lets nobody in. An invitation
 * bound to an email address only works for that address.
 */
export async function signUp(ctx: AppContext, input: SignUp): Promise<AccountRow> {
  const mode = ctx.config.registrations;
  if (mode === 'closed') {
    throw new HttpError(403, 'registrations_closed', 'Registrations are closed on this server');
  }
  const code = input.invite_code?.trim() || undefined;
  if (mode === 'invite' && !code) {
    throw new HttpError(
      403,
      'registrations_closed',
      'Joining this server needs an invitation link',
    );
  }
  // Hashed before the transaction: on SQLite a transaction holds the only connection, and
  // argon2 inside it would stall every other request.
  const passwordHash = await hashPassword(input.password);
  const account = await ctx.db.transaction().execute(async (trx) => {
    const invitation = code ? await usableInvitation(trx, code) : undefined;
    if (invitation?.email && invitation.email.toLowerCase() !== input.email.trim().toLowerCase()) {
      throw validationFailed({ email: ['does not match the address this invitation was sent to'] });
    }
    const created = await createAccount(trx, {
      username: input.username,
      email: input.email,
      password: input.password,
      passwordHash,
      displayName: input.display_name,
      locale: input.locale,
      role: invitation?.role ?? 'member',
      invitedById: invitation?.created_by_id ?? null,
      invitationId: invitation?.id ?? null,
    });
    if (invitation && !(await claimInvitationUse(trx, invitation.id, Date.now())))
      throw invalidInvitation();
    return created;
  });
  ctx.events.emit({
    type: 'account.created',
    account_id: String(account.id),
    invited_by_id: account.invited_by_id === null ? null : String(account.invited_by_id),
  });
  return account;
}
