import type { Kysely } from 'kysely';
import { int64 } from '../dialect';

/**
 * What each person wants to be told, and how: one row per person who changed anything
 * (everyone else has the defaults). The choices are a small JSON document validated by the
 * schema on the way in and out, so adding a notification type needs no migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  await db.schema
    .createTable('notification_preferences')
    .addColumn('account_id', big, (c) =>
      c.primaryKey().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_preferences').execute();
}
