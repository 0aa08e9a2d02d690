import { type Kysely, sql } from 'kysely';
import { binaryCollation, dialectOf, int64 } from '../dialect';

/**
 * Conversations ("chats"): one-to-one and group, their participants with how far each has
 * read, the messages, the words searched within them, and who may start a conversation with
 * whom. Images reach a message the way they reach a status: the upload row points at it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  const clustered = dialectOf(db) === 'postgres' ? sql`` : sql`without rowid`;

  await db.schema
    .createTable('chats')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('direct', 'group')`))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    // "lowId:highId" of a one-to-one conversation while both are in it: starting a
    // conversation with the same person finds it instead of making a second one. Cleared
    // when one of them leaves, so the next start is a fresh conversation.
    .addColumn('direct_key', 'text', (c) => c.unique())
    .addColumn('created_by_id', big, (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('last_message_id', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('chat_members')
    .addColumn('chat_id', big, (c) => c.notNull().references('chats.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // The id of the newest message (or the conversation's own id before any): the list's
    // order, kept per participant so one index serves "my conversations, latest first".
    .addColumn('activity_id', big, (c) => c.notNull())
    .addColumn('last_read_message_id', big)
    // Messages by others after last_read_message_id, kept in step on send and read.
    .addColumn('unread_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('muted', 'integer', (c) => c.notNull().defaultTo(0))
    // UTC day (days since 1970) of the last interactions recorded from this participant.
    .addColumn('interaction_day', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('joined_at', big, (c) => c.notNull())
    .addColumn('left_at', big)
    .addPrimaryKeyConstraint('chat_members_pk', ['chat_id', 'account_id'])
    .modifyEnd(clustered)
    .execute();
  // A person's conversations, latest activity first (keyset on activity_id).
  await db.schema
    .createIndex('chat_members_list')
    .on('chat_members')
    .columns(['account_id', 'activity_id'])
    .where(sql.ref('left_at'), 'is', null)
    .execute();
  // The unread badge: only conversations with something unread and not muted are in it.
  await db.schema
    .createIndex('chat_members_unread')
    .on('chat_members')
    .column('account_id')
    .where(sql<boolean>`left_at is null and muted = 0 and unread_count > 0`)
    .execute();

  await db.schema
    .createTable('chat_messages')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('chat_id', big, (c) => c.notNull().references('chats.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    // `text` rendered once, at write time, through the one sanitiser.
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('chat_messages_chat')
    .on('chat_messages')
    .columns(['chat_id', 'id'])
    .execute();
  // A retried send finds the first one (several null keys are allowed in both databases).
  await db.schema
    .createIndex('chat_messages_idempotency')
    .on('chat_messages')
    .columns(['chat_id', 'account_id', 'idempotency_key'])
    .unique()
    .execute();

  // Words of each message, searched only within the searcher's own conversations.
  await db.schema
    .createTable('chat_message_terms')
    .addColumn('chat_id', big, (c) => c.notNull())
    // Byte order, so a prefix range holds exactly the terms starting with it (0004's note).
    .addColumn('term', 'text', (c) => c.notNull().modifyEnd(binaryCollation(db)))
    .addColumn('message_id', big, (c) =>
      c.notNull().references('chat_messages.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('chat_message_terms_pk', ['chat_id', 'term', 'message_id'])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createIndex('chat_message_terms_message')
    .on('chat_message_terms')
    .column('message_id')
    .execute();

  // Who may start a conversation with a person; one row per person who changed the default.
  await db.schema
    .createTable('message_policies')
    .addColumn('account_id', big, (c) =>
      c.primaryKey().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('policy', 'text', (c) =>
      c.notNull().check(sql`policy in ('anyone', 'following', 'followers', 'nobody')`),
    )
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();

  // An upload taken by a chat message (as status_id for a status). No foreign key: SQLite
  // cannot drop a column that has one (`down`); the chats service detaches nothing.
  await db.schema.alterTable('media_attachments').addColumn('chat_message_id', big).execute();
  await db.schema
    .createIndex('media_attachments_chat_message')
    .on('media_attachments')
    .columns(['chat_message_id', 'position'])
    .where(sql.ref('chat_message_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('media_attachments_chat_message').execute();
  await db.schema.alterTable('media_attachments').dropColumn('chat_message_id').execute();
  await db.schema.dropTable('message_policies').execute();
  await db.schema.dropTable('chat_message_terms').execute();
  await db.schema.dropTable('chat_messages').execute();
  await db.schema.dropTable('chat_members').execute();
  await db.schema.dropTable('chats').execute();
}
