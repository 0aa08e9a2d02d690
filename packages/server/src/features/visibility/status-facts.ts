import type { Db } from '../../db/tables';
import type { StatusFacts } from './visibility';

export interface StatusKey {
  id: number;
  account_id: number;
}

/**
 * How a viewer stands towards a batch of statuses (following, mentioned, blocked), in
 * three queries whatever the batch size, for `canSee`.
 */
export async function loadStatusFacts(
  db: Db,
  viewerId: number,
  statuses: StatusKey[],
): Promise<(status: StatusKey) => StatusFacts> {
  const authorIds = [...new Set(statuses.map((status) => status.account_id))];
  const statusIds = statuses.map((status) => status.id);
  if (statusIds.length === 0) {
    return () => ({ following: false, mentioned: false, blocked: false });
  }
  const [follows, mentions, blocks] = await Promise.all([
    db
      .selectFrom('follows')
      .select('target_account_id')
      .where('account_id', '=', viewerId)
      .where('target_account_id', 'in', authorIds)
      .execute(),
    db
      .selectFrom('status_mentions')
      .select('status_id')
      .where('account_id', '=', viewerId)
      .where('status_id', 'in', statusIds)
      .execute(),
    db
      .selectFrom('blocks')
      .select(['account_id', 'target_account_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('account_id', '=', viewerId), eb('target_account_id', 'in', authorIds)]),
          eb.and([eb('target_account_id', '=', viewerId), eb('account_id', 'in', authorIds)]),
        ]),
      )
      .execute(),
  ]);
  const followed = new Set(follows.map((row) => row.target_account_id));
  const mentioned = new Set(mentions.map((row) => row.status_id));
  const blocked = new Set(
    blocks.map((row) => (row.account_id === viewerId ? row.target_account_id : row.account_id)),
  );
  return (status) => ({
    following: followed.has(status.account_id),
    mentioned: mentioned.has(status.id),
    blocked: blocked.has(status.account_id),
  });
}
