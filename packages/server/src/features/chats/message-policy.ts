import type { MessagePolicy } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import { HttpError } from '../../errors';
import type { Viewer } from '../../http/auth';
import type { AccountRow } from '../accounts/accounts.queries';
import { blockedAmong, followingAmong } from '../graph/graph.queries';
import { findPolicy, followersAmong, savePolicy } from './message-policy.queries';

export const DEFAULT_MESSAGE_POLICY: MessagePolicy = 'anyone';

export async function policiesOf(
  db: Db,
  accountIds: number[],
): Promise<Map<number, MessagePolicy>> {
  const stored = new Map(
    (await findPolicy(db, accountIds)).map((row) => [row.account_id, row.policy]),
  );
  return new Map(accountIds.map((id) => [id, stored.get(id) ?? DEFAULT_MESSAGE_POLICY]));
}

export async function messagePolicyOf(db: Db, accountId: number): Promise<MessagePolicy> {
  return (await policiesOf(db, [accountId])).get(accountId) ?? DEFAULT_MESSAGE_POLICY;
}

export async function updateMessagePolicy(
  ctx: AppContext,
  viewer: Viewer,
  policy: MessagePolicy,
): Promise<MessagePolicy> {
  await savePolicy(ctx.db, viewer.id, policy, Date.now());
  ctx.events.emit({ type: 'message_policy.updated', account_id: String(viewer.id), policy });
  return policy;
}

/**
 * Those of `recipients` who do not accept messages from `sender`: a block either way, a
 * suspended account, or their policy: `following` lets in the people they follow,
 * `followers` the people who follow them, `nobody` nobody. Admins pass any policy (they run
 * the organisation and must be able to reach anyone), never a block.
 */
export async function refusingRecipients(
  db: Db,
  sender: Viewer,
  recipients: AccountRow[],
): Promise<AccountRow[]> {
  if (recipients.length === 0) return [];
  const ids = recipients.map((row) => row.id);
  const [blocked, policies] = await Promise.all([
    blockedAmong(db, sender.id, ids),
    sender.role === 'admin' ? null : policiesOf(db, ids),
  ]);
  const needFollowers = ids.filter((id) => policies?.get(id) === 'following');
  const needFollowing = ids.filter((id) => policies?.get(id) === 'followers');
  const [followedBy, following] = await Promise.all([
    followersAmong(db, sender.id, needFollowers),
    followingAmong(db, sender.id, needFollowing),
  ]);
  const accepts: Record<MessagePolicy, (id: number) => boolean> = {
    anyone: () => true,
    following: (id) => followedBy.has(id),
    followers: (id) => following.has(id),
    nobody: () => false,
  };
  return recipients.filter(
    (row) =>
      row.suspended === 1 ||
      blocked.has(row.id) ||
      !accepts[policies?.get(row.id) ?? 'anyone'](row.id),
  );
}

/** 403 naming who refuses, with their ids in `details.account_ids` for apps to point at. */
export function doesNotAcceptMessages(refused: Array<Pick<AccountRow, 'id' | 'username'>>) {
  const names = refused.map((row) => `@${row.username}`);
  const who =
    names.length === 1
      ? `${names[0]} does not`
      : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} do not`;
  return new HttpError(403, 'forbidden', `${who} accept messages from you`, {
    account_ids: refused.map((row) => String(row.id)),
  });
}
