import type { Role, StatusAudience } from '@rapport/schema';
import { type Selectable, sql } from 'kysely';
import { greatest } from '../../db/dialect';
import { newId } from '../../db/ids';
import { preparedByIds } from '../../db/prepared';
import type { Db } from '../../db/tables';
import type { StatusesTable } from '../../db/tables/statuses.table';

export type StatusRow = Selectable<StatusesTable>;

export async function findStatusById(db: Db, id: number): Promise<StatusRow | undefined> {
  return db.selectFrom('statuses').selectAll().where('id', '=', id).executeTakeFirst();
}

export const findStatusesByIds: (db: Db, ids: number[]) => Promise<StatusRow[]> = preparedByIds(
  (db, ids) => db.selectFrom('statuses').selectAll().where('id', 'in', ids),
);

/** What presenting a status needs on every request besides its cached body: counts, who, where. */
export type StatusState = Pick<
  StatusRow,
  | 'id'
  | 'account_id'
  | 'reblog_of_id'
  | 'visibility'
  | 'replies_count'
  | 'reblogs_count'
  | 'favourites_count'
  | 'edited_at'
  | 'card_id'
  | 'application_id'
  | 'community_id'
  | 'kind'
  | 'hidden_at'
  | 'hidden_reason'
>;

export const findStatusStates: (db: Db, ids: number[]) => Promise<StatusState[]> = preparedByIds(
  (db, ids) =>
    db
      .selectFrom('statuses')
      .select([
        'id',
        'account_id',
        'reblog_of_id',
        'visibility',
        'replies_count',
        'reblogs_count',
        'favourites_count',
        'edited_at',
        'card_id',
        'application_id',
        'community_id',
        'kind',
        'hidden_at',
        'hidden_reason',
      ])
      .where('id', 'in', ids),
);

/** Who a stored status reaches, for stream events about it. */
export async function loadAudience(db: Db, status: StatusRow): Promise<StatusAudience> {
  const [mentions, home, tags, community] = await Promise.all([
    db
      .selectFrom('status_mentions')
      .select('account_id')
      .where('status_id', '=', status.id)
      .execute(),
    db.selectFrom('home_feed').select('account_id').where('status_id', '=', status.id).execute(),
    db
      .selectFrom('status_tags')
      .innerJoin('tags', 'tags.id', 'status_tags.tag_id')
      .select('tags.name_key')
      .where('status_tags.status_id', '=', status.id)
      .execute(),
    status.community_id === null
      ? undefined
      : db
          .selectFrom('communities')
          .select(['id', 'privacy'])
          .where('id', '=', status.community_id)
          .executeTakeFirst(),
  ]);
  return {
    status_id: String(status.id),
    account_id: String(status.account_id),
    visibility: status.visibility,
    reblog_of_id: status.reblog_of_id === null ? null : String(status.reblog_of_id),
    mentioned_ids: mentions.map((row) => String(row.account_id)),
    home_ids: home.map((row) => String(row.account_id)),
    tags: tags.map((row) => row.name_key),
    hidden: status.hidden_at !== null,
    community:
      status.community_id === null
        ? null
        : // A community deleted meanwhile is secret to everyone.
          { id: String(status.community_id), privacy: community?.privacy ?? 'secret' },
  };
}

/** Accounts by lower-cased username that may be mentioned: known and not suspended. */
export async function findMentionable(
  db: Db,
  usernameKeys: string[],
): Promise<Array<{ id: number; username: string; username_key: string; role: Role }>> {
  if (usernameKeys.length === 0) return [];
  return db
    .selectFrom('accounts')
    .select(['id', 'username', 'username_key', 'role'])
    .where('username_key', 'in', usernameKeys)
    .where('suspended', '=', 0)
    .execute();
}

/**
 * Saves an edit and returns its time. The time always moves forward, even for two edits in
 * one millisecond: presented statuses are cached by their edit time (`presentStatuses`).
 */
export async function storeEdit(
  db: Db,
  id: number,
  values: Pick<
    StatusRow,
    'text' | 'content' | 'spoiler_text' | 'sensitive' | 'language' | 'card_id'
  >,
  now: number,
): Promise<number> {
  const stored = await db
    .updateTable('statuses')
    .set({
      ...values,
      edited_at: greatest(db, now, sql<number>`coalesce(edited_at, created_at) + 1`),
    })
    .where('id', '=', id)
    .returning('edited_at')
    .executeTakeFirstOrThrow();
  return stored.edited_at as number;
}

/** A new status in a community: its counter and last activity (the directory's order). */
export async function countCommunityStatus(db: Db, communityId: number, at: number) {
  await db
    .updateTable('communities')
    .set((eb) => ({
      statuses_count: eb('statuses_count', '+', 1),
      last_status_at: greatest(db, at, sql<number>`coalesce(last_status_at, 0)`),
    }))
    .where('id', '=', communityId)
    .execute();
}

/** A status posted in a community was deleted: its counter follows (never below zero). */
export async function uncountCommunityStatus(db: Db, communityId: number) {
  await db
    .updateTable('communities')
    .set((eb) => ({ statuses_count: eb('statuses_count', '-', 1) }))
    .where('id', '=', communityId)
    .where('statuses_count', '>', 0)
    .execute();
}

export async function insertStatus(db: Db, row: StatusRow): Promise<void> {
  await db.insertInto('statuses').values(row).execute();
}

export async function replaceMentions(db: Db, statusId: number, accountIds: number[]) {
  await db.deleteFrom('status_mentions').where('status_id', '=', statusId).execute();
  if (accountIds.length === 0) return;
  await db
    .insertInto('status_mentions')
    .values(accountIds.map((account_id) => ({ status_id: statusId, account_id })))
    .execute();
}

/** Links a status to its hashtags, creating the tags that are new. */
export async function replaceTags(db: Db, statusId: number, names: string[], now: number) {
  await db.deleteFrom('status_tags').where('status_id', '=', statusId).execute();
  if (names.length === 0) return;
  const keys = names.map((name) => name.toLowerCase());
  await db
    .insertInto('tags')
    .values(
      names.map((name, i) => ({
        id: newId(),
        name,
        name_key: keys[i] as string,
        created_at: now,
        last_status_at: now,
      })),
    )
    .onConflict((oc) => oc.column('name_key').doUpdateSet({ last_status_at: now }))
    .execute();
  const tags = await db.selectFrom('tags').select('id').where('name_key', 'in', keys).execute();
  await db
    .insertInto('status_tags')
    .values(tags.map((tag) => ({ tag_id: tag.id, status_id: statusId })))
    .execute();
}

/**
 * Who gets a status in their home feed: its author, the followers who may see it, and
 * for a direct status the people it mentions. A reply to someone else reaches only the
 * followers who also follow that person (as Mastodon does), so home feeds are not full
 * of halves of conversations. A boost skips followers who turned boosts off.
 */
export async function homeRecipients(
  db: Db,
  status: Pick<
    StatusRow,
    | 'account_id'
    | 'visibility'
    | 'in_reply_to_id'
    | 'in_reply_to_account_id'
    | 'reblog_of_id'
    | 'community_id'
  >,
  mentionedIds: number[],
): Promise<number[]> {
  const recipients = new Set<number>([status.account_id]);
  const community =
    status.community_id === null ? null : await communityAudience(db, status.community_id);
  // Outside a public community's members, nobody may read a community's content.
  const reaches = (id: number) =>
    community === null || community.privacy === 'public' || community.members.has(id);
  if (status.visibility === 'direct') {
    for (const id of mentionedIds) if (reaches(id)) recipients.add(id);
    return [...recipients];
  }
  // A new conversation in a community reaches every member's home, whoever they follow.
  const opensConversation =
    status.in_reply_to_id === null &&
    status.reblog_of_id === null &&
    status.visibility !== 'private';
  if (community && opensConversation) for (const id of community.members) recipients.add(id);
  let followers = db
    .selectFrom('follows')
    .select('follows.account_id')
    .where('follows.target_account_id', '=', status.account_id);
  if (status.reblog_of_id !== null) followers = followers.where('follows.show_reblogs', '=', 1);
  const repliedTo = status.in_reply_to_account_id;
  if (repliedTo !== null && repliedTo !== status.account_id) {
    followers = followers.where((eb) =>
      eb.or([
        eb('follows.account_id', '=', repliedTo),
        eb.exists(
          eb
            .selectFrom('follows as also')
            .select('also.id')
            .whereRef('also.account_id', '=', 'follows.account_id')
            .where('also.target_account_id', '=', repliedTo),
        ),
      ]),
    );
  }
  for (const row of await followers.execute()) {
    if (reaches(row.account_id)) recipients.add(row.account_id);
  }
  return [...recipients];
}

async function communityAudience(db: Db, communityId: number) {
  const [community, members] = await Promise.all([
    db.selectFrom('communities').select('privacy').where('id', '=', communityId).executeTakeFirst(),
    db
      .selectFrom('community_members')
      .select('account_id')
      .where('community_id', '=', communityId)
      .where('state', '=', 'member')
      .execute(),
  ]);
  return {
    // A community deleted meanwhile reaches nobody but the author.
    privacy: community?.privacy ?? 'secret',
    members: new Set(members.map((row) => row.account_id)),
  };
}

/** A home feed keeps this many newest entries; older pages are read from the follow graph. */
export const HOME_FEED_LENGTH = 800;

export async function addToHomeFeeds(db: Db, statusId: number, accountIds: number[]) {
  for (let i = 0; i < accountIds.length; i += 500) {
    await db
      .insertInto('home_feed')
      .values(
        accountIds.slice(i, i + 500).map((account_id) => ({ account_id, status_id: statusId })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  // Trimming every feed on every insert would double the cost of posting; trimming one
  // in fifty keeps each feed within a few dozen entries of its length, on average.
  for (const accountId of accountIds) {
    if (Math.random() < 1 / 50) await trimHomeFeed(db, accountId);
  }
}

export async function trimHomeFeed(db: Db, accountId: number) {
  const edge = await db
    .selectFrom('home_feed')
    .select('status_id')
    .where('account_id', '=', accountId)
    .orderBy('status_id', 'desc')
    .offset(HOME_FEED_LENGTH)
    .limit(1)
    .executeTakeFirst();
  if (!edge) return;
  await db
    .deleteFrom('home_feed')
    .where('account_id', '=', accountId)
    .where('status_id', '<=', edge.status_id)
    .execute();
}

/** Adds or takes one from a counter; counters never go below zero. */
export async function bumpCounter(
  db: Db,
  table: 'statuses' | 'accounts' | 'communities',
  column: 'replies_count' | 'reblogs_count' | 'favourites_count' | 'statuses_count',
  id: number,
  by: 1 | -1,
) {
  let query = db
    .updateTable(table as 'statuses')
    .set({ [column]: sql`${sql.ref(column)} + ${by}` } as never)
    .where('id', '=', id);
  if (by < 0) query = query.where(sql.ref(column), '>', 0);
  await query.execute();
}
