import { Email, Password, Username } from '@rapport/schema';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { findAccountByLogin, updateAccount } from '../features/accounts/accounts.queries';
import { createAccount } from '../features/accounts/accounts.service';
import { revokeAccountTokens } from '../features/oauth/tokens.queries';
import { hashPassword } from '../lib/passwords';
import { randomToken } from '../lib/tokens';

function check<T>(
  label: string,
  schema: {
    safeParse(v: unknown): {
      success: boolean;
      data?: T;
      error?: { issues: Array<{ message: string }> };
    };
  },
  value: unknown,
): T {
  if (value === undefined) throw new Error(`${label} is required`);
  const result = schema.safeParse(value);
  if (!result.success)
    throw new Error(`${label} ${result.error?.issues[0]?.message ?? 'is invalid'}`);
  return result.data as T;
}

/** A password people can type: 4 groups of random letters and digits. */
function generatedPassword(): string {
  return randomToken(18).replace(/[-_]/g, 'x').match(/.{6}/g)?.join('-') ?? randomToken(18);
}

export async function createUser(
  ctx: AppContext,
  options: {
    username?: string;
    email?: string;
    password?: string;
    admin?: boolean;
    role?: string;
    name?: string;
  },
): Promise<string> {
  const username = check<string>('--username', Username, options.username);
  const email = check<string>('--email', Email, options.email);
  const password = options.password ?? generatedPassword();
  check('--password', Password, password);
  const role = options.admin ? 'admin' : (options.role ?? 'member');
  if (role !== 'admin' && role !== 'member' && role !== 'guest')
    throw new Error('--role must be admin, member or guest');
  try {
    const account = await createAccount(ctx.db, {
      username,
      email,
      password,
      role,
      displayName: options.name,
    });
    ctx.events.emit({
      type: 'account.created',
      account_id: String(account.id),
      invited_by_id: null,
    });
  } catch (error) {
    if (error instanceof HttpError) throw new Error(error.message);
    throw error;
  }
  return [
    `Created ${role} @${username} <${email}>.`,
    options.password ? '' : `Password: ${password}`,
  ]
    .filter(Boolean)
    .join('\n');
}

export async function resetPassword(
  ctx: AppContext,
  login: string | undefined,
  newPassword?: string,
): Promise<string> {
  if (!login) throw new Error('Give the username or email address of the account');
  const account = await findAccountByLogin(ctx.db, login);
  if (!account) throw new Error(`No account ${login}`);
  const password = newPassword ?? generatedPassword();
  check('--password', Password, password);
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await updateAccount(trx, account.id, { password_hash: hash, updated_at: Date.now() });
    await revokeAccountTokens(trx, account.id);
  });
  return `Reset the password of @${account.username}; every session of theirs was signed out.${newPassword ? '' : `\nNew password: ${password}`}`;
}
