import { sql } from 'kysely';
import { forUpdate } from '../../db/dialect';
import { idAt, newId } from '../../db/ids';
import { prepared } from '../../db/prepared';
import type { Db } from '../../db/tables';

/** Mutes with an `expires_at` in the past no longer count. */
const activeMute = (now: number) => sql<boolean>`(expires_at is null or expires_at > ${now})`;

const activeMutes = prepared((db, accountId: number, now: number) =>
  db
    .selectFrom('mutes')
    .select('target_account_id')
    .where('account_id', '=', accountId)
    .where(activeMute(now)),
);

/** Accounts the viewer mutes now. */
export async function findMutedIds(db: Db, accountId: number, now: number): Promise<Set<number>> {
  const rows = await activeMutes(db, accountId, now);
  return new Set(rows.map((row) => row.target_account_id));
}

export async function isFollowing(db: Db, accountId: number, targetId: number): Promise<boolean> {
  const row = await db
    .selectFrom('follows')
    .select('id')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of these authors the viewer follows. */
export async function followingAmong(
  db: Db,
  viewerId: number,
  authorIds: number[],
): Promise<Set<number>> {
  if (authorIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('follows')
    .select('target_account_id')
    .where('account_id', '=', viewerId)
    .where('target_account_id', 'in', [...new Set(authorIds)])
    .execute();
  return new Set(rows.map((row) => row.target_account_id));
}

/** Which of these authors the viewer blocks or is blocked by. */
export async function blockedAmong(
  db: Db,
  viewerId: number,
  authorIds: number[],
): Promise<Set<number>> {
  if (authorIds.length === 0) return new Set();
  const ids = [...new Set(authorIds)];
  const rows = await db
    .selectFrom('blocks')
    .select(['account_id', 'target_account_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('account_id', '=', viewerId), eb('target_account_id', 'in', ids)]),
        eb.and([eb('target_account_id', '=', viewerId), eb('account_id', 'in', ids)]),
      ]),
    )
    .execute();
  return new Set(
    rows.map((row) => (row.account_id === viewerId ? row.target_account_id : row.account_id)),
  );
}

/** Which of these authors the viewer mutes now. */
export async function mutedAmong(
  db: Db,
  viewerId: number,
  authorIds: number[],
): Promise<Set<number>> {
  if (authorIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('mutes')
    .select('target_account_id')
    .where('account_id', '=', viewerId)
    .where('target_account_id', 'in', [...new Set(authorIds)])
    .where(activeMute(Date.now()))
    .execute();
  return new Set(rows.map((row) => row.target_account_id));
}

/** Everything a batch of Relationships is made of, in three queries whatever the batch size. */
export interface GraphFacts {
  /** The viewer's follows of these accounts, by target. */
  following: Map<number, { show_reblogs: number; notify: number }>;
  followedBy: Set<number>;
  blocking: Set<number>;
  blockedBy: Set<number>;
  /** The viewer's active mutes of these accounts, by target. */
  muting: Map<number, { hide_notifications: number; expires_at: number | null }>;
}

export async function loadGraphFacts(
  db: Db,
  viewerId: number,
  accountIds: number[],
): Promise<GraphFacts> {
  const facts: GraphFacts = {
    following: new Map(),
    followedBy: new Set(),
    blocking: new Set(),
    blockedBy: new Set(),
    muting: new Map(),
  };
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return facts;
  const [follows, blocks, mutes] = await Promise.all([
    db
      .selectFrom('follows')
      .select(['account_id', 'target_account_id', 'show_reblogs', 'notify'])
      .where((eb) =>
        eb.or([
          eb.and([eb('account_id', '=', viewerId), eb('target_account_id', 'in', ids)]),
          eb.and([eb('target_account_id', '=', viewerId), eb('account_id', 'in', ids)]),
        ]),
      )
      .execute(),
    db
      .selectFrom('blocks')
      .select(['account_id', 'target_account_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('account_id', '=', viewerId), eb('target_account_id', 'in', ids)]),
          eb.and([eb('target_account_id', '=', viewerId), eb('account_id', 'in', ids)]),
        ]),
      )
      .execute(),
    db
      .selectFrom('mutes')
      .select(['target_account_id', 'hide_notifications', 'expires_at'])
      .where('account_id', '=', viewerId)
      .where('target_account_id', 'in', ids)
      .where(activeMute(Date.now()))
      .execute(),
  ]);
  // A row can match both directions only for the viewer's own id (a self-follow never exists).
  for (const row of follows) {
    if (row.account_id === viewerId) facts.following.set(row.target_account_id, row);
    if (row.target_account_id === viewerId) facts.followedBy.add(row.account_id);
  }
  for (const row of blocks) {
    if (row.account_id === viewerId) facts.blocking.add(row.target_account_id);
    if (row.target_account_id === viewerId) facts.blockedBy.add(row.account_id);
  }
  for (const row of mutes) facts.muting.set(row.target_account_id, row);
  return facts;
}

/**
 * Locks both accounts until the transaction ends, in id order, so that concurrent changes
 * to one pair (a follow racing a block) run one after the other on PostgreSQL.
 */
export async function lockPair(trx: Db, a: number, b: number): Promise<void> {
  const query = trx.selectFrom('accounts').select('id').where('id', 'in', [a, b]).orderBy('id');
  await forUpdate(trx, query).execute();
}

export async function blockExistsBetween(db: Db, a: number, b: number): Promise<boolean> {
  return (await blockedAmong(db, a, [b])).has(b);
}

/** Counters change by one in SQL (`x = x + 1`), so concurrent follows never lose a count. */
async function bumpFollowCounters(trx: Db, accountId: number, targetId: number, by: 1 | -1) {
  const bump = async (id: number, column: 'following_count' | 'followers_count') => {
    let query = trx
      .updateTable('accounts')
      .set((eb) => ({ [column]: eb(column, by > 0 ? '+' : '-', 1) }))
      .where('id', '=', id);
    if (by < 0) query = query.where(column, '>', 0);
    await query.execute();
  };
  await bump(accountId, 'following_count');
  await bump(targetId, 'followers_count');
}

/** Inserts the follow unless it exists; returns whether it is new (counters moved). */
export async function insertFollow(
  trx: Db,
  f: { accountId: number; targetId: number; showReblogs: boolean; notify: boolean },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('follows')
    .values({
      id: newId(),
      account_id: f.accountId,
      target_account_id: f.targetId,
      show_reblogs: f.showReblogs ? 1 : 0,
      notify: f.notify ? 1 : 0,
      created_at: Date.now(),
    })
    .onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) await bumpFollowCounters(trx, f.accountId, f.targetId, 1);
  return inserted !== undefined;
}

export async function findFollow(trx: Db, accountId: number, targetId: number) {
  return trx
    .selectFrom('follows')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst();
}

export async function updateFollowOptions(
  trx: Db,
  id: number,
  options: { show_reblogs: number; notify: number },
): Promise<void> {
  await trx.updateTable('follows').set(options).where('id', '=', id).execute();
}

/** Deletes the follow if it exists; returns whether it did (counters moved). */
export async function deleteFollow(trx: Db, accountId: number, targetId: number) {
  const deleted = await trx
    .deleteFrom('follows')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .returning('id')
    .executeTakeFirst();
  if (deleted) await bumpFollowCounters(trx, accountId, targetId, -1);
  return deleted !== undefined;
}

/** Whether `from` already told `to` of a follow since `since` (re-follows do not spam). */
export async function recentFollowNotification(
  trx: Db,
  to: number,
  from: number,
  since: number,
): Promise<boolean> {
  const row = await trx
    .selectFrom('notifications')
    .select('id')
    .where('account_id', '=', to)
    .where('id', '>=', idAt(since))
    .where('type', '=', 'follow')
    .where('from_account_id', '=', from)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts the block unless it exists; returns whether it is new. */
export async function insertBlock(trx: Db, accountId: number, targetId: number) {
  const inserted = await trx
    .insertInto('blocks')
    .values({
      id: newId(),
      account_id: accountId,
      target_account_id: targetId,
      created_at: Date.now(),
    })
    .onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteBlock(trx: Db, accountId: number, targetId: number) {
  const deleted = await trx
    .deleteFrom('blocks')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .returning('id')
    .executeTakeFirst();
  return deleted !== undefined;
}

/**
 * Creates or replaces the mute; returns whether the target was not muted before (no row,
 * or an expired one).
 */
export async function upsertMute(
  trx: Db,
  m: { accountId: number; targetId: number; hideNotifications: boolean; expiresAt: number | null },
): Promise<boolean> {
  const now = Date.now();
  const previous = await trx
    .selectFrom('mutes')
    .select(['id', 'expires_at'])
    .where('account_id', '=', m.accountId)
    .where('target_account_id', '=', m.targetId)
    .executeTakeFirst();
  const hide_notifications = m.hideNotifications ? 1 : 0;
  await trx
    .insertInto('mutes')
    .values({
      id: newId(),
      account_id: m.accountId,
      target_account_id: m.targetId,
      hide_notifications,
      expires_at: m.expiresAt,
      created_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'target_account_id'])
        .doUpdateSet({ hide_notifications, expires_at: m.expiresAt }),
    )
    .execute();
  return previous === undefined || (previous.expires_at !== null && previous.expires_at <= now);
}

export async function deleteMute(trx: Db, accountId: number, targetId: number) {
  const deleted = await trx
    .deleteFrom('mutes')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .returning('id')
    .executeTakeFirst();
  return deleted !== undefined;
}
