import type { Session } from '@rapport/schema';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import { HttpError } from '../../errors';
import { csrfTokenFor, SESSION_COOKIE, type Viewer } from '../../http/auth';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import { DAY_MS } from '../../lib/time';
import { hashToken } from '../../lib/tokens';
import { presentCredentialAccount } from '../accounts/accounts.presenter';
import {
  type AccountRow,
  findAccountById,
  findAccountByLogin,
  updateAccount,
} from '../accounts/accounts.queries';
import { webApplicationId } from '../oauth/oauth.queries';
import { issueAccessToken } from '../oauth/oauth.service';
import { SESSION_SCOPES } from '../oauth/scopes';
import { revokeAccountTokens } from '../oauth/tokens.queries';

const SESSION_TTL_MS = 90 * DAY_MS;

/** Checks a sign-in; the same answer for an unknown login and a wrong password. */
export async function authenticate(
  ctx: AppContext,
  login: string,
  password: string,
): Promise<AccountRow> {
  const account = await findAccountByLogin(ctx.db, login);
  const valid = await verifyPassword(account?.password_hash, password);
  if (!account || !valid)
    throw new HttpError(401, 'invalid_credentials', 'Invalid email, username or password');
  if (account.suspended === 1)
    throw new HttpError(403, 'account_suspended', 'This account is suspended');
  return account;
}

/** Opens a web session (inside the caller's transaction when `db` is one). */
export async function startSession(
  db: Db,
  account: AccountRow,
  userAgent: string,
): Promise<{ token: string; tokenHash: string }> {
  const issued = await issueAccessToken(db, {
    applicationId: await webApplicationId(db),
    accountId: account.id,
    scopes: SESSION_SCOPES,
    kind: 'session',
    expiresAt: Date.now() + SESSION_TTL_MS,
    userAgent,
  });
  await updateAccount(db, account.id, { last_sign_in_at: Date.now() });
  return { token: issued.token, tokenHash: hashToken(issued.token) };
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl.startsWith('https:'),
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export async function presentSession(
  ctx: AppContext,
  accountId: number,
  tokenHash: string,
): Promise<Session> {
  const row = await findAccountById(ctx.db, accountId);
  if (!row) throw new HttpError(401, 'unauthorized', 'The access token is invalid');
  return {
    account: presentCredentialAccount(ctx, row),
    csrf_token: csrfTokenFor(ctx.secretKey, tokenHash),
  };
}

/** Changes the password and signs the person out everywhere else. */
export async function changePassword(
  ctx: AppContext,
  viewer: Viewer,
  currentTokenId: number,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const account = await findAccountById(ctx.db, viewer.id);
  if (!account || !(await verifyPassword(account.password_hash, currentPassword))) {
    throw new HttpError(
      422,
      'validation_failed',
      'Validation failed: Current password is incorrect',
      {
        current_password: ['is incorrect'],
      },
    );
  }
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await updateAccount(trx, viewer.id, { password_hash: passwordHash, updated_at: Date.now() });
    await revokeAccountTokens(trx, viewer.id, currentTokenId);
  });
}
