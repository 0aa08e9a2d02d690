import { createHash } from 'node:crypto';
import {
  type AuthorizationPreview,
  type AuthorizationRequest,
  type AuthorizationResult,
  type CreateApplicationInput,
  OOB_REDIRECT_URI,
  type Token,
  type TokenInput,
} from '@rapport/schema';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import { HttpError } from '../../errors';
import type { Viewer } from '../../http/auth';
import { verifyPassword } from '../../lib/passwords';
import { hashToken, randomToken, safeEqual } from '../../lib/tokens';
import { findAccountById, findAccountByLogin } from '../accounts/accounts.queries';
import {
  type ApplicationRow,
  consumeAuthorizationCode,
  findApplicationByClientId,
  insertApplication,
  insertAuthorizationCode,
} from './oauth.queries';
import { hasScope, isKnownScope, parseScopes } from './scopes';
import { findActiveToken, insertToken, revokeTokenByHash } from './tokens.queries';

const CODE_TTL_MS = 10 * 60 * 1000;

export async function createApplication(
  ctx: AppContext,
  input: z.output<typeof CreateApplicationInput>,
): Promise<{ row: ApplicationRow; clientSecret: string }> {
  const clientSecret = randomToken();
  const row: ApplicationRow = {
    id: newId(),
    name: input.client_name,
    website: input.website || null,
    redirect_uris: input.redirect_uris.join('\n'),
    scopes: parseScopes(input.scopes).join(' '),
    client_id: randomToken(),
    client_secret_hash: hashToken(clientSecret),
    first_party: 0,
    created_at: Date.now(),
  };
  await insertApplication(ctx.db, row);
  return { row, clientSecret };
}

export interface IssuedToken {
  token: string;
  id: number;
  createdAt: number;
  scopes: string[];
}

export async function issueAccessToken(
  db: Db,
  values: {
    applicationId: number;
    accountId: number | null;
    scopes: string[];
    kind: 'session' | 'bearer';
    expiresAt?: number | null;
    userAgent?: string;
  },
): Promise<IssuedToken> {
  const token = randomToken();
  const row = await insertToken(db, {
    token_hash: hashToken(token),
    application_id: values.applicationId,
    account_id: values.accountId,
    scopes: values.scopes.join(' '),
    kind: values.kind,
    expires_at: values.expiresAt ?? null,
    user_agent: (values.userAgent ?? '').slice(0, 300),
  });
  return { token, id: row.id, createdAt: row.created_at, scopes: values.scopes };
}

export function tokenResponse(issued: IssuedToken): Token {
  return {
    access_token: issued.token,
    token_type: 'Bearer',
    scope: issued.scopes.join(' '),
    created_at: Math.floor(issued.createdAt / 1000),
  };
}

const invalidClient = () =>
  new HttpError(
    401,
    'invalid_client',
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  );

/** client_secret_post or client_secret_basic (RFC 6749 section 2.3.1). */
export function clientCredentials(
  body: { client_id?: string | undefined; client_secret?: string | undefined },
  authorization: string | undefined,
): { clientId: string | undefined; clientSecret: string | undefined } {
  const basic = authorization && /^Basic\s+(\S+)$/i.exec(authorization)?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon)),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
      };
    }
  }
  return { clientId: body.client_id, clientSecret: body.client_secret };
}

/**
 * Finds the client and checks its secret. A client that proved possession with PKCE may
 * leave the secret out, as native apps cannot keep one.
 */
async function authenticateClient(
  ctx: AppContext,
  credentials: { clientId: string | undefined; clientSecret: string | undefined },
  options: { secretOptional?: boolean } = {},
): Promise<ApplicationRow> {
  if (!credentials.clientId) throw invalidClient();
  const app = await findApplicationByClientId(ctx.db, credentials.clientId);
  if (!app || app.first_party === 1) throw invalidClient();
  if (credentials.clientSecret === undefined && options.secretOptional) return app;
  if (
    !credentials.clientSecret ||
    !safeEqual(hashToken(credentials.clientSecret), app.client_secret_hash)
  ) {
    throw invalidClient();
  }
  return app;
}

/** Requested scopes must be known and granted to the application when it registered. */
function grantableScopes(app: ApplicationRow, requested: string | undefined): string[] {
  const scopes = parseScopes(requested);
  const allowed = app.scopes.split(' ');
  // An app registered with `read` may ask for `read:accounts` alone (least privilege).
  if (!scopes.every((scope) => isKnownScope(scope) && hasScope(allowed, scope))) {
    throw new HttpError(
      400,
      'invalid_scope',
      'The requested scope is invalid, unknown, or malformed.',
    );
  }
  return scopes;
}

/** Checks an authorization request before the consent page is shown. */
export async function previewAuthorization(
  ctx: AppContext,
  request: AuthorizationRequest,
): Promise<{ app: ApplicationRow; scopes: string[]; preview: AuthorizationPreview }> {
  if (request.response_type !== 'code') {
    throw new HttpError(400, 'unsupported_response_type', 'Only response_type=code is supported');
  }
  const app = await findApplicationByClientId(ctx.db, request.client_id);
  if (!app || app.first_party === 1) {
    throw new HttpError(400, 'invalid_client', 'This application is not registered on this server');
  }
  if (!app.redirect_uris.split('\n').includes(request.redirect_uri)) {
    throw new HttpError(
      400,
      'invalid_request',
      'The redirect URI is not one this application registered',
    );
  }
  if (request.code_challenge !== undefined && request.code_challenge_method !== 'S256') {
    throw new HttpError(400, 'invalid_request', 'code_challenge_method must be S256');
  }
  const scopes = grantableScopes(app, request.scope);
  return {
    app,
    scopes,
    preview: {
      application: { name: app.name, website: app.website },
      scopes,
      redirect_uri: request.redirect_uri,
      out_of_band: request.redirect_uri === OOB_REDIRECT_URI,
    },
  };
}

function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value as string)}`)
    .join('&');
  return `${uri}${uri.includes('?') ? '&' : '?'}${query}`;
}

/** The person approved or denied; returns where the browser goes next. */
export async function decideAuthorization(
  ctx: AppContext,
  viewer: Viewer,
  request: AuthorizationRequest & { decision: 'approve' | 'deny' },
): Promise<AuthorizationResult> {
  const { app, scopes } = await previewAuthorization(ctx, request);
  const oob = request.redirect_uri === OOB_REDIRECT_URI;
  if (request.decision === 'deny') {
    return {
      redirect_to: oob
        ? null
        : withQuery(request.redirect_uri, { error: 'access_denied', state: request.state }),
      code: null,
    };
  }
  const code = randomToken();
  await insertAuthorizationCode(ctx.db, {
    codeHash: hashToken(code),
    applicationId: app.id,
    accountId: viewer.id,
    redirectUri: request.redirect_uri,
    scopes: scopes.join(' '),
    codeChallenge: request.code_challenge ?? null,
    ttlMs: CODE_TTL_MS,
  });
  return oob
    ? { redirect_to: null, code }
    : { redirect_to: withQuery(request.redirect_uri, { code, state: request.state }), code: null };
}

const invalidGrant = () =>
  new HttpError(
    400,
    'invalid_grant',
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  );

function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** POST /oauth/token for the authorization_code, client_credentials and password grants. */
export async function exchangeToken(
  ctx: AppContext,
  input: z.output<typeof TokenInput>,
  authorization: string | undefined,
  userAgent: string,
): Promise<Token> {
  const credentials = clientCredentials(input, authorization);
  switch (input.grant_type) {
    case 'authorization_code': {
      if (!input.code) throw new HttpError(400, 'invalid_request', 'The code parameter is missing');
      const app = await authenticateClient(ctx, credentials, {
        secretOptional: input.code_verifier !== undefined,
      });
      const code = await consumeAuthorizationCode(ctx.db, hashToken(input.code));
      if (!code || code.application_id !== app.id || code.expires_at < Date.now())
        throw invalidGrant();
      if (input.redirect_uri !== undefined && input.redirect_uri !== code.redirect_uri)
        throw invalidGrant();
      if (code.code_challenge !== null) {
        if (
          !input.code_verifier ||
          !safeEqual(pkceChallenge(input.code_verifier), code.code_challenge)
        )
          throw invalidGrant();
      } else if (credentials.clientSecret === undefined) {
        throw invalidClient();
      }
      const account = await findAccountById(ctx.db, code.account_id);
      if (!account || account.suspended === 1) throw invalidGrant();
      return tokenResponse(
        await issueAccessToken(ctx.db, {
          applicationId: app.id,
          accountId: code.account_id,
          scopes: code.scopes.split(' '),
          kind: 'bearer',
          userAgent,
        }),
      );
    }
    case 'client_credentials': {
      const app = await authenticateClient(ctx, credentials);
      return tokenResponse(
        await issueAccessToken(ctx.db, {
          applicationId: app.id,
          accountId: null,
          scopes: grantableScopes(app, input.scope),
          kind: 'bearer',
          userAgent,
        }),
      );
    }
    case 'password': {
      const app = await authenticateClient(ctx, credentials);
      if (!input.username || !input.password) {
        throw new HttpError(
          400,
          'invalid_request',
          'The username and password parameters are required',
        );
      }
      const scopes = grantableScopes(app, input.scope);
      const account = await findAccountByLogin(ctx.db, input.username);
      const valid = await verifyPassword(account?.password_hash, input.password);
      if (!account || !valid) throw invalidGrant();
      if (account.suspended === 1)
        throw new HttpError(400, 'invalid_grant', 'This account is suspended');
      return tokenResponse(
        await issueAccessToken(ctx.db, {
          applicationId: app.id,
          accountId: account.id,
          scopes,
          kind: 'bearer',
          userAgent,
        }),
      );
    }
    default:
      throw new HttpError(
        400,
        'unsupported_grant_type',
        'The authorization grant type is not supported by the authorization server.',
      );
  }
}

/**
 * POST /oauth/revoke: an application may revoke its own tokens only. Revoking an unknown or
 * already revoked token succeeds, so the call is idempotent.
 */
export async function revokeToken(
  ctx: AppContext,
  input: { client_id?: string | undefined; client_secret?: string | undefined; token: string },
  authorization: string | undefined,
): Promise<void> {
  const notYours = () =>
    new HttpError(403, 'unauthorized_client', 'You are not authorized to revoke this token');
  const client = await authenticateClient(ctx, clientCredentials(input, authorization)).catch(
    () => {
      throw notYours();
    },
  );
  const tokenHash = hashToken(input.token);
  const token = await findActiveToken(ctx.db, tokenHash, Date.now());
  if (token && token.application_id !== client.id) throw notYours();
  await revokeTokenByHash(ctx.db, tokenHash, client.id);
}
