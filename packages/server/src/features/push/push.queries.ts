import type { Selectable } from 'kysely';
import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import type { PushSubscriptionsTable } from '../../db/tables/push.table';

export type PushSubscriptionRow = Selectable<PushSubscriptionsTable>;

export type NewPushSubscription = Omit<PushSubscriptionRow, 'id' | 'created_at' | 'updated_at'>;

/**
 * Stores the subscription of a token, replacing the one it had: a new id, as Mastodon does,
 * so a client never confuses the new subscription with the old one.
 */
export async function replaceSubscription(
  db: Db,
  values: NewPushSubscription,
  now: number,
): Promise<PushSubscriptionRow> {
  const row: PushSubscriptionRow = { ...values, id: newId(), created_at: now, updated_at: now };
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('push_subscriptions')
      .where('access_token_id', '=', values.access_token_id)
      .execute();
    await trx.insertInto('push_subscriptions').values(row).execute();
  });
  return row;
}

export async function findSubscriptionOfToken(
  db: Db,
  tokenId: number,
): Promise<PushSubscriptionRow | undefined> {
  return db
    .selectFrom('push_subscriptions')
    .selectAll()
    .where('access_token_id', '=', tokenId)
    .executeTakeFirst();
}

export async function findSubscription(
  db: Db,
  id: number,
): Promise<PushSubscriptionRow | undefined> {
  return db.selectFrom('push_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateSubscriptionData(
  db: Db,
  tokenId: number,
  change: Pick<PushSubscriptionRow, 'alerts' | 'policy'>,
  now: number,
): Promise<PushSubscriptionRow | undefined> {
  return db
    .updateTable('push_subscriptions')
    .set({ ...change, updated_at: now })
    .where('access_token_id', '=', tokenId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteSubscriptionOfToken(db: Db, tokenId: number): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('access_token_id', '=', tokenId).execute();
}

export async function deleteSubscription(db: Db, id: number): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
}

/** A person's subscriptions whose token still works (not revoked, not expired). */
export async function deliverableSubscriptions(
  db: Db,
  accountId: number,
  now: number,
): Promise<PushSubscriptionRow[]> {
  return db
    .selectFrom('push_subscriptions')
    .innerJoin('access_tokens', 'access_tokens.id', 'push_subscriptions.access_token_id')
    .selectAll('push_subscriptions')
    .where('push_subscriptions.account_id', '=', accountId)
    .where('access_tokens.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('access_tokens.expires_at', 'is', null), eb('access_tokens.expires_at', '>', now)]),
    )
    .orderBy('push_subscriptions.id')
    .execute();
}

/** Revoking a token (sign-out, /oauth/revoke) takes its push subscription along. */
export async function deleteSubscriptionsOfTokenHash(
  db: Db,
  tokenHash: string,
  applicationId?: number,
): Promise<void> {
  let tokens = db.selectFrom('access_tokens').select('id').where('token_hash', '=', tokenHash);
  if (applicationId !== undefined) tokens = tokens.where('application_id', '=', applicationId);
  await db.deleteFrom('push_subscriptions').where('access_token_id', 'in', tokens).execute();
}

/** Signing someone out everywhere (suspension, password change) ends their pushes too. */
export async function deleteSubscriptionsOfAccount(
  db: Db,
  accountId: number,
  exceptTokenId?: number,
): Promise<void> {
  let query = db.deleteFrom('push_subscriptions').where('account_id', '=', accountId);
  if (exceptTokenId !== undefined) query = query.where('access_token_id', '!=', exceptTokenId);
  await query.execute();
}

/** The VAPID key pair as stored; created by the first caller, read by every later one. */
export async function loadVapidKeysValue(db: Db, fresh: string): Promise<string | undefined> {
  await db
    .insertInto('server_settings')
    .values({ key: 'vapid_keys', value: fresh, updated_at: Date.now() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_settings')
    .select('value')
    .where('key', '=', 'vapid_keys')
    .executeTakeFirst();
  return row?.value;
}

/** The address of the longest-serving active admin: the contact push services are given. */
export async function firstAdminEmail(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select('email')
    .where('role', '=', 'admin')
    .where('suspended', '=', 0)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.email;
}
