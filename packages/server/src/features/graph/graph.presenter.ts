import type { MutedAccount, Relationship } from '@rapport/schema';
import type { AppContext } from '../../context';
import { toIsoOrNull } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import type { AccountRow } from '../accounts/accounts.queries';
import type { GraphFacts } from './graph.queries';

/**
 * Mastodon's Relationship. Accounts are never locked in Rapport (follows take effect at
 * once, so nothing is ever `requested`), and domains, endorsements and notes do not exist.
 */
export function presentRelationship(id: number, facts: GraphFacts): Relationship {
  const follow = facts.following.get(id);
  const mute = facts.muting.get(id);
  return {
    id: String(id),
    following: follow !== undefined,
    showing_reblogs: follow?.show_reblogs === 1,
    notifying: follow?.notify === 1,
    languages: null,
    followed_by: facts.followedBy.has(id),
    blocking: facts.blocking.has(id),
    blocked_by: facts.blockedBy.has(id),
    muting: mute !== undefined,
    muting_notifications: mute?.hide_notifications === 1,
    requested: false,
    requested_by: false,
    domain_blocking: false,
    endorsed: false,
    note: '',
  };
}

export function presentMutedAccount(
  ctx: AppContext,
  row: AccountRow & { mute_expires_at: number | null },
): MutedAccount {
  return { ...presentAccount(ctx, row), mute_expires_at: toIsoOrNull(row.mute_expires_at) };
}
