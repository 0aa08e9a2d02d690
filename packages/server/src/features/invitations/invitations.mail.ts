import type { AppContext } from '../../context';
import { type MailBlock, renderMail } from '../../mail/mail.template';
import type { QueuedMail } from '../../mail/outbox';
import type { AccountRow } from '../accounts/accounts.queries';
import type { InvitationRow } from './invitations.queries';

const dateOf = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(ms);

/** The mail that carries an invitation bound to an address: who invites, their note, the link. */
export function invitationMail(
  ctx: AppContext,
  invitation: InvitationRow & { email: string },
  inviter: Pick<AccountRow, 'display_name' | 'username'> | undefined,
  link: string,
): QueuedMail {
  const who = inviter ? inviter.display_name.trim() || inviter.username : 'An administrator';
  const host = new URL(ctx.config.publicUrl).host;
  const as = invitation.role === 'guest' ? ' as a guest' : '';
  const blocks: MailBlock[] = [
    {
      kind: 'paragraph',
      text: `${who} invited you to join Rapport at ${host}${as}, where your colleagues post updates, ask and answer questions, and work together in communities.`,
    },
  ];
  if (invitation.note.trim()) blocks.push({ kind: 'quote', text: invitation.note, by: who });
  blocks.push({ kind: 'button', label: 'Accept the invitation', url: link });
  blocks.push({
    kind: 'paragraph',
    text:
      invitation.expires_at === null
        ? 'Open the link to create your account.'
        : `Open the link to create your account before ${dateOf(invitation.expires_at)}, when it expires.`,
  });
  const rendered = renderMail(
    {
      subject: `${who} invited you to join Rapport`,
      heading: `${who} invited you to Rapport`,
      blocks,
      footer: {
        reason: `You get this email because ${who} invited ${invitation.email} to Rapport at ${host}. If you did not expect it, you can ignore it.`,
      },
    },
    ctx.config.publicUrl,
  );
  return { ...rendered, to: invitation.email, headers: {}, kind: 'invitation', accountId: null };
}
