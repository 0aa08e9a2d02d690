import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../src/http/app-types';
import { api } from './http';

export const REDIRECT_URI = 'https://client.example/callback';
export const OOB = 'urn:ietf:wg:oauth:2.0:oob';

export interface RegisteredApp {
  id: string;
  client_id: string;
  client_secret: string;
}

/** Registers an OAuth application through POST /api/v1/apps. */
export async function registerApp(
  app: App,
  options: { scopes?: string; redirectUris?: string[]; name?: string } = {},
): Promise<RegisteredApp> {
  const res = await api(app).post('/api/v1/apps', {
    client_name: options.name ?? 'Test client',
    redirect_uris: options.redirectUris ?? [REDIRECT_URI, OOB],
    scopes: options.scopes ?? 'read write follow push profile',
  });
  expect(res.status).toBe(200);
  return res.body;
}

/** An app-only token (client_credentials grant). */
export async function appToken(app: App, client: RegisteredApp, scope: string): Promise<string> {
  const res = await api(app).post('/oauth/token', {
    grant_type: 'client_credentials',
    client_id: client.client_id,
    client_secret: client.client_secret,
    scope,
  });
  expect(res.status).toBe(200);
  return res.body.access_token;
}

/** A user token through the password grant. */
export async function passwordToken(
  app: App,
  client: RegisteredApp,
  username: string,
  password: string,
  scope = 'read',
) {
  return api(app).post('/oauth/token', {
    grant_type: 'password',
    client_id: client.client_id,
    client_secret: client.client_secret,
    username,
    password,
    scope,
  });
}

/** A PKCE pair: the verifier the client keeps and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
