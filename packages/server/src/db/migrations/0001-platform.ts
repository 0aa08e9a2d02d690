import { type Kysely, sql } from 'kysely';
import { binaryCollation, int64 } from '../dialect';

/** Accounts, OAuth applications, tokens and sessions, invitations, server settings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);

  await db.schema
    .createTable('accounts')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'member', 'guest')`))
    .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('department', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bio_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('avatar_file', 'text')
    .addColumn('avatar_description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('default_privacy', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('default_sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('default_language', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bot', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('discoverable', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('hide_collections', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('indexable', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('suspended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('suspended_at', big)
    .addColumn('invited_by_id', big, (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('invitation_id', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .addColumn('last_sign_in_at', big)
    .execute();
  // The directory: active accounts by name (where suspended = 0 order by sort_name, id).
  await db.schema
    .createIndex('accounts_directory')
    .on('accounts')
    .columns(['suspended', 'sort_name', 'id'])
    .execute();
  await db.schema.createIndex('accounts_role').on('accounts').columns(['role', 'id']).execute();
  await db.schema
    .createIndex('accounts_suspended')
    .on('accounts')
    .columns(['suspended', 'id'])
    .execute();

  await db.schema
    .createTable('account_terms')
    .addColumn('term', 'text', (c) => c.notNull().modifyEnd(binaryCollation(db)))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('account_terms_pk', ['term', 'account_id'])
    .execute();
  await db.schema
    .createIndex('account_terms_account')
    .on('account_terms')
    .column('account_id')
    .execute();

  await db.schema
    .createTable('oauth_applications')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('redirect_uris', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('client_secret_hash', 'text', (c) => c.notNull())
    .addColumn('first_party', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oauth_authorization_codes')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('application_id', big, (c) =>
      c.notNull().references('oauth_applications.id').onDelete('cascade'),
    )
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('code_challenge', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('expires_at', big, (c) => c.notNull())
    .addColumn('used_at', big)
    .execute();

  await db.schema
    .createTable('access_tokens')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('application_id', big, (c) =>
      c.notNull().references('oauth_applications.id').onDelete('cascade'),
    )
    .addColumn('account_id', big, (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session', 'bearer')`))
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('last_used_at', big)
    .addColumn('expires_at', big)
    .addColumn('revoked_at', big)
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('access_tokens_account')
    .on('access_tokens')
    .columns(['account_id', 'id'])
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_by_id', big, (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'member', 'guest')`))
    .addColumn('email', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('max_uses', 'integer')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', big)
    .addColumn('revoked_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('server_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'server_settings',
    'invitations',
    'access_tokens',
    'oauth_authorization_codes',
    'oauth_applications',
    'account_terms',
    'accounts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
