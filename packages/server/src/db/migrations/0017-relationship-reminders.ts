import { type Kysely, sql } from 'kysely';
import { int64 } from '../dialect';

/**
 * Stay-in-touch reminders: when a reminder was set, so a reminder on someone never
 * exchanged with falls due that long after it was set; and the few rows with a reminder
 * of each person as one index range, so nudges never read a whole network.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('relationships').addColumn('remind_set_at', int64(db)).execute();
  await sql`update relationships set remind_set_at = updated_at
    where remind_every_days is not null`.execute(db);
  await db.schema
    .createIndex('relationships_reminders')
    .on('relationships')
    .columns(['owner_id', 'id'])
    .where(sql.ref('remind_every_days'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('relationships_reminders').execute();
  await db.schema.alterTable('relationships').dropColumn('remind_set_at').execute();
}
