import { type Kysely, sql } from 'kysely';
import { dialectOf, int64 } from '../dialect';

/**
 * Events (dated gatherings) and the answers to them. Lists are keyset ranges on
 * (starts_at, id): upcoming ones ascending from a bounded window before now (an event lasts
 * at most EVENT_LIMITS.maxDays), past ones descending.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const big = int64(db);
  const clustered = dialectOf(db) === 'postgres' ? sql`` : sql`without rowid`;

  await db.schema
    .createTable('events')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('community_id', big, (c) => c.references('communities.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('online_url', 'text')
    // Instants in epoch ms (UTC); the organiser's IANA time zone for showing and exporting.
    .addColumn('starts_at', big, (c) => c.notNull())
    .addColumn('ends_at', big, (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_by_id', big, (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('going_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('maybe_count', 'integer', (c) => c.notNull().defaultTo(0))
    // iCalendar SEQUENCE: bumped when the time or place changes or the event is cancelled,
    // so calendars that imported it take the new version.
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancelled_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .addCheckConstraint('events_ends_after_start', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('events_starts').on('events').columns(['starts_at', 'id']).execute();
  await db.schema
    .createIndex('events_community')
    .on('events')
    .columns(['community_id', 'starts_at', 'id'])
    .where(sql.ref('community_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('events_created_by')
    .on('events')
    .columns(['created_by_id', 'id'])
    .execute();

  await db.schema
    .createTable('event_rsvps')
    .addColumn('event_id', big, (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('going', 'maybe', 'declined')`),
    )
    .addColumn('created_at', big, (c) => c.notNull())
    // When the current answer was given: attendee lists page on it.
    .addColumn('updated_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_rsvps_pk', ['event_id', 'account_id'])
    .modifyEnd(clustered)
    .execute();
  // "My events": a person's answers by status.
  await db.schema
    .createIndex('event_rsvps_account')
    .on('event_rsvps')
    .columns(['account_id', 'status', 'event_id'])
    .execute();
  // Attendee lists: one status of one event, in the order people answered.
  await db.schema
    .createIndex('event_rsvps_list')
    .on('event_rsvps')
    .columns(['event_id', 'status', 'updated_at', 'account_id'])
    .execute();

  // Words of each event's title and location, for prefix search.
  await db.schema
    .createTable('event_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('event_id', big, (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_terms_pk', ['term', 'event_id'])
    .modifyEnd(clustered)
    .execute();
  await db.schema.createIndex('event_terms_event').on('event_terms').column('event_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_terms').execute();
  await db.schema.dropTable('event_rsvps').execute();
  await db.schema.dropTable('events').execute();
}
