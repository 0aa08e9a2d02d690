import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * The directory searches community_terms by prefix, as a range [word, word + U+10FFFF).
 * That range holds exactly the terms starting with the word only under a byte-wise
 * collation (as account_terms has): PostgreSQL's locale collations may ignore U+10FFFF
 * and leave out longer words. SQLite compares bytes already.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table community_terms alter column term type text collate "C"`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table community_terms alter column term type text collate "default"`.execute(db);
}
