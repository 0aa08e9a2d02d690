import type { Selectable } from 'kysely';
import { newId } from '../../db/ids';
import type { Db, OAuthApplicationsTable } from '../../db/tables';
import { hashToken, randomToken } from '../../lib/tokens';

export type ApplicationRow = Selectable<OAuthApplicationsTable>;

export async function insertApplication(db: Db, row: ApplicationRow): Promise<void> {
  await db.insertInto('oauth_applications').values(row).execute();
}

export async function findApplicationByClientId(
  db: Db,
  clientId: string,
): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('oauth_applications')
    .selectAll()
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function findApplicationById(db: Db, id: number): Promise<ApplicationRow | undefined> {
  return db.selectFrom('oauth_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAuthorizationCode(
  db: Db,
  values: {
    codeHash: string;
    applicationId: number;
    accountId: number;
    redirectUri: string;
    scopes: string;
    codeChallenge: string | null;
    ttlMs: number;
  },
): Promise<void> {
  const now = Date.now();
  await db
    .insertInto('oauth_authorization_codes')
    .values({
      id: newId(),
      code_hash: values.codeHash,
      application_id: values.applicationId,
      account_id: values.accountId,
      redirect_uri: values.redirectUri,
      scopes: values.scopes,
      code_challenge: values.codeChallenge,
      created_at: now,
      expires_at: now + values.ttlMs,
      used_at: null,
    })
    .execute();
}

/** Marks a code used and returns it, once: a second exchange of the same code finds nothing. */
export async function consumeAuthorizationCode(db: Db, codeHash: string) {
  const row = await db
    .selectFrom('oauth_authorization_codes')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
  if (!row || row.used_at !== null) return undefined;
  const claimed = await db
    .updateTable('oauth_authorization_codes')
    .set({ used_at: Date.now() })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1 ? row : undefined;
}

const WEB_CLIENT_ID = 'rapport-web';

/** Rapport's own web app: the application every cookie session belongs to. */
export async function webApplicationId(db: Db): Promise<number> {
  const existing = await findApplicationByClientId(db, WEB_CLIENT_ID);
  if (existing) return existing.id;
  await db
    .insertInto('oauth_applications')
    .values({
      id: newId(),
      name: 'Rapport Web',
      website: null,
      redirect_uris: 'urn:ietf:wg:oauth:2.0:oob',
      scopes: 'read write follow push profile admin:read admin:write',
      client_id: WEB_CLIENT_ID,
      // Nobody knows this secret: the web app never uses the token endpoint.
      client_secret_hash: hashToken(randomToken()),
      first_party: 1,
      created_at: Date.now(),
    })
    .onConflict((oc) => oc.column('client_id').doNothing())
    .execute();
  const created = await findApplicationByClientId(db, WEB_CLIENT_ID);
  if (!created) throw new Error('the web application could not be created');
  return created.id;
}
