import { type RawBuilder, sql } from 'kysely';
import type { AccountScope } from './visibility';

/**
 * The SQL form of visibility.ts's account rule, for lists over an accounts table aliased
 * `alias`: admins see everyone; members see members, admins and the guests of their
 * communities; guests see themselves and the people of their communities. The tests check
 * that it says what `canSee` says.
 */
export function visibleAccountSql(
  alias: string,
  scope: AccountScope,
  viewerId: number,
): RawBuilder<boolean> {
  if (scope === 'all') return sql<boolean>`1 = 1`;
  const id = sql.ref(`${alias}.id`);
  const shares = sql<boolean>`exists (select 1 from community_members mine
    join community_members theirs on theirs.community_id = mine.community_id
    where mine.account_id = ${viewerId} and mine.state = 'member'
    and theirs.account_id = ${id} and theirs.state = 'member')`;
  if (scope === 'self') return sql<boolean>`(${id} = ${viewerId} or ${shares})`;
  return sql<boolean>`(${sql.ref(`${alias}.role`)} <> 'guest' or ${id} = ${viewerId} or ${shares})`;
}
