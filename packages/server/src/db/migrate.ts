import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from './migrations';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before (and define) the typed schema
function migrator(db: Kysely<any>): Migrator {
  // Capabilities are built side by side and numbered when they start, so a database may
  // already hold a later-numbered migration when an earlier one lands: apply it all the same.
  // Migrations touch only their own tables and columns, so their order does not matter.
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return applied(await migrator(db).migrateToLatest());
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  return applied(await migrator(db).migrateDown());
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).map((result) => result.migrationName);
}
