import { type Kysely, sql } from 'kysely';
import { dialectOf, int64 } from '../dialect';

/**
 * Mail: an outbox, so mail a person was promised (a reset link, an invitation, a digest)
 * survives a restart and a failing SMTP server; the digests sent, one row per person and
 * period, so none goes out twice; and password reset tokens, stored as hashes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  const clustered = dialectOf(db) === 'postgres' ? sql`` : sql`without rowid`;

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    // Mail to a person goes with their account; mail to an address (an invitation) has none.
    .addColumn('account_id', big, (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', big, (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('failed_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  // Sent mail is deleted, so this holds what is waiting (and what was given up on, apart).
  await db.schema
    .createIndex('mail_outbox_due')
    .on('mail_outbox')
    .columns(['next_attempt_at', 'id'])
    .where(sql.ref('failed_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('digest_runs')
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // `daily:2026-06-08` or `weekly:2026-06-08` (the Monday), on the person's own calendar.
    .addColumn('period', 'text', (c) => c.notNull())
    // The newest notification the digest covered: the next one starts after it.
    .addColumn('until_id', big)
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_runs_pk', ['account_id', 'period'])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createIndex('digest_runs_created')
    .on('digest_runs')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', big, (c) => c.notNull())
    .addColumn('used_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  // How many links an account was sent lately (the per-address limit).
  await db.schema
    .createIndex('password_resets_account')
    .on('password_resets')
    .columns(['account_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('password_resets').execute();
  await db.schema.dropTable('digest_runs').execute();
  await db.schema.dropTable('mail_outbox').execute();
}
