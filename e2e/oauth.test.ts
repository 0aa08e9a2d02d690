import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAccount, PASSWORD } from '../packages/server/test/factories';
import {
  openPage,
  PHONE,
  pageProblems,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser';
import { e2eSuite } from './support/suite';

const e = e2eSuite();

async function registerApp(redirectUri: string) {
  const response = await fetch(`${e.t.url}/api/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Pocket Client',
      redirect_uris: redirectUri,
      scopes: 'read write follow',
      website: 'https://pocket.example',
    }),
  });
  return (await response.json()) as { client_id: string; client_secret: string };
}

describe('a Mastodon app signs in through the browser', () => {
  it('shows sign-in then consent, redirects back with a code, and the code becomes a working token', async () => {
    await createAccount(e.t.ctx, { username: 'june', displayName: 'June Park' });
    const redirectUri = 'https://pocket.example/callback';
    const app = await registerApp(redirectUri);
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: app.client_id,
      redirect_uri: redirectUri,
      scope: 'read write',
      state: 'xyz',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });

    const page = await openPage(e.browser, e.t.url, PHONE);
    // The app's own page is outside this machine: catch the redirect instead of loading it.
    let redirectedTo: string | undefined;
    await page.route('https://pocket.example/**', (route) => {
      redirectedTo = route.request().url();
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'back in the app' });
    });
    await page.goto(`/oauth/authorize?${query}`);
    await page.getByLabel('Email or username').fill('june');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Authorise Pocket Client' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'oauth-consent-e2e-phone');
    expect(pageProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Authorise' }).click();
    await expect.poll(() => redirectedTo).toBeDefined();

    const back = new URL(redirectedTo as string);
    expect(back.searchParams.get('state')).toBe('xyz');
    const code = back.searchParams.get('code');
    expect(code).toBeTruthy();
    const token = await fetch(`${e.t.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: code as string,
        client_id: app.client_id,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
    }).then((r) => r.json() as Promise<{ access_token: string; scope: string }>);
    expect(token.scope).toBe('read write');
    const me = await fetch(`${e.t.url}/api/v1/accounts/verify_credentials`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    }).then((r) => r.json() as Promise<{ username: string }>);
    expect(me.username).toBe('june');
  });
});
