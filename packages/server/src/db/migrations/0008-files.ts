import { type Kysely, sql } from 'kysely';
import { binaryCollation, dialectOf, int64 } from '../dialect';

/**
 * Community file libraries: files with their versions (the bytes live on disk under
 * RAPPORT_DATA_DIR/files, named by the server), the words of their names for search, and
 * each community's bytes in use, kept in step so the quota check is one read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  const clustered = dialectOf(db) === 'postgres' ? sql`` : sql`without rowid`;

  await db.schema
    .createTable('community_files')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('community_id', big, (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // The current version, copied here so a list needs no join.
    .addColumn('current_version_id', big, (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('size', big, (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('versions_count', 'integer', (c) => c.notNull())
    // The file's owner: who uploaded the first version.
    .addColumn('uploaded_by_id', big, (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  // A community's library, most recently changed first (keyset on updated_at, then id).
  await db.schema
    .createIndex('community_files_recent')
    .on('community_files')
    .columns(['community_id', 'updated_at', 'id'])
    .execute();

  await db.schema
    .createTable('file_versions')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('file_id', big, (c) =>
      c.notNull().references('community_files.id').onDelete('cascade'),
    )
    .addColumn('n', 'integer', (c) => c.notNull())
    // Path under RAPPORT_DATA_DIR/files, made by the server: never the uploaded name.
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('size', big, (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_id', big, (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addUniqueConstraint('file_versions_file_n', ['file_id', 'n'])
    .execute();

  await db.schema
    .createTable('community_file_terms')
    // Byte order, so a prefix range holds exactly the words starting with it (dialect.ts).
    .addColumn('term', 'text', (c) => c.notNull().modifyEnd(binaryCollation(db)))
    .addColumn('file_id', big, (c) =>
      c.notNull().references('community_files.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('community_file_terms_pk', ['term', 'file_id'])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createIndex('community_file_terms_file')
    .on('community_file_terms')
    .column('file_id')
    .execute();

  await db.schema
    .createTable('community_file_usage')
    .addColumn('community_id', big, (c) =>
      c.primaryKey().references('communities.id').onDelete('cascade'),
    )
    .addColumn('bytes', big, (c) => c.notNull().defaultTo(0))
    .addColumn('files_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('community_file_usage').execute();
  await db.schema.dropTable('community_file_terms').execute();
  await db.schema.dropTable('file_versions').execute();
  await db.schema.dropTable('community_files').execute();
}
