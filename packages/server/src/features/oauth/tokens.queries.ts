import { newId } from '../../db/ids';
import { prepared } from '../../db/prepared';
import type { AccessTokensTable, Db } from '../../db/tables';
import { deleteSubscriptionsOfAccount, deleteSubscriptionsOfTokenHash } from '../push/push.queries';

const activeToken = prepared((db, tokenHash: string, now: number) =>
  db
    .selectFrom('access_tokens')
    .leftJoin('accounts', 'accounts.id', 'access_tokens.account_id')
    .select([
      'access_tokens.id',
      'access_tokens.application_id',
      'access_tokens.account_id',
      'access_tokens.scopes',
      'access_tokens.kind',
      'access_tokens.last_used_at',
      'access_tokens.created_at',
      'accounts.username',
      'accounts.role',
      'accounts.suspended',
    ])
    .where('access_tokens.token_hash', '=', tokenHash)
    .where('access_tokens.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('access_tokens.expires_at', 'is', null), eb('access_tokens.expires_at', '>', now)]),
    ),
);

/** The token with this hash, unless revoked or expired; every authenticated request asks. */
export async function findActiveToken(db: Db, tokenHash: string, now: number) {
  return (await activeToken(db, tokenHash, now))[0];
}

/** Marks tokens used at `now`, in one statement. */
export async function touchTokens(db: Db, ids: number[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('access_tokens').set({ last_used_at: now }).where('id', 'in', ids).execute();
}

export async function insertToken(
  db: Db,
  values: Omit<AccessTokensTable, 'id' | 'created_at' | 'last_used_at' | 'revoked_at'>,
): Promise<{ id: number; created_at: number }> {
  const row = {
    ...values,
    id: newId(),
    created_at: Date.now(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('access_tokens').values(row).execute();
  return row;
}

export async function revokeTokenByHash(
  db: Db,
  tokenHash: string,
  applicationId?: number,
): Promise<number> {
  let query = db
    .updateTable('access_tokens')
    .set({ revoked_at: Date.now() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null);
  if (applicationId !== undefined) query = query.where('application_id', '=', applicationId);
  const result = await query.executeTakeFirst();
  // A revoked token's device must stop receiving pushes meant for it.
  await deleteSubscriptionsOfTokenHash(db, tokenHash, applicationId);
  return Number(result.numUpdatedRows);
}

/** Signs a person out everywhere (suspension, password change), optionally keeping one token. */
export async function revokeAccountTokens(
  db: Db,
  accountId: number,
  exceptTokenId?: number,
): Promise<void> {
  let query = db
    .updateTable('access_tokens')
    .set({ revoked_at: Date.now() })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null);
  if (exceptTokenId !== undefined) query = query.where('id', '!=', exceptTokenId);
  await query.execute();
  await deleteSubscriptionsOfAccount(db, accountId, exceptTokenId);
}
