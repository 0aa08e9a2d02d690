import { type Kysely, sql } from 'kysely';
import { dialectOf, int64 } from '../dialect';

/**
 * Communities (groups with a privacy and roles), the statuses posted in them and their
 * pins, the words their directory searches, and the interaction ledger: every act between
 * two people, for the relationship model.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  const postgres = dialectOf(db) === 'postgres';
  const clustered = postgres ? sql`` : sql`without rowid`;

  await db.schema
    .createTable('communities')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-cased name: two communities may not share a name, whatever its case.
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('privacy', 'text', (c) =>
      c.notNull().check(sql`privacy in ('public', 'private', 'secret')`),
    )
    .addColumn('cover_file', 'text')
    .addColumn('cover_description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by_id', big, (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('members_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('statuses_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_status_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  // The directory, most active first (keyset on last activity, then id).
  await db.schema
    .createIndex('communities_activity')
    .on('communities')
    .columns(['last_status_at', 'id'])
    .execute();

  await db.schema
    .createTable('community_members')
    .addColumn('community_id', big, (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('owner', 'moderator', 'member')`),
    )
    // `requested`: asked to join a private community; `invited`: asked in by a member.
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('member', 'requested', 'invited')`),
    )
    .addColumn('invited_by_id', big, (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('community_members_pk', ['community_id', 'account_id'])
    .modifyEnd(clustered)
    .execute();
  // A person's communities; and each community's members, requests and invitations.
  await db.schema
    .createIndex('community_members_account')
    .on('community_members')
    .columns(['account_id', 'state', 'community_id'])
    .execute();
  await db.schema
    .createIndex('community_members_state')
    .on('community_members')
    .columns(['community_id', 'state', 'account_id'])
    .execute();

  await db.schema
    .createTable('community_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('community_id', big, (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('community_terms_pk', ['term', 'community_id'])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createIndex('community_terms_community')
    .on('community_terms')
    .column('community_id')
    .execute();

  // A status posted in a community, and whether it asks a question. No foreign key: SQLite
  // cannot drop a column that has one (`down`); deleting a community deletes its statuses.
  await db.schema.alterTable('statuses').addColumn('community_id', big).execute();
  await db.schema
    .alterTable('statuses')
    .addColumn('kind', 'text', (c) =>
      c.notNull().defaultTo('status').check(sql`kind in ('status', 'question')`),
    )
    .execute();
  await db.schema
    .createIndex('statuses_community')
    .on('statuses')
    .columns(['community_id', 'id'])
    .where(sql.ref('community_id'), 'is not', null)
    .execute();

  // What a notification is about when it is not a status (a community, a page, an event):
  // its title and web path are kept as they were, and its community decides who still
  // may see the notification.
  for (const column of ['subject_type', 'subject_title', 'subject_path'] as const) {
    await db.schema.alterTable('notifications').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('notifications').addColumn('subject_id', big).execute();
  await db.schema.alterTable('notifications').addColumn('community_id', big).execute();

  await db.schema
    .createTable('community_pins')
    .addColumn('community_id', big, (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('pinned_by_id', big, (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('community_pins_pk', ['community_id', 'status_id'])
    .modifyEnd(clustered)
    .execute();

  await db.schema
    .createTable('interactions')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('target_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // What the act was about (a status, a page, an event...), to explain it later.
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', big, (c) => c.notNull())
    .addColumn('community_id', big, (c) => c.references('communities.id').onDelete('set null'))
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interactions_actor')
    .on('interactions')
    .columns(['actor_id', 'target_id', 'id'])
    .execute();
  await db.schema
    .createIndex('interactions_target')
    .on('interactions')
    .columns(['target_id', 'actor_id', 'id'])
    .execute();
  await db.schema
    .createIndex('interactions_subject')
    .on('interactions')
    .columns(['subject_type', 'subject_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('interactions').execute();
  await db.schema.dropTable('community_pins').execute();
  for (const column of [
    'subject_type',
    'subject_title',
    'subject_path',
    'subject_id',
    'community_id',
  ]) {
    await db.schema.alterTable('notifications').dropColumn(column).execute();
  }
  await db.schema.dropIndex('statuses_community').execute();
  await db.schema.alterTable('statuses').dropColumn('kind').execute();
  await db.schema.alterTable('statuses').dropColumn('community_id').execute();
  await db.schema.dropTable('community_terms').execute();
  await db.schema.dropTable('community_members').execute();
  await db.schema.dropTable('communities').execute();
}
