import { type Kysely, sql } from 'kysely';
import { dialectOf, int64 } from '../dialect';

/**
 * Questions and answers: one row per question status (its state and answer counters, the
 * accepted answer), and the votes people give answers. Answers themselves are statuses:
 * the direct replies to a question by anyone but the asker.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  const clustered = dialectOf(db) === 'postgres' ? sql`` : sql`without rowid`;

  await db.schema
    .createTable('questions')
    .addColumn('status_id', big, (c) =>
      c.primaryKey().references('statuses.id').onDelete('cascade'),
    )
    // The status's community, copied so each community's lists are one index range.
    .addColumn('community_id', big)
    // Kept in step with the counters below, so each list (unanswered, answered, accepted)
    // is a range of an index rather than a filter over every question.
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('unanswered', 'answered', 'accepted')`),
    )
    .addColumn('accepted_answer_id', big, (c) => c.references('statuses.id').onDelete('set null'))
    .addColumn('accepted_by_id', big, (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('accepted_at', big)
    .addColumn('answers_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_answer_at', big)
    .addColumn('last_answer_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  // The organisation's lists by state, newest first.
  await db.schema
    .createIndex('questions_state')
    .on('questions')
    .columns(['state', 'status_id'])
    .execute();
  // A community's lists, by state and all together.
  await db.schema
    .createIndex('questions_community_state')
    .on('questions')
    .columns(['community_id', 'state', 'status_id'])
    .where(sql.ref('community_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('questions_community')
    .on('questions')
    .columns(['community_id', 'status_id'])
    .where(sql.ref('community_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('answer_votes')
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    // One vote per person and answer; an answer's votes are one range of this key.
    .addPrimaryKeyConstraint('answer_votes_pk', ['status_id', 'account_id'])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createIndex('answer_votes_account')
    .on('answer_votes')
    .columns(['account_id', 'status_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('answer_votes').execute();
  await db.schema.dropTable('questions').execute();
}
