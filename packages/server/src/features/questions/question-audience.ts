import type { Db } from '../../db/tables';
import type { AccountRow } from '../accounts/accounts.queries';
import { findAccountById } from '../accounts/accounts.queries';
import type { StatusRow } from '../statuses/statuses.queries';
import { loadCommunityAccess } from '../visibility/community-facts';
import { communityFor } from '../visibility/status-facts';
import { canSee } from '../visibility/visibility';
import { audienceFacts } from './questions.queries';

/**
 * The people among `accounts` who may see `status` (a question), each judged by the one
 * rule as if they were looking: members of its private community, followers of a
 * followers-only question, the people a direct one mentions. Suspended people see nothing.
 */
export async function whoMaySee(
  db: Db,
  status: StatusRow,
  accounts: AccountRow[],
): Promise<AccountRow[]> {
  const author = await findAccountById(db, status.account_id);
  if (!author) return [];
  const candidates = accounts.filter((row) => row.suspended === 0);
  const [facts, communities] = await Promise.all([
    audienceFacts(
      db,
      status,
      candidates.map((row) => row.id),
    ),
    loadCommunityAccess(db, author.id, status.community_id === null ? [] : [status.community_id]),
  ]);
  const community = communityFor(
    status.community_id,
    status.community_id === null ? undefined : communities.get(status.community_id),
  );
  return candidates.filter((row) =>
    canSee(
      { id: row.id, username: row.username, role: row.role },
      {
        kind: 'status',
        status: {
          account_id: status.account_id,
          visibility: status.visibility,
          author,
          community,
          hidden: status.hidden_at !== null,
        },
        facts: {
          following: facts.following.has(row.id),
          mentioned: facts.mentioned.has(row.id),
          blocked: facts.blocked.has(row.id),
          membership: facts.membership.get(row.id) ?? null,
        },
      },
    ),
  );
}
