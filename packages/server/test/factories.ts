import type { Role } from '@rapport/schema';
import type { AppContext } from '../src/context';
import { type AccountRow, updateAccount } from '../src/features/accounts/accounts.queries';
import { createAccount as create } from '../src/features/accounts/accounts.service';
import { webApplicationId } from '../src/features/oauth/oauth.queries';
import { issueAccessToken } from '../src/features/oauth/oauth.service';
import { SESSION_SCOPES } from '../src/features/oauth/scopes';
import { hashPassword } from '../src/lib/passwords';

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;
let sequence = 0;

/** An account with PASSWORD; argon2 runs once per test process. */
export async function createAccount(
  ctx: AppContext,
  overrides: Partial<{
    username: string;
    email: string;
    role: Role;
    displayName: string;
    profile: Partial<AccountRow>;
  }> = {},
): Promise<AccountRow> {
  sequence += 1;
  const username =
    overrides.username ?? `person${sequence}_${Math.random().toString(36).slice(2, 6)}`;
  passwordHash ??= hashPassword(PASSWORD);
  const row = await create(ctx.db, {
    username,
    email: overrides.email ?? `${username}@example.com`,
    password: PASSWORD,
    passwordHash: await passwordHash,
    role: overrides.role ?? 'member',
    displayName: overrides.displayName ?? `Person ${sequence}`,
  });
  return overrides.profile ? updateAccount(ctx.db, row.id, overrides.profile) : row;
}

/** A bearer token for the account, as if it signed in through an app with these scopes. */
export async function tokenFor(
  ctx: AppContext,
  account: AccountRow,
  scopes: string[] = SESSION_SCOPES,
): Promise<string> {
  const issued = await issueAccessToken(ctx.db, {
    applicationId: await webApplicationId(ctx.db),
    accountId: account.id,
    scopes,
    kind: 'bearer',
  });
  return issued.token;
}

export async function createAccountWithToken(
  ctx: AppContext,
  overrides: Parameters<typeof createAccount>[1] = {},
  scopes?: string[],
): Promise<{ account: AccountRow; token: string }> {
  const account = await createAccount(ctx, overrides);
  return { account, token: await tokenFor(ctx, account, scopes) };
}
