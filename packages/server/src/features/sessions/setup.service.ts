import { Email, Password, Username } from '@rapport/schema';
import type { AppContext } from '../../context';
import { HttpError } from '../../errors';
import { hashPassword } from '../../lib/passwords';
import { DAY_MS } from '../../lib/time';
import { hashToken, randomToken, safeEqual } from '../../lib/tokens';
import { type AccountRow, countAccounts } from '../accounts/accounts.queries';
import { createAccount } from '../accounts/accounts.service';
import { deleteSetting, getSetting, setSetting, takeSetting } from '../instance/settings.queries';

const SETUP_KEY = 'setup_token';
const SETUP_TTL_MS = DAY_MS;

/**
 * On a server with no admin yet, mints a one-time setup link and returns it; the console
 * prints it and whoever opens it creates the first admin. Each start mints a fresh link.
 */
export async function prepareSetupLink(ctx: AppContext): Promise<string | undefined> {
  if ((await countAccounts(ctx.db, { role: 'admin' })) > 0) return undefined;
  const token = randomToken();
  await setSetting(
    ctx.db,
    SETUP_KEY,
    JSON.stringify({ hash: hashToken(token), expires_at: Date.now() + SETUP_TTL_MS }),
  );
  return `${ctx.config.publicUrl}/setup/${token}`;
}

/** Whether a stored setup token (JSON of its hash and expiry) is `token` and still valid. */
function unlocks(stored: string | undefined, token: string): boolean {
  if (!stored) return false;
  const { hash, expires_at } = JSON.parse(stored) as { hash: string; expires_at: number };
  return expires_at > Date.now() && safeEqual(hash, hashToken(token));
}

export async function isSetupTokenValid(ctx: AppContext, token: string): Promise<boolean> {
  return unlocks(await getSetting(ctx.db, SETUP_KEY), token);
}

export async function completeSetup(
  ctx: AppContext,
  input: {
    token: string;
    username: string;
    email: string;
    password: string;
    display_name?: string | undefined;
  },
): Promise<AccountRow> {
  const invalid = () =>
    new HttpError(
      404,
      'invalid_setup_token',
      'This setup link is not valid any more; restart Rapport to print a new one',
    );
  if (!(await isSetupTokenValid(ctx, input.token))) throw invalid();
  // Hashing takes a while; on SQLite the transaction below holds the only connection.
  const passwordHash = await hashPassword(input.password);
  const account = await ctx.db.transaction().execute(async (trx) => {
    // Taking the token out first makes it single-use when two people submit at once: only
    // one delete finds the row (a failure below rolls the delete back).
    // The token taken must be the one checked above (a restart may have minted another).
    if (!unlocks(await takeSetting(trx, SETUP_KEY), input.token)) throw invalid();
    if ((await countAccounts(trx, { role: 'admin' })) > 0) throw invalid();
    return createAccount(trx, {
      username: input.username,
      email: input.email,
      password: input.password,
      passwordHash,
      displayName: input.display_name,
      role: 'admin',
    });
  });
  ctx.events.emit({ type: 'account.created', account_id: String(account.id), invited_by_id: null });
  return account;
}

/**
 * RAPPORT_ADMIN_USERNAME/EMAIL/PASSWORD: creates the first admin at start for automated
 * deployments; does nothing once any admin exists.
 */
export async function bootstrapAdmin(ctx: AppContext): Promise<AccountRow | undefined> {
  const wanted = ctx.config.bootstrapAdmin;
  if (!wanted || (await countAccounts(ctx.db, { role: 'admin' })) > 0) return undefined;
  const problems = [
    ['RAPPORT_ADMIN_USERNAME', Username.safeParse(wanted.username)],
    ['RAPPORT_ADMIN_EMAIL', Email.safeParse(wanted.email)],
    ['RAPPORT_ADMIN_PASSWORD', Password.safeParse(wanted.password)],
  ] as const;
  const errors = problems
    .filter(([, result]) => !result.success)
    .map(([name, result]) => `  ${name}: ${result.error?.issues[0]?.message ?? 'is invalid'}`);
  if (errors.length > 0) throw new Error(`Invalid configuration:\n${errors.join('\n')}`);
  const account = await ctx.db.transaction().execute(async (trx) => {
    const created = await createAccount(trx, { ...wanted, role: 'admin' });
    await deleteSetting(trx, SETUP_KEY);
    return created;
  });
  ctx.events.emit({ type: 'account.created', account_id: String(account.id), invited_by_id: null });
  return account;
}
