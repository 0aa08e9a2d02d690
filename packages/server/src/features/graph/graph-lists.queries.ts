import { type RawBuilder, sql } from 'kysely';
import { prefixEnd } from '../../db/dialect';
import { applyIdPage, finishIdPage, type IdPage } from '../../db/pagination';
import type { Db } from '../../db/tables';
import type { AccountRow } from '../accounts/accounts.queries';
import { visibleAccountSql } from '../visibility/account-scope.queries';
import type { AccountScope } from '../visibility/visibility';

/** Accounts of `accounts as a` the viewer may see, suspended ones left out: lists never show them. */
function listable(scope: AccountScope, viewerId: number): RawBuilder<boolean> {
  return sql<boolean>`(a.suspended = 0 and ${visibleAccountSql('a', scope, viewerId)})`;
}

const selectListed = (db: Db) => db.selectFrom('accounts as a').selectAll('a');

/** An account in a list, with the id of the row (follow, block, mute) the list pages by. */
export type ListedAccount = AccountRow & { row_id: number };

/**
 * One side of someone's follows, newest follow first, paged by the follow's id:
 * `followers` reads index follows_target, `following` reads follows_account.
 */
export async function listFollows(
  db: Db,
  side: 'followers' | 'following',
  accountId: number,
  viewer: { id: number; scope: AccountScope },
  page: IdPage,
): Promise<ListedAccount[]> {
  const [own, other] =
    side === 'followers'
      ? (['f.target_account_id', 'f.account_id'] as const)
      : (['f.account_id', 'f.target_account_id'] as const);
  const query = db
    .selectFrom('follows as f')
    .innerJoin('accounts as a', 'a.id', other)
    .selectAll('a')
    .select('f.id as row_id')
    .where(own, '=', accountId)
    .where(listable(viewer.scope, viewer.id));
  return finishIdPage(await applyIdPage(query, 'f.id', page).execute(), page);
}

/** The viewer's blocks, newest first, paged by the block's id. */
export async function listBlocked(
  db: Db,
  viewer: { id: number; scope: AccountScope },
  page: IdPage,
): Promise<ListedAccount[]> {
  const query = db
    .selectFrom('blocks as b')
    .innerJoin('accounts as a', 'a.id', 'b.target_account_id')
    .selectAll('a')
    .select('b.id as row_id')
    .where('b.account_id', '=', viewer.id)
    .where(listable(viewer.scope, viewer.id));
  return finishIdPage(await applyIdPage(query, 'b.id', page).execute(), page);
}

/** The viewer's active mutes, newest first, paged by the mute's id. */
export async function listMuted(
  db: Db,
  viewer: { id: number; scope: AccountScope },
  page: IdPage,
): Promise<Array<ListedAccount & { mute_expires_at: number | null }>> {
  const now = Date.now();
  const query = db
    .selectFrom('mutes as m')
    .innerJoin('accounts as a', 'a.id', 'm.target_account_id')
    .selectAll('a')
    .select(['m.id as row_id', 'm.expires_at as mute_expires_at'])
    .where('m.account_id', '=', viewer.id)
    .where((eb) => eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', now)]))
    .where(listable(viewer.scope, viewer.id));
  return finishIdPage(await applyIdPage(query, 'm.id', page).execute(), page);
}

export interface AccountSearch {
  viewer: { id: number; scope: AccountScope };
  /** Search terms (see accounts/terms.ts); every one must prefix one of the account's terms. */
  terms: string[];
  /** With an `@username` query: the lower-cased start the username must have. */
  usernamePrefix: string | undefined;
  following: boolean;
  limit: number;
}

/**
 * Accounts for `GET /api/v1/accounts/search` (mention autocomplete): every term is an index
 * range over account_terms; accounts across a block either way are left out. An exact
 * username match comes first, then the rest by name.
 */
export async function searchAccounts(db: Db, s: AccountSearch): Promise<AccountRow[]> {
  const { viewer } = s;
  let query = selectListed(db)
    .where(listable(viewer.scope, viewer.id))
    .where(
      'a.id',
      'not in',
      db.selectFrom('blocks').select('target_account_id').where('account_id', '=', viewer.id),
    )
    .where(
      'a.id',
      'not in',
      db.selectFrom('blocks').select('account_id').where('target_account_id', '=', viewer.id),
    );
  if (s.following) {
    query = query.where(
      'a.id',
      'in',
      db.selectFrom('follows').select('target_account_id').where('account_id', '=', viewer.id),
    );
  }
  const exact =
    s.usernamePrefix === undefined
      ? undefined
      : await query.where('a.username_key', '=', s.usernamePrefix).executeTakeFirst();
  if (s.usernamePrefix !== undefined) {
    // substr rather than a range or LIKE: exact in both databases, whatever the collation,
    // and underscores in usernames are not wildcards.
    query = query.where(
      sql<boolean>`substr(a.username_key, 1, ${s.usernamePrefix.length}) = ${s.usernamePrefix}`,
    );
  }
  for (const term of s.terms.slice(0, 5)) {
    query = query.where(
      'a.id',
      'in',
      db
        .selectFrom('account_terms')
        .select('account_id')
        .where('term', '>=', term)
        .where('term', '<', prefixEnd(term)),
    );
  }
  const rows = await query.orderBy('a.sort_name').orderBy('a.id').limit(s.limit).execute();
  if (!exact) return rows;
  return [exact, ...rows.filter((row) => row.id !== exact.id)].slice(0, s.limit);
}
