import { type Kysely, sql } from 'kysely';
import { dialectOf, int64 } from '../dialect';

/**
 * Reports and the moderation queue: who reported whom, about which statuses (kept as they
 * were when reported, since a removal deletes them), and what a moderator did and why.
 * Statuses can be hidden by moderators: only their author still sees them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  const clustered = dialectOf(db) === 'postgres' ? sql`` : sql`without rowid`;

  await db.schema
    .createTable('reports')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('target_account_id', big, (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('spam', 'legal', 'violation', 'other')`),
    )
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    // Reports about statuses of one community go to its moderators as well as the admins.
    .addColumn('community_id', big, (c) => c.references('communities.id').onDelete('set null'))
    .addColumn('action', 'text', (c) =>
      c.check(sql`action in ('hide', 'remove', 'dismiss', 'suspend')`),
    )
    .addColumn('action_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('action_taken_by_id', big, (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('action_taken_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  // The queue: open reports first, each list a keyset range.
  await db.schema
    .createIndex('reports_queue')
    .on('reports')
    .columns(['action_taken_at', 'id'])
    .execute();
  await db.schema
    .createIndex('reports_community')
    .on('reports')
    .columns(['community_id', 'id'])
    .execute();
  await db.schema
    .createIndex('reports_target')
    .on('reports')
    .columns(['target_account_id', 'id'])
    .execute();

  await db.schema
    .createTable('report_statuses')
    .addColumn('report_id', big, (c) => c.notNull().references('reports.id').onDelete('cascade'))
    // No foreign key: the status may be removed; its content is kept here as reported.
    .addColumn('status_id', big, (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('spoiler_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('report_statuses_pk', ['report_id', 'status_id'])
    .modifyEnd(clustered)
    .execute();

  await db.schema.alterTable('statuses').addColumn('hidden_at', big).execute();
  await db.schema.alterTable('statuses').addColumn('hidden_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('statuses').dropColumn('hidden_reason').execute();
  await db.schema.alterTable('statuses').dropColumn('hidden_at').execute();
  await db.schema.dropTable('report_statuses').execute();
  await db.schema.dropTable('reports').execute();
}
