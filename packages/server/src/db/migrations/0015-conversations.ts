import type { Kysely } from 'kysely';
import { int64 } from '../dialect';

/**
 * Mastodon's conversations: each participant's view of a thread of direct statuses (who
 * else is in it, its newest status, whether they have read it). Written with the status,
 * in its transaction; a participant who removes one gets it back with the next status.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  await db.schema
    .createTable('account_conversations')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // The thread's root status id: no foreign key, the root may be deleted while replies stay.
    .addColumn('thread_id', big, (c) => c.notNull())
    /** JSON array of the other participants' ids. */
    .addColumn('participant_ids', 'text', (c) => c.notNull())
    .addColumn('last_status_id', big, (c) => c.notNull())
    .addColumn('unread', 'integer', (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .addUniqueConstraint('account_conversations_thread', ['account_id', 'thread_id'])
    .execute();
  // The list: a participant's conversations, newest status first, paged by that status id.
  await db.schema
    .createIndex('account_conversations_list')
    .on('account_conversations')
    .columns(['account_id', 'last_status_id'])
    .execute();
}
