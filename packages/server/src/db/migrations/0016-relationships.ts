import { type Kysely, sql } from 'kysely';
import { int64 } from '../dialect';

/**
 * The relationship model (DESIGN.md section 3): the ledger learns where each act happened
 * (`context`) and, for imported history, a key that makes importing the same line twice
 * harmless; tallies sum the ledger per direction, kind and context; each person keeps one
 * private row per person they have crossed paths with; introductions; opt-outs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  await db.schema.alterTable('interactions').addColumn('context', 'text').execute();
  await db.schema.alterTable('interactions').addColumn('import_key', 'text').execute();
  await sql`update interactions set context = case
      when subject_type in ('page', 'event', 'file', 'chat') then subject_type || ':' || subject_id
      when community_id is not null then 'community:' || community_id
      else 'timeline' end`.execute(db);
  await db.schema
    .createIndex('interactions_import_key')
    .unique()
    .on('interactions')
    .column('import_key')
    .execute();

  // One row per (actor, target, kind, context): what the evidence and the stage read.
  await db.schema
    .createTable('interaction_tallies')
    .addColumn('actor_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('target_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('first_at', big, (c) => c.notNull())
    .addColumn('last_at', big, (c) => c.notNull())
    // Sum of weight * 2^(days since 2020 / half-life): strength without rewriting rows as time passes.
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('interaction_tallies_pk', ['actor_id', 'target_id', 'kind', 'context'])
    .execute();
  await db.schema
    .createIndex('interaction_tallies_target')
    .on('interaction_tallies')
    .columns(['target_id', 'actor_id'])
    .execute();

  // Each person's view of each other person: two rows per pair, the private fields on each.
  await db.schema
    .createTable('relationships')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('owner_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('other_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    // 1 when the stage was declared by both (trusted or close marks): declared stages never fade.
    .addColumn('declared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('reciprocated', 'integer', (c) => c.notNull())
    .addColumn('first_interaction_at', big)
    .addColumn('last_interaction_at', big)
    .addColumn('last_substantive_at', big)
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('remind_every_days', 'integer')
    .addColumn('mark_trusted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mark_close', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', big, (c) => c.notNull())
    .addUniqueConstraint('relationships_pair', ['owner_id', 'other_id'])
    .execute();
  // My network: strongest first, paged by (score, id); and by stage.
  await db.schema
    .createIndex('relationships_by_strength')
    .on('relationships')
    .columns(['owner_id', 'score', 'id'])
    .execute();
  await db.schema
    .createIndex('relationships_by_stage')
    .on('relationships')
    .columns(['owner_id', 'stage', 'score', 'id'])
    .execute();

  await db.schema
    .createTable('introductions')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('requester_id', big, (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('introducer_id', big, (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('target_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('requested', 'forwarded', 'accepted', 'declined')`),
    )
    .addColumn('declined_by', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  for (const role of ['requester', 'introducer', 'target']) {
    await db.schema
      .createIndex(`introductions_${role}`)
      .on('introductions')
      .columns([`${role}_id`, 'id'])
      .execute();
  }

  // People who turned relationship features off: nothing is computed about them.
  await db.schema
    .createTable('relationship_opt_outs')
    .addColumn('account_id', big, (c) =>
      c.primaryKey().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('relationship_opt_outs').execute();
  await db.schema.dropTable('introductions').execute();
  await db.schema.dropTable('relationships').execute();
  await db.schema.dropTable('interaction_tallies').execute();
  await db.schema.dropIndex('interactions_import_key').execute();
  await db.schema.alterTable('interactions').dropColumn('import_key').execute();
  await db.schema.alterTable('interactions').dropColumn('context').execute();
}
