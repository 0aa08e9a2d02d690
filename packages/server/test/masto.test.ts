import { createOAuthAPIClient, createRestAPIClient, MastoHttpError } from 'masto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, PASSWORD } from './factories';
import { startTestApp, type TestApp } from './harness';

/**
 * masto.js, the client library many Mastodon apps are built on, against a real Rapport
 * server over HTTP: proof that Rapport speaks the Mastodon client API as apps expect.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RAPPORT_REGISTRATIONS: 'open' }, { listen: true });
});
afterAll(() => t.close());

const OOB = 'urn:ietf:wg:oauth:2.0:oob';
const SCOPES = 'read write follow push';

describe('masto.js', () => {
  it('registers an app, signs up, signs in and edits the profile', async () => {
    const anonymous = createRestAPIClient({ url: t.url });
    const app = await anonymous.v1.apps.create({
      clientName: 'masto.js test',
      redirectUris: OOB,
      scopes: SCOPES,
      website: 'https://example.org',
    });
    expect(app.name).toBe('masto.js test');
    expect(app.clientId).toEqual(expect.any(String));
    expect(app.clientSecret).toEqual(expect.any(String));

    const oauth = createOAuthAPIClient({ url: t.url });
    const appToken = await oauth.token.create({
      grantType: 'client_credentials',
      clientId: app.clientId as string,
      clientSecret: app.clientSecret as string,
      redirectUri: OOB,
      scope: SCOPES,
    });
    expect(appToken.tokenType).toBe('Bearer');
    const asApp = createRestAPIClient({ url: t.url, accessToken: appToken.accessToken });
    expect((await asApp.v1.apps.verifyCredentials()).name).toBe('masto.js test');

    const signedUp = await asApp.v1.accounts.create({
      username: 'masto_user',
      email: 'masto@example.com',
      password: PASSWORD,
      agreement: true,
      locale: 'en',
    });
    expect(signedUp.accessToken).toEqual(expect.any(String));
    const me = await createRestAPIClient({
      url: t.url,
      accessToken: signedUp.accessToken,
    }).v1.accounts.verifyCredentials();
    expect(me).toMatchObject({ username: 'masto_user', acct: 'masto_user', locked: false });
    expect(me.source?.privacy).toBe('public');

    // Sign in again, as apps without a browser do.
    const signedIn = await oauth.token.create({
      grantType: 'password',
      clientId: app.clientId as string,
      clientSecret: app.clientSecret as string,
      redirectUri: OOB,
      scope: SCOPES,
      username: 'masto@example.com',
      password: PASSWORD,
    });
    const rest = createRestAPIClient({ url: t.url, accessToken: signedIn.accessToken });
    const updated = await rest.v1.accounts.updateCredentials({
      displayName: 'Masto User',
      note: 'Written through masto.js',
      fieldsAttributes: [
        { name: 'Title', value: 'Tester' },
        { name: 'Pronouns', value: 'they/them' },
      ],
      source: { privacy: 'private' },
    });
    expect(updated.displayName).toBe('Masto User');
    const again = await rest.v1.accounts.verifyCredentials();
    expect(again.displayName).toBe('Masto User');
    expect(again.note).toBe('<p>Written through masto.js</p>');
    expect(again.source?.note).toBe('Written through masto.js');
    expect(again.source?.privacy).toBe('private');
    expect(again.fields.map((field) => field.name)).toEqual(['Title', 'Pronouns']);

    const looked = await rest.v1.accounts.lookup({ acct: 'masto_user' });
    expect(looked.id).toBe(me.id);
    const fetched = await rest.v1.accounts.$select(me.id).fetch();
    expect(fetched.displayName).toBe('Masto User');
    const colleague = await createAccount(t.ctx, { username: 'colleague' });
    const many = await rest.v1.accounts.fetch({ id: [String(colleague.id), me.id] });
    expect(many.map((account) => account.username)).toEqual(['colleague', 'masto_user']);

    await oauth.revoke({
      clientId: app.clientId as string,
      clientSecret: app.clientSecret as string,
      token: signedIn.accessToken,
    });
    const refused = await rest.v1.accounts.verifyCredentials().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MastoHttpError);
    expect((refused as MastoHttpError).statusCode).toBe(401);
  });

  it('reads the instance, v1 and v2', async () => {
    const rest = createRestAPIClient({ url: t.url });
    const v1 = await rest.v1.instance.fetch();
    expect(v1.uri).toBe(new URL(t.url).host);
    expect(v1.version).toMatch(/^4\.\d+\.\d+ \(compatible; Rapport /);
    expect(v1.registrations).toBe(true);
    const v2 = await rest.v2.instance.fetch();
    expect(v2.domain).toBe(new URL(t.url).host);
    expect(v2.registrations.enabled).toBe(true);
    expect(v2.configuration.accounts.maxProfileFields).toBe(8);
    expect(v2.configuration.urls.streaming).toBe(t.url.replace(/^http/, 'ws'));
    expect(v2.apiVersions.mastodon).toBe(2);
  });

  it('surfaces Rapport’s errors as Mastodon errors', async () => {
    const rest = createRestAPIClient({ url: t.url });
    const error = await rest.v1.apps
      .create({ clientName: '', redirectUris: 'not a uri', scopes: 'read' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MastoHttpError);
    expect((error as MastoHttpError).statusCode).toBe(422);
    expect((error as MastoHttpError).message).toMatch(/^Validation failed: /);
  });
});
