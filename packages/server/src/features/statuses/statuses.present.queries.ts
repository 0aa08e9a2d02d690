import { sql } from 'kysely';
import { prepared, preparedByIds } from '../../db/prepared';
import type { Db } from '../../db/tables';

/** Who each status mentions, with their usernames (index status_mentions primary key). */
export const findMentionsOfStatuses = preparedByIds((db, ids) =>
  db
    .selectFrom('status_mentions')
    .innerJoin('accounts', 'accounts.id', 'status_mentions.account_id')
    .select(['status_mentions.status_id', 'status_mentions.account_id', 'accounts.username'])
    .where('status_mentions.status_id', 'in', ids),
);

export const findTagsOfStatuses = preparedByIds((db, ids) =>
  db
    .selectFrom('status_tags')
    .innerJoin('tags', 'tags.id', 'status_tags.tag_id')
    .select(['status_tags.status_id', 'tags.name'])
    .where('status_tags.status_id', 'in', ids),
);

export const findApplicationsByIds = preparedByIds((db, ids) =>
  db.selectFrom('oauth_applications').select(['id', 'name', 'website']).where('id', 'in', ids),
);

const marksQuery = prepared((db, viewerId: number, ids: number[]) =>
  db
    .selectFrom('favourites')
    .select([sql<string>`'f'`.as('kind'), 'status_id'])
    .where('account_id', '=', viewerId)
    .where('status_id', 'in', ids)
    .unionAll(
      db
        .selectFrom('bookmarks')
        .select([sql<string>`'b'`.as('kind'), 'status_id'])
        .where('account_id', '=', viewerId)
        .where('status_id', 'in', ids),
    )
    .unionAll(
      db
        .selectFrom('statuses')
        .select([sql<string>`'r'`.as('kind'), 'reblog_of_id as status_id'])
        .where('account_id', '=', viewerId)
        .where('reblog_of_id', 'in', ids)
        .$narrowType<{ status_id: number }>(),
    ),
);

export interface ViewerMarks {
  favourited: Set<number>;
  bookmarked: Set<number>;
  reblogged: Set<number>;
}

/** Which of these statuses the viewer favourited, bookmarked and boosted, in one query. */
export async function findViewerMarks(
  db: Db,
  viewerId: number,
  ids: number[],
): Promise<ViewerMarks> {
  const marks: ViewerMarks = { favourited: new Set(), bookmarked: new Set(), reblogged: new Set() };
  if (ids.length === 0) return marks;
  for (const row of await marksQuery(db, viewerId, ids)) {
    const set =
      row.kind === 'f' ? marks.favourited : row.kind === 'b' ? marks.bookmarked : marks.reblogged;
    set.add(row.status_id as number);
  }
  return marks;
}
