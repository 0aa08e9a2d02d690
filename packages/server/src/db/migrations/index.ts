import type { Migration } from 'kysely';
import * as m0001 from './0001-platform';
import * as m0002 from './0002-social';
import * as m0003 from './0003-communities';
import * as m0008 from './0008-files';

/** Every migration, in order. Names are stored in the database: never rename one. */
export const migrations: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-social': m0002,
  '0003-communities': m0003,
  '0008-files': m0008,
};
