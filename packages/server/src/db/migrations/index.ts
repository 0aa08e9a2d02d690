import type { Migration } from 'kysely';
import * as m0001 from './0001-platform';

/** Every migration, in order. Names are stored in the database: never rename one. */
export const migrations: Record<string, Migration> = {
  '0001-platform': m0001,
};
