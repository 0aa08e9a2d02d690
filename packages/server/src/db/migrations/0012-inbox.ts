import { type Kysely, sql } from 'kysely';
import { dialectOf, int64 } from '../dialect';

/**
 * Grouped notifications and the blended inbox.
 *
 * - `notifications.group_key`: favourites, boosts and follows of one target close in time
 *   share a key (Mastodon's API v2 groups); the group's members are one index range.
 * - `notifications.inbox_kind`: what a mention is in the inbox (a mention, a reply to one of
 *   the reader's statuses, an answer to one of their questions), written once, so each
 *   inbox filter and the unread count walk an index of mentions alone.
 * - `notification_reads`: notifications newer than the notifications marker that their
 *   reader opened one by one; the marker moves over them once everything older is read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  const clustered = dialectOf(db) === 'postgres' ? sql`` : sql`without rowid`;

  await db.schema.alterTable('notifications').addColumn('group_key', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('inbox_kind', 'text').execute();

  // Existing notifications get keys by twelve-hour window, the longest a new group spans.
  await sql`update notifications
    set group_key = type || '-' || coalesce(cast(status_id as text), '') || '-' ||
      cast(created_at / 3600000 - (created_at / 3600000) % 12 as text)
    where type in ('favourite', 'reblog', 'follow')`.execute(db);
  await sql`update notifications set inbox_kind = case
      when exists (select 1 from statuses s join statuses p on p.id = s.in_reply_to_id
        where s.id = notifications.status_id and p.account_id = notifications.account_id
        and p.kind = 'question') then 'answer'
      when exists (select 1 from statuses s where s.id = notifications.status_id
        and s.in_reply_to_account_id = notifications.account_id) then 'reply'
      else 'mention' end
    where type = 'mention'`.execute(db);

  await db.schema
    .createIndex('notifications_group')
    .on('notifications')
    .columns(['account_id', 'group_key', 'id'])
    .where(sql.ref('group_key'), 'is not', null)
    .execute();
  // The inbox's "all" and "unread" lists and its unread count.
  await db.schema
    .createIndex('notifications_inbox')
    .on('notifications')
    .columns(['account_id', 'id'])
    .where(sql.ref('inbox_kind'), 'is not', null)
    .execute();
  // Its "mentions", "replies" and "answers" lists.
  await db.schema
    .createIndex('notifications_inbox_kind')
    .on('notifications')
    .columns(['account_id', 'inbox_kind', 'id'])
    .where(sql.ref('inbox_kind'), 'is not', null)
    .execute();

  await db.schema
    .createTable('notification_reads')
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('notification_id', big, (c) =>
      c.notNull().references('notifications.id').onDelete('cascade'),
    )
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_reads_pk', ['account_id', 'notification_id'])
    .modifyEnd(clustered)
    .execute();
  // A dismissed notification takes its read with it (the cascade looks reads up by it).
  await db.schema
    .createIndex('notification_reads_notification')
    .on('notification_reads')
    .column('notification_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_reads').execute();
  await db.schema.dropIndex('notifications_inbox_kind').execute();
  await db.schema.dropIndex('notifications_inbox').execute();
  await db.schema.dropIndex('notifications_group').execute();
  await db.schema.alterTable('notifications').dropColumn('inbox_kind').execute();
  await db.schema.alterTable('notifications').dropColumn('group_key').execute();
}
