import type { MembershipState } from '@rapport/schema';
import { type Selectable, type SelectQueryBuilder, sql, type Updateable } from 'kysely';
import { forUpdate, prefixEnd } from '../../db/dialect';
import type { Db, Tables } from '../../db/tables';
import type { CommunitiesTable } from '../../db/tables/communities.table';
import { termsOf } from '../accounts/terms';
import type { AccountScope } from '../visibility/visibility';

export type CommunityRow = Selectable<CommunitiesTable>;

export async function findCommunity(db: Db, id: number): Promise<CommunityRow | undefined> {
  return db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The community row, locked until the transaction ends: every change to a community's
 * members or settings takes this lock first, so two changes at once cannot both remove
 * the last owner, and the counters stay in step.
 */
export async function lockCommunity(trx: Db, id: number): Promise<CommunityRow | undefined> {
  return forUpdate(
    trx,
    trx.selectFrom('communities').selectAll().where('id', '=', id),
  ).executeTakeFirst();
}

export async function insertCommunity(trx: Db, row: CommunityRow): Promise<void> {
  await trx.insertInto('communities').values(row).execute();
}

export async function updateCommunityRow(
  trx: Db,
  id: number,
  patch: Updateable<CommunitiesTable>,
): Promise<void> {
  await trx.updateTable('communities').set(patch).where('id', '=', id).execute();
}

export async function deleteCommunityRow(trx: Db, id: number): Promise<void> {
  // Notifications about the community have no foreign key to it (they keep their title).
  await trx.deleteFrom('notifications').where('community_id', '=', id).execute();
  await trx.deleteFrom('communities').where('id', '=', id).execute();
}

/** Another community already uses this name, whatever its case. */
export async function nameTaken(db: Db, nameKey: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('communities').select('id').where('name_key', '=', nameKey);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** How many words of a description the directory indexes: the start says what it is about. */
const DESCRIPTION_TERMS = 60;

/** The words the directory finds a community by: its name's and its description's. */
export async function replaceCommunityTerms(
  trx: Db,
  id: number,
  texts: { name: string; description: string },
): Promise<void> {
  await trx.deleteFrom('community_terms').where('community_id', '=', id).execute();
  const terms = [
    ...new Set([...termsOf(texts.name), ...termsOf(texts.description).slice(0, DESCRIPTION_TERMS)]),
  ];
  if (terms.length === 0) return;
  await trx
    .insertInto('community_terms')
    .values(terms.map((term) => ({ term, community_id: id })))
    .execute();
}

type CommunityQuery = SelectQueryBuilder<Tables, 'communities', CommunityRow>;

/**
 * The SQL form of canSee({kind: 'community'}): admins know every community; staff the
 * public and private ones; everyone the ones they belong to, asked to join or were
 * invited to. visibility tests check that the two agree.
 */
export function visibleCommunitySql(scope: AccountScope, viewerId: number) {
  const placed = sql<boolean>`exists (select 1 from community_members vm
    where vm.community_id = communities.id and vm.account_id = ${viewerId})`;
  if (scope === 'all') return sql<boolean>`1 = 1`;
  if (scope === 'self') return placed;
  return sql<boolean>`(communities.privacy <> 'secret' or ${placed})`;
}

export interface DirectoryFilter {
  scope: AccountScope;
  viewerId: number;
  q?: string | undefined;
  /** Only the communities where the viewer has this place. */
  membership?: MembershipState | undefined;
}

function directoryQuery(db: Db, filter: DirectoryFilter): CommunityQuery {
  let query = db
    .selectFrom('communities')
    .selectAll('communities')
    .where(visibleCommunitySql(filter.scope, filter.viewerId));
  // Every word of `q` must start a word of the name or description: an index range each.
  for (const word of termsOf(filter.q ?? '').slice(0, 5)) {
    query = query.where(
      'communities.id',
      'in',
      db
        .selectFrom('community_terms')
        .select('community_id')
        .where('term', '>=', word)
        .where('term', '<', prefixEnd(word)),
    );
  }
  if (filter.membership) {
    const state = filter.membership;
    query = query.where(
      'communities.id',
      'in',
      db
        .selectFrom('community_members')
        .select('community_id')
        .where('account_id', '=', filter.viewerId)
        .where('state', '=', state),
    );
  }
  return query;
}

/**
 * Where a directory page starts: after the community with this last activity and id.
 * Communities nobody has posted in yet (no last activity) come last, newest first; their
 * cursor carries 0 as the activity (real times are all later).
 */
export type DirectoryCursor = [lastStatusAt: number, id: number];

/**
 * The directory, most recently active first (index communities_activity, on both
 * databases: the active ones by a backward range scan, then the silent ones by id), so a
 * page is a keyset range whatever NULLs sort like in each database.
 */
export async function listDirectory(
  db: Db,
  filter: DirectoryFilter,
  after: DirectoryCursor | undefined,
  limit: number,
): Promise<CommunityRow[]> {
  const rows: CommunityRow[] = [];
  if (!after || after[0] > 0) {
    let active = directoryQuery(db, filter).where('communities.last_status_at', 'is not', null);
    if (after) {
      const [at, id] = after;
      active = active.where((eb) =>
        eb.or([
          eb('communities.last_status_at', '<', at),
          eb.and([eb('communities.last_status_at', '=', at), eb('communities.id', '<', id)]),
        ]),
      );
    }
    rows.push(
      ...(await active
        .orderBy('communities.last_status_at', 'desc')
        .orderBy('communities.id', 'desc')
        .limit(limit)
        .execute()),
    );
  }
  if (rows.length < limit) {
    let silent = directoryQuery(db, filter).where('communities.last_status_at', 'is', null);
    if (after && after[0] === 0) silent = silent.where('communities.id', '<', after[1]);
    rows.push(
      ...(await silent
        .orderBy('communities.id', 'desc')
        .limit(limit - rows.length)
        .execute()),
    );
  }
  return rows;
}

export function directoryCursorOf(row: CommunityRow): DirectoryCursor {
  return [row.last_status_at ?? 0, row.id];
}

/** An upload that became a cover: its row goes, the community now holds its file. */
export async function releaseUpload(trx: Db, mediaId: number): Promise<void> {
  await trx.deleteFrom('media_attachments').where('id', '=', mediaId).execute();
}
