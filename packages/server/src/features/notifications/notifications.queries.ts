import type { Db } from '../../db/tables';
import type { NotificationType } from '../../db/tables/graph.table';
import { newId } from '../../db/ids';

export interface NewNotification {
  accountId: number;
  type: NotificationType;
  fromAccountId: number;
  statusId: number | null;
}

/**
 * Records a notification inside the caller's transaction; the caller emits
 * `notification.created` after commit. Nobody is notified about their own acts, nor by
 * someone they block, or mute with notifications hidden.
 */
export async function insertNotification(db: Db, n: NewNotification): Promise<number | null> {
  if (n.accountId === n.fromAccountId) return null;
  if (await silenced(db, n.accountId, n.fromAccountId)) return null;
  const id = newId();
  await db
    .insertInto('notifications')
    .values({
      id,
      account_id: n.accountId,
      type: n.type,
      from_account_id: n.fromAccountId,
      status_id: n.statusId,
      created_at: Date.now(),
    })
    .execute();
  return id;
}

async function silenced(db: Db, accountId: number, fromId: number): Promise<boolean> {
  const [block, mute] = await Promise.all([
    db
      .selectFrom('blocks')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('account_id', '=', accountId), eb('target_account_id', '=', fromId)]),
          eb.and([eb('account_id', '=', fromId), eb('target_account_id', '=', accountId)]),
        ]),
      )
      .executeTakeFirst(),
    db
      .selectFrom('mutes')
      .select(['hide_notifications', 'expires_at'])
      .where('account_id', '=', accountId)
      .where('target_account_id', '=', fromId)
      .executeTakeFirst(),
  ]);
  const muting =
    mute !== undefined &&
    mute.hide_notifications === 1 &&
    (mute.expires_at === null || mute.expires_at > Date.now());
  return block !== undefined || muting;
}
