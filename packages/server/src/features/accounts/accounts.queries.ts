import type { Role } from '@rapport/schema';
import { type Selectable, sql } from 'kysely';
import { forUpdate, greatest, prefixEnd } from '../../db/dialect';
import {
  applyCursor,
  applyIdPage,
  finishIdPage,
  type IdPage,
  type SortKey,
} from '../../db/pagination';
import { preparedByIds } from '../../db/prepared';
import type { AccountsTable, Db } from '../../db/tables';
import { textToHtml } from '../../lib/html';
import { visibleAccountSql } from '../visibility/account-scope.queries';
import type { AccountScope } from '../visibility/visibility';
import { termsOf } from './terms';

export type AccountRow = Selectable<AccountsTable>;

export async function findAccountById(db: Db, id: number): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export const findAccountsByIds: (db: Db, ids: number[]) => Promise<AccountRow[]> = preparedByIds(
  (db, ids) => db.selectFrom('accounts').selectAll().where('id', 'in', ids),
);

/**
 * What presenting an account needs besides its cached profile (`AccountState`). Reading a
 * handful of columns instead of every one makes a page of statuses several times cheaper.
 */
export const findAccountStates = preparedByIds((db, ids) =>
  db
    .selectFrom('accounts')
    .select([
      'id',
      'username',
      'role',
      'suspended',
      'updated_at',
      'statuses_count',
      'followers_count',
      'following_count',
      'last_status_at',
    ])
    .where('id', 'in', ids),
);

/** The accounts that rows refer to (an inviter, a creator), in one query, as a lookup. */
export async function referencedAccounts(
  db: Db,
  ids: Array<number | null>,
): Promise<(id: number | null) => AccountRow | undefined> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  const byId = new Map((await findAccountsByIds(db, wanted)).map((row) => [row.id, row]));
  return (id) => (id === null ? undefined : byId.get(id));
}

export async function findAccountByUsername(
  db: Db,
  username: string,
): Promise<AccountRow | undefined> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('username_key', '=', username.toLowerCase())
    .executeTakeFirst();
}

/** Sign-in accepts the email address or the username. */
export async function findAccountByLogin(db: Db, login: string): Promise<AccountRow | undefined> {
  const key = login.trim().toLowerCase();
  return db
    .selectFrom('accounts')
    .selectAll()
    .where(key.includes('@') ? 'email_key' : 'username_key', '=', key)
    .executeTakeFirst();
}

/** Which of a username and an email are already used (case-insensitively). */
export async function findTakenKeys(db: Db, username: string, email: string) {
  const rows = await db
    .selectFrom('accounts')
    .select(['username_key', 'email_key'])
    .where((eb) =>
      eb.or([
        eb('username_key', '=', username.toLowerCase()),
        eb('email_key', '=', email.toLowerCase()),
      ]),
    )
    .execute();
  return {
    username: rows.some((row) => row.username_key === username.toLowerCase()),
    email: rows.some((row) => row.email_key === email.toLowerCase()),
  };
}

/** The words an account is found by; kept in step with every profile change. */
export function accountTerms(
  row: Pick<
    AccountRow,
    'username' | 'display_name' | 'title' | 'department' | 'location' | 'skills'
  >,
) {
  return termsOf(
    row.username,
    row.display_name,
    row.title,
    row.department,
    row.location,
    ...(JSON.parse(row.skills) as string[]),
  );
}

/**
 * Inserts the account unless its id, username or email is already taken (then returns false
 * without raising, which would abort a PostgreSQL transaction).
 */
export async function insertAccount(db: Db, row: AccountRow): Promise<boolean> {
  const inserted = await db
    .insertInto('accounts')
    .values({ ...row, bio_html: textToHtml(row.bio) })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await replaceTerms(db, row.id, accountTerms(row));
  return true;
}

/**
 * Updates columns and keeps the derived ones (rendered bio, search terms) in step.
 * `updated_at` always moves forward, even twice in one millisecond: presented profiles are
 * cached by it (`presentAccount`), so every change must give the row a new value.
 */
export async function updateAccount(
  db: Db,
  id: number,
  patch: Partial<AccountRow>,
): Promise<AccountRow> {
  const { updated_at: at, ...rest } = patch;
  const values = rest.bio === undefined ? rest : { ...rest, bio_html: textToHtml(rest.bio) };
  await db
    .updateTable('accounts')
    .set({ ...values, updated_at: greatest(db, at ?? Date.now(), sql<number>`updated_at + 1`) })
    .where('id', '=', id)
    .execute();
  const row = await findAccountById(db, id);
  if (!row) throw new Error(`account ${id} vanished during an update`);
  const searchable: Array<keyof AccountRow> = [
    'display_name',
    'title',
    'department',
    'location',
    'skills',
    'username',
  ];
  if (searchable.some((key) => key in patch)) await replaceTerms(db, id, accountTerms(row));
  return row;
}

async function replaceTerms(db: Db, accountId: number, terms: string[]): Promise<void> {
  await db.deleteFrom('account_terms').where('account_id', '=', accountId).execute();
  if (terms.length > 0) {
    await db
      .insertInto('account_terms')
      .values(terms.map((term) => ({ term, account_id: accountId })))
      .execute();
  }
}

export async function countAccounts(
  db: Db,
  where: { role?: Role; activeOnly?: boolean } = {},
): Promise<number> {
  let query = db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n'));
  if (where.role) query = query.where('role', '=', where.role);
  if (where.activeOnly) query = query.where('suspended', '=', 0);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ids of the active admins, locked until the caller's transaction ends. */
export async function lockActiveAdminIds(trx: Db): Promise<number[]> {
  const query = trx
    .selectFrom('accounts')
    .select('id')
    .where('role', '=', 'admin')
    .where('suspended', '=', 0);
  const rows = await forUpdate(trx, query).execute();
  return rows.map((row) => row.id);
}

const selectAccounts = (db: Db) => db.selectFrom('accounts').selectAll();
type AccountQuery = ReturnType<typeof selectAccounts>;

/**
 * Accounts matching every word of `q` by prefix (name, username, title, department,
 * location, skills). Each word is an index range over account_terms.
 */
function matchingTerms(query: AccountQuery, db: Db, q: string | undefined): AccountQuery {
  let result = query;
  for (const word of termsOf(q ?? '').slice(0, 5)) {
    result = result.where(
      'accounts.id',
      'in',
      db
        .selectFrom('account_terms')
        .select('account_id')
        .where('term', '>=', word)
        .where('term', '<', prefixEnd(word)),
    );
  }
  return result;
}

export const PEOPLE_ORDER: SortKey[] = [
  { column: 'accounts.sort_name', direction: 'asc' },
  { column: 'accounts.id', direction: 'asc' },
];

function inScope(query: AccountQuery, scope: AccountScope, viewerId: number): AccountQuery {
  return scope === 'all' ? query : query.where(visibleAccountSql('accounts', scope, viewerId));
}

/** The people directory: active accounts the viewer may see, by name. */
export async function listPeople(
  db: Db,
  options: {
    scope: AccountScope;
    viewerId: number;
    q?: string | undefined;
    after?: Array<string | number> | undefined;
    limit: number;
  },
): Promise<AccountRow[]> {
  let query = inScope(
    selectAccounts(db).where('accounts.suspended', '=', 0),
    options.scope,
    options.viewerId,
  );
  query = matchingTerms(query, db, options.q);
  return applyCursor(query, PEOPLE_ORDER, options.after, options.limit).execute();
}

/** The admin list: every account, newest first, with optional filters. */
export async function listAccountsForAdmin(
  db: Db,
  options: {
    q?: string | undefined;
    role?: Role | undefined;
    suspended?: boolean | undefined;
    page: IdPage;
  },
): Promise<AccountRow[]> {
  let query = selectAccounts(db);
  if (options.role) query = query.where('accounts.role', '=', options.role);
  if (options.suspended !== undefined)
    query = query.where('accounts.suspended', '=', options.suspended ? 1 : 0);
  // Admins find people by email address too; anything else searches the terms.
  query = options.q?.includes('@')
    ? query.where('accounts.email_key', '=', options.q.trim().toLowerCase())
    : matchingTerms(query, db, options.q);
  return finishIdPage(
    await applyIdPage(query, 'accounts.id', options.page).execute(),
    options.page,
  );
}
