import type { Kysely } from 'kysely';
import { int64 } from '../dialect';

/**
 * Organisation analytics: the days each person was active (so "observers" who read but
 * never write can be told from the inactive), the people counted only in organisation
 * totals, the response targets, an index that reads page revisions by time, and one that
 * reads each person's statuses of a period with every column participation needs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  await db.schema
    .createTable('account_activity_days')
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('day', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_activity_days_pk', ['account_id', 'day'])
    .execute();
  await db.schema
    .createIndex('account_activity_days_day')
    .on('account_activity_days')
    .columns(['day', 'account_id'])
    .execute();
  await db.schema
    .createTable('analytics_opt_outs')
    .addColumn('account_id', big, (c) =>
      c.primaryKey().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('analytics_targets')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('answer_within_hours', 'integer', (c) => c.notNull())
    .addColumn('answered_percent', 'integer', (c) => c.notNull())
    .addColumn('updated_by_id', big, (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('page_revisions_created')
    .on('page_revisions')
    .columns(['created_at'])
    .execute();
  // Participation groups a period's statuses by person and week: read in (person, time)
  // order from an index holding all it looks at, SQLite groups them presorted and never
  // touches the wide status rows (about 40 bytes a status; a year of 1,000,000 statuses
  // is grouped in half the time).
  await db.schema
    .createIndex('statuses_analytics')
    .on('statuses')
    .columns(['account_id', 'id', 'reblog_of_id', 'visibility', 'in_reply_to_account_id'])
    .execute();
  // Silos read a period of the ledger by when acts happened (imported history is minted
  // ids long after the act, so ids do not bound it), holding all they count: without it
  // SQLite walks a million-row ledger through the per-person index to group by pair.
  await db.schema
    .createIndex('interactions_period')
    .on('interactions')
    .columns(['created_at', 'actor_id', 'target_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('interactions_period').execute();
  await db.schema.dropIndex('statuses_analytics').execute();
  await db.schema.dropIndex('page_revisions_created').execute();
  await db.schema.dropTable('analytics_targets').execute();
  await db.schema.dropTable('analytics_opt_outs').execute();
  await db.schema.dropTable('account_activity_days').execute();
}
