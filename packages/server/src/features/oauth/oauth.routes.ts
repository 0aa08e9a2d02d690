import {
  Application,
  AuthorizationDecision,
  AuthorizationPreview,
  AuthorizationRequest,
  AuthorizationResult,
  CreateApplicationInput,
  CredentialApplication,
  Empty,
  RevokeInput,
  SCOPES,
  Token,
  TokenInput,
} from '@rapport/schema';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { HttpError } from '../../errors';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { addressLimit } from '../../http/rate-limit';
import { presentAccount } from '../accounts/accounts.presenter';
import { findAccountById } from '../accounts/accounts.queries';
import { type ApplicationRow, findApplicationById } from './oauth.queries';
import {
  createApplication,
  decideAuthorization,
  exchangeToken,
  previewAuthorization,
  revokeToken,
} from './oauth.service';

const tags = ['oauth'];

function presentApplication(row: ApplicationRow): Application {
  const redirectUris = row.redirect_uris.split('\n');
  return {
    id: String(row.id),
    name: row.name,
    website: row.website,
    scopes: row.scopes.split(' '),
    redirect_uri: redirectUris.join('\n'),
    redirect_uris: redirectUris,
  };
}

/** Mastodon's app registration and OAuth 2.0 endpoints. */
export function oauthRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/apps',
    {
      config: { auth: 'public' },
      schema: { tags, body: CreateApplicationInput, response: { 200: CredentialApplication } },
    },
    async (request) => {
      const { row, clientSecret } = await createApplication(ctx, request.body);
      return {
        ...presentApplication(row),
        client_id: row.client_id,
        client_secret: clientSecret,
        client_secret_expires_at: 0,
      };
    },
  );

  app.get(
    '/api/v1/apps/verify_credentials',
    { config: { auth: 'app' }, schema: { tags, response: { 200: Application } } },
    async (request) => {
      const row = request.auth && (await findApplicationById(ctx.db, request.auth.applicationId));
      if (!row) throw new HttpError(401, 'unauthorized', 'The access token is invalid');
      return presentApplication(row);
    },
  );

  app.get(
    '/api/rapport/v1/oauth/authorization',
    {
      config: { auth: 'public' },
      schema: { tags, querystring: AuthorizationRequest, response: { 200: AuthorizationPreview } },
    },
    async (request) => (await previewAuthorization(ctx, request.query)).preview,
  );

  app.post(
    '/oauth/authorize',
    {
      config: { auth: 'user' },
      schema: { tags, body: AuthorizationDecision, response: { 200: AuthorizationResult } },
    },
    async (request) => decideAuthorization(ctx, viewerOf(request), request.body),
  );

  const signInLimit = addressLimit(app, ctx.config, ctx.config.rateLimit.signIn, 'sign-in');
  app.post(
    '/oauth/token',
    {
      config: { auth: 'public', ...signInLimit.config },
      onRequest: signInLimit.onRequest,
      schema: { tags, body: TokenInput, response: { 200: Token } },
    },
    async (request) =>
      exchangeToken(
        ctx,
        request.body,
        request.headers.authorization,
        request.headers['user-agent'] ?? '',
      ),
  );

  app.post(
    '/oauth/revoke',
    { config: { auth: 'public' }, schema: { tags, body: RevokeInput, response: { 200: Empty } } },
    async (request) => {
      await revokeToken(ctx, request.body, request.headers.authorization);
      return {};
    },
  );

  const userinfo = {
    config: { auth: 'user' as const, scopes: ['profile' as const] },
    schema: {
      tags,
      response: {
        200: z.object({
          iss: z.string(),
          sub: z.string(),
          name: z.string(),
          preferred_username: z.string(),
          profile: z.string(),
          picture: z.string(),
        }),
      },
    },
  };
  const userinfoHandler = async (request: Parameters<typeof viewerOf>[0]) => {
    const row = await findAccountById(ctx.db, viewerOf(request).id);
    if (!row) throw new HttpError(401, 'unauthorized', 'The access token is invalid');
    const account = presentAccount(ctx, row);
    return {
      iss: `${ctx.config.publicUrl}/`,
      sub: account.uri,
      name: account.display_name || account.username,
      preferred_username: account.username,
      profile: account.url,
      picture: account.avatar,
    };
  };
  app.get('/oauth/userinfo', userinfo, userinfoHandler);
  app.post('/oauth/userinfo', userinfo, userinfoHandler);

  app.get('/.well-known/oauth-authorization-server', { config: { auth: 'public' } }, async () => {
    const base = ctx.config.publicUrl;
    return {
      issuer: `${base}/`,
      service_documentation: `${base}/api/openapi.json`,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      app_registration_endpoint: `${base}/api/v1/apps`,
      revocation_endpoint: `${base}/oauth/revoke`,
      userinfo_endpoint: `${base}/oauth/userinfo`,
      scopes_supported: SCOPES,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'client_credentials', 'password'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    };
  });
}
