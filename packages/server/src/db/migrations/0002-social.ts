import { type Kysely, sql } from 'kysely';
import { dialectOf, int64 } from '../dialect';

/**
 * The social core: statuses and what hangs off them (mentions, tags, media, polls, edits,
 * cards), reactions, the follow graph with blocks and mutes, home feeds, notifications,
 * markers, idempotency keys and the status search index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  const postgres = dialectOf(db) === 'postgres';
  // Tables whose primary key is the whole row are stored as the index itself in SQLite.
  const clustered = postgres ? sql`` : sql`without rowid`;

  for (const column of ['statuses_count', 'followers_count', 'following_count']) {
    await db.schema
      .alterTable('accounts')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await db.schema.alterTable('accounts').addColumn('last_status_at', big).execute();

  await db.schema
    .createTable('preview_cards')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending', 'ready', 'failed')`),
    )
    .addColumn('type', 'text', (c) => c.notNull().defaultTo('link'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('provider_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_file', 'text')
    .addColumn('image_description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('width', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('height', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('fetched_at', big)
    .execute();

  await db.schema
    .createTable('statuses')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // The root of the thread this status belongs to (its own id for a root): a thread is
    // read with one index range, whatever its depth.
    .addColumn('thread_id', big, (c) => c.notNull())
    .addColumn('in_reply_to_id', big, (c) => c.references('statuses.id').onDelete('set null'))
    .addColumn('in_reply_to_account_id', big)
    .addColumn('reblog_of_id', big, (c) => c.references('statuses.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) =>
      c.notNull().check(sql`visibility in ('public', 'unlisted', 'private', 'direct')`),
    )
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('spoiler_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('language', 'text')
    .addColumn('application_id', big, (c) =>
      c.references('oauth_applications.id').onDelete('set null'),
    )
    .addColumn('card_id', big, (c) => c.references('preview_cards.id').onDelete('set null'))
    .addColumn('replies_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reblogs_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('favourites_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('edited_at', big)
    .execute();
  await db.schema
    .createIndex('statuses_account')
    .on('statuses')
    .columns(['account_id', 'id'])
    .execute();
  await db.schema
    .createIndex('statuses_thread')
    .on('statuses')
    .columns(['thread_id', 'id'])
    .execute();
  await db.schema.createIndex('statuses_reply').on('statuses').column('in_reply_to_id').execute();
  // One boost per person per status.
  await db.schema
    .createIndex('statuses_reblog')
    .on('statuses')
    .columns(['reblog_of_id', 'account_id'])
    .unique()
    .where(sql.ref('reblog_of_id'), 'is not', null)
    .execute();
  // The organisation timeline: original public statuses, newest first.
  await db.schema
    .createIndex('statuses_public')
    .on('statuses')
    .column('id')
    .where(sql<boolean>`visibility = 'public' and reblog_of_id is null`)
    .execute();

  await db.schema
    .createTable('status_mentions')
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('status_mentions_pk', ['status_id', 'account_id'])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createIndex('status_mentions_account')
    .on('status_mentions')
    .columns(['account_id', 'status_id'])
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('last_status_at', big)
    .execute();
  await db.schema
    .createTable('status_tags')
    .addColumn('tag_id', big, (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('status_tags_pk', ['tag_id', 'status_id'])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createIndex('status_tags_status')
    .on('status_tags')
    .columns(['status_id', 'tag_id'])
    .execute();

  await db.schema
    .createTable('media_attachments')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // Null until a status takes it; unattached uploads are cleaned up after a day.
    .addColumn('status_id', big, (c) => c.references('statuses.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('preview_file', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('preview_width', 'integer', (c) => c.notNull())
    .addColumn('preview_height', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('focus_x', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('focus_y', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('blurhash', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('media_attachments_status')
    .on('media_attachments')
    .columns(['status_id', 'position'])
    .execute();
  await db.schema
    .createIndex('media_attachments_account')
    .on('media_attachments')
    .columns(['account_id', 'id'])
    .execute();

  await db.schema
    .createTable('polls')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('status_id', big, (c) =>
      c.notNull().unique().references('statuses.id').onDelete('cascade'),
    )
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    /** JSON array of option titles. */
    .addColumn('options', 'text', (c) => c.notNull())
    /** JSON array of vote counts, one per option. */
    .addColumn('option_votes', 'text', (c) => c.notNull())
    .addColumn('votes_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('voters_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('multiple', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hide_totals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', big, (c) => c.notNull())
    // Set once the "poll ended" notifications went out.
    .addColumn('closed_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('polls_open')
    .on('polls')
    .columns(['expires_at', 'id'])
    .where(sql.ref('closed_at'), 'is', null)
    .execute();
  await db.schema
    .createTable('poll_votes')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('poll_id', big, (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('choice', 'integer', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addUniqueConstraint('poll_votes_unique', ['poll_id', 'account_id', 'choice'])
    .execute();

  await db.schema
    .createTable('status_edits')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('spoiler_text', 'text', (c) => c.notNull())
    .addColumn('sensitive', 'integer', (c) => c.notNull())
    /** JSON: [{id, description}] of the attachments this revision showed. */
    .addColumn('media', 'text', (c) => c.notNull().defaultTo('[]'))
    /** JSON array of poll option titles, or null. */
    .addColumn('poll_options', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('status_edits_status')
    .on('status_edits')
    .columns(['status_id', 'id'])
    .execute();

  for (const table of ['favourites', 'bookmarks']) {
    await db.schema
      .createTable(table)
      .addColumn('id', big, (c) => c.primaryKey())
      .addColumn('account_id', big, (c) =>
        c.notNull().references('accounts.id').onDelete('cascade'),
      )
      .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addUniqueConstraint(`${table}_unique`, ['account_id', 'status_id'])
      .execute();
    await db.schema
      .createIndex(`${table}_account`)
      .on(table)
      .columns(['account_id', 'id'])
      .execute();
    await db.schema.createIndex(`${table}_status`).on(table).columns(['status_id', 'id']).execute();
  }

  for (const table of ['follows', 'blocks', 'mutes']) {
    await db.schema
      .createTable(table)
      .addColumn('id', big, (c) => c.primaryKey())
      .addColumn('account_id', big, (c) =>
        c.notNull().references('accounts.id').onDelete('cascade'),
      )
      .addColumn('target_account_id', big, (c) =>
        c.notNull().references('accounts.id').onDelete('cascade'),
      )
      .$call((t) =>
        table === 'follows'
          ? t
              .addColumn('show_reblogs', 'integer', (c) => c.notNull().defaultTo(1))
              .addColumn('notify', 'integer', (c) => c.notNull().defaultTo(0))
          : table === 'mutes'
            ? t
                .addColumn('hide_notifications', 'integer', (c) => c.notNull().defaultTo(1))
                .addColumn('expires_at', big)
            : t,
      )
      .addColumn('created_at', big, (c) => c.notNull())
      .addUniqueConstraint(`${table}_unique`, ['account_id', 'target_account_id'])
      .execute();
    await db.schema
      .createIndex(`${table}_account`)
      .on(table)
      .columns(['account_id', 'id'])
      .execute();
    await db.schema
      .createIndex(`${table}_target`)
      .on(table)
      .columns(['target_account_id', 'id'])
      .execute();
  }

  // Fan-out on write: each status is added to the home feed of everyone who follows its
  // author (and of its author) when it is posted, so reading a home timeline is one index
  // range. Feeds are trimmed to their newest entries; older pages are read from the graph.
  await db.schema
    .createTable('home_feed')
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('home_feed_pk', ['account_id', 'status_id'])
    .modifyEnd(clustered)
    .execute();
  await db.schema.createIndex('home_feed_status').on('home_feed').column('status_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('from_account_id', big, (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('status_id', big, (c) => c.references('statuses.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notifications_account')
    .on('notifications')
    .columns(['account_id', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_status')
    .on('notifications')
    .column('status_id')
    .execute();

  await db.schema
    .createTable('markers')
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('timeline', 'text', (c) => c.notNull())
    .addColumn('last_read_id', big, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('markers_pk', ['account_id', 'timeline'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'key'])
    .execute();

  // Full-text search over status text, newest first. SQLite: a contentless FTS5 table whose
  // rowid is the status id. PostgreSQL: a tsvector per status with a GIN index.
  if (postgres) {
    await db.schema
      .createTable('status_search')
      .addColumn('status_id', big, (c) =>
        c.primaryKey().references('statuses.id').onDelete('cascade'),
      )
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index status_search_document on status_search using gin (document)`.execute(
      db,
    );
  } else {
    await sql`create virtual table status_search using fts5(
      body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'status_search',
    'idempotency_keys',
    'markers',
    'notifications',
    'home_feed',
    'mutes',
    'blocks',
    'follows',
    'bookmarks',
    'favourites',
    'status_edits',
    'poll_votes',
    'polls',
    'media_attachments',
    'status_tags',
    'tags',
    'status_mentions',
    'statuses',
    'preview_cards',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['statuses_count', 'followers_count', 'following_count', 'last_status_at']) {
    await db.schema.alterTable('accounts').dropColumn(column).execute();
  }
}
