import type { AppContext } from '../../context';
import { newId } from '../../db/ids';
import { HttpError } from '../../errors';
import { hashPassword } from '../../lib/passwords';
import { DAY_MS } from '../../lib/time';
import { hashToken, randomToken } from '../../lib/tokens';
import { renderMail } from '../../mail/mail.template';
import { announceMail, type QueuedMail, queueMail } from '../../mail/outbox';
import {
  type AccountRow,
  findAccountById,
  findAccountByLogin,
  updateAccount,
} from '../accounts/accounts.queries';
import { revokeAccountTokens } from '../oauth/tokens.queries';
import {
  consumePasswordReset,
  countPasswordResetsSince,
  deletePasswordResetsBefore,
  findPasswordReset,
  insertPasswordReset,
  retirePasswordResets,
} from './password-reset.queries';

const LINK_TTL_MS = 60 * 60_000;
/** Links one address is sent per hour, whoever asks: a mailbox is not to be flooded. */
const LINKS_PER_HOUR = 3;

/** The same words whether or not an account uses the address. */
export const FORGOT_ANSWER = {
  message:
    'If an account uses this address, we have sent it a link to choose a new password. The link works for one hour.',
};

/**
 * Mails a single-use link to the account with this address, if there is one that may sign
 * in. The caller answers the same either way; nothing here says which it was.
 */
export async function requestPasswordReset(
  ctx: AppContext,
  email: string,
  now = Date.now(),
): Promise<void> {
  const account = await findAccountByLogin(ctx.db, email);
  if (!account || account.suspended === 1) return;
  if ((await countPasswordResetsSince(ctx.db, account.id, now - LINK_TTL_MS)) >= LINKS_PER_HOUR) {
    ctx.log.info({ account_id: account.id }, 'password reset not sent: hourly limit reached');
    return;
  }
  const token = randomToken();
  const mailIds = await ctx.db.transaction().execute(async (trx) => {
    await deletePasswordResetsBefore(trx, account.id, now - DAY_MS);
    await insertPasswordReset(trx, {
      id: newId(),
      account_id: account.id,
      token_hash: hashToken(token),
      expires_at: now + LINK_TTL_MS,
      used_at: null,
      created_at: now,
    });
    return queueMail(trx, [resetMail(ctx, account, token)], now);
  });
  announceMail(ctx, mailIds);
  ctx.events.emit({ type: 'password_reset.requested', account_id: String(account.id) });
}

function resetMail(ctx: AppContext, account: AccountRow, token: string): QueuedMail {
  const url = `${ctx.config.publicUrl}/reset-password?token=${token}`;
  const rendered = renderMail(
    {
      subject: 'Reset your Rapport password',
      heading: 'Choose a new password',
      blocks: [
        {
          kind: 'paragraph',
          text: `Someone, hopefully you, asked to reset the password of the Rapport account @${account.username}.`,
        },
        { kind: 'button', label: 'Choose a new password', url },
        {
          kind: 'paragraph',
          text: 'The link works once, for one hour. After that, ask for a new one on the sign-in page.',
        },
        {
          kind: 'paragraph',
          text: 'If you did not ask for this, ignore this email: your password stays as it is.',
        },
      ],
      footer: {
        reason: `You get this email because a new password was asked for the account that uses ${account.email}.`,
      },
    },
    ctx.config.publicUrl,
  );
  return {
    ...rendered,
    to: account.email,
    headers: {},
    kind: 'password_reset',
    accountId: account.id,
  };
}

const invalidLink = (why: string) =>
  new HttpError(400, 'invalid_reset_token', `${why} Ask for a new link on the sign-in page.`);

/**
 * Sets the password from a reset link: the link is used up (once, even when two tries race),
 * every other link retired, and every session and token of the account revoked, so the
 * person (and anyone who had their password) signs in again.
 */
export async function resetPassword(
  ctx: AppContext,
  token: string,
  password: string,
  now = Date.now(),
): Promise<void> {
  const tokenHash = hashToken(token);
  const link = await findPasswordReset(ctx.db, tokenHash);
  if (!link) throw invalidLink('This password reset link is not valid.');
  if (link.used_at !== null) throw invalidLink('This password reset link was already used.');
  if (link.expires_at <= now)
    throw invalidLink('This password reset link has expired: links work for one hour.');
  const account = await findAccountById(ctx.db, link.account_id);
  if (!account || account.suspended === 1)
    throw invalidLink('This password reset link is not valid.');
  // Hashed before the transaction: argon2 inside it would hold SQLite's only connection.
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await consumePasswordReset(trx, tokenHash, now)))
      throw invalidLink('This password reset link was already used.');
    await updateAccount(trx, account.id, { password_hash: passwordHash, updated_at: now });
    await retirePasswordResets(trx, account.id, now);
    await revokeAccountTokens(trx, account.id);
  });
  ctx.events.emit({ type: 'password_reset.completed', account_id: String(account.id) });
}
