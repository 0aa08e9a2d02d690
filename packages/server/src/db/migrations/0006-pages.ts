import { type Kysely, sql } from 'kysely';
import { binaryCollation, dialectOf, int64 } from '../dialect';

/**
 * Knowledge pages: the current version of each page, every revision ever saved, who wrote
 * them (co-authors with their counts), and the words the page search looks up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  const clustered = dialectOf(db) === 'postgres' ? sql`` : sql`without rowid`;

  await db.schema
    .createTable('pages')
    .addColumn('id', big, (c) => c.primaryKey())
    // null: organisation-wide. Deleting a community deletes its pages.
    .addColumn('community_id', big, (c) => c.references('communities.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // Rendered and sanitised once per save, never per read.
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by_id', big, (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('updated_by_id', big, (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  // Lists, newest updated first: everything, and one community's pages.
  await db.schema.createIndex('pages_updated').on('pages').columns(['updated_at', 'id']).execute();
  await db.schema
    .createIndex('pages_community')
    .on('pages')
    .columns(['community_id', 'updated_at', 'id'])
    .execute();

  await db.schema
    .createTable('page_revisions')
    .addColumn('page_id', big, (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_id', big, (c) => c.references('accounts.id').onDelete('set null'))
    // Compared with the revision before, counted once when saved (the history shows them).
    .addColumn('lines_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lines_removed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('page_revisions_pk', ['page_id', 'n'])
    .modifyEnd(clustered)
    .execute();

  // Co-authors, kept in step with page_revisions on every save.
  await db.schema
    .createTable('page_authors')
    .addColumn('page_id', big, (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('revisions_count', 'integer', (c) => c.notNull())
    .addColumn('first_at', big, (c) => c.notNull())
    .addColumn('last_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('page_authors_pk', ['page_id', 'account_id'])
    .modifyEnd(clustered)
    .execute();
  // A person's pages (expertise evidence, analytics).
  await db.schema
    .createIndex('page_authors_account')
    .on('page_authors')
    .columns(['account_id', 'last_at'])
    .execute();

  // Words of each page's title and body, for prefix search (as account_terms).
  await db.schema
    .createTable('page_terms')
    .addColumn('term', 'text', (c) => c.notNull().modifyEnd(binaryCollation(db)))
    .addColumn('page_id', big, (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('page_terms_pk', ['term', 'page_id'])
    .modifyEnd(clustered)
    .execute();
  await db.schema.createIndex('page_terms_page').on('page_terms').column('page_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('page_terms').execute();
  await db.schema.dropTable('page_authors').execute();
  await db.schema.dropTable('page_revisions').execute();
  await db.schema.dropTable('pages').execute();
}
