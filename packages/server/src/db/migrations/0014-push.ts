import { type Kysely, sql } from 'kysely';
import { int64 } from '../dialect';

/**
 * Web Push subscriptions: one per access token (a Mastodon app's token, or a web session),
 * gone with the token. Alerts are a small JSON document so a new alert needs no migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('access_token_id', big, (c) =>
      c.notNull().unique().references('access_tokens.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('mastodon', 'web')`))
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('key_p256dh', 'text', (c) => c.notNull())
    .addColumn('key_auth', 'text', (c) => c.notNull())
    .addColumn('standard', 'integer', (c) => c.notNull())
    .addColumn('alerts', 'text', (c) => c.notNull())
    .addColumn('policy', 'text', (c) =>
      c.notNull().check(sql`policy in ('all', 'followed', 'follower', 'none')`),
    )
    .addColumn('sealed_token', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('push_subscriptions_account')
    .on('push_subscriptions')
    .columns(['account_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('push_subscriptions').execute();
}
