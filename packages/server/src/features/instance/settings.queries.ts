import type { Db } from '../../db/tables';
import { randomToken } from '../../lib/tokens';

export async function getSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('server_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

export async function setSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('server_settings')
    .values({ key, value, updated_at: Date.now() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: Date.now() }))
    .execute();
}

export async function deleteSetting(db: Db, key: string): Promise<void> {
  await db.deleteFrom('server_settings').where('key', '=', key).execute();
}

/** Removes a setting and returns its value; only one of several concurrent callers gets it. */
export async function takeSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db
    .deleteFrom('server_settings')
    .where('key', '=', key)
    .returning('value')
    .executeTakeFirst();
  return row?.value;
}

/** Created once, on the first start; every later start (and every node) reads the same. */
export async function loadSecretKey(db: Db): Promise<string> {
  await db
    .insertInto('server_settings')
    .values({ key: 'secret_key', value: randomToken(48), updated_at: Date.now() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const value = await getSetting(db, 'secret_key');
  if (!value) throw new Error('The server secret could not be stored');
  return value;
}
