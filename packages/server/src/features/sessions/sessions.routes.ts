import {
  ChangePasswordInput,
  RegisterAccountInput,
  Session,
  SetupInput,
  SetupTokenParams,
  SignInInput,
  SignUpInput,
  Token,
} from '@rapport/schema';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { HttpError } from '../../errors';
import type { App } from '../../http/app-types';
import { SESSION_COOKIE, viewerOf } from '../../http/auth';
import { jsonOnly } from '../../http/forms';
import { addressLimit } from '../../http/rate-limit';
import type { AccountRow } from '../accounts/accounts.queries';
import { issueAccessToken, tokenResponse } from '../oauth/oauth.service';
import { revokeTokenByHash } from '../oauth/tokens.queries';
import { signUp } from '../registrations/registrations.service';
import {
  authenticate,
  changePassword,
  presentSession,
  setSessionCookie,
  startSession,
} from './sessions.service';
import { completeSetup, isSetupTokenValid } from './setup.service';

const tags = ['sessions'];

/** Sign-in, sign-out, sign-up and first-run setup for the web app; registration for apps. */
export function sessionsRoutes(app: App, ctx: AppContext): void {
  const signInLimit = addressLimit(app, ctx.config, ctx.config.rateLimit.signIn, 'sign-in');
  const signUpLimit = addressLimit(app, ctx.config, ctx.config.rateLimit.signUp, 'sign-up');

  const openSession = async (
    account: AccountRow,
    userAgent: string | undefined,
    reply: Parameters<typeof setSessionCookie>[1],
  ) => {
    const session = await startSession(ctx.db, account, userAgent ?? '');
    setSessionCookie(ctx, reply, session.token);
    return presentSession(ctx, account.id, session.tokenHash);
  };

  app.post(
    '/api/rapport/v1/session',
    {
      config: { auth: 'public', ...signInLimit.config },
      onRequest: [...signInLimit.onRequest, jsonOnly],
      schema: { tags, body: SignInInput, response: { 200: Session } },
    },
    async (request, reply) => {
      const account = await authenticate(ctx, request.body.login, request.body.password);
      return openSession(account, request.headers['user-agent'], reply);
    },
  );

  app.get(
    '/api/rapport/v1/session',
    { config: { auth: 'user' }, schema: { tags, response: { 200: Session } } },
    async (request) => {
      const auth = request.auth;
      if (!auth) throw new HttpError(401, 'unauthorized', 'The access token is invalid');
      return presentSession(ctx, viewerOf(request).id, auth.tokenHash);
    },
  );

  app.delete(
    '/api/rapport/v1/session',
    { config: { auth: 'user' }, schema: { tags } },
    async (request, reply) => {
      if (request.auth) await revokeTokenByHash(ctx.db, request.auth.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/rapport/v1/account/password',
    {
      config: { auth: 'user', scopes: ['write:accounts'] },
      schema: { tags, body: ChangePasswordInput },
    },
    async (request, reply) => {
      const auth = request.auth;
      if (!auth) throw new HttpError(401, 'unauthorized', 'The access token is invalid');
      await changePassword(
        ctx,
        viewerOf(request),
        auth.tokenId,
        request.body.current_password,
        request.body.new_password,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/rapport/v1/registrations',
    {
      config: { auth: 'public', ...signUpLimit.config },
      onRequest: [...signUpLimit.onRequest, jsonOnly],
      schema: { tags, body: SignUpInput, response: { 200: Session } },
    },
    async (request, reply) => {
      const account = await signUp(ctx, request.body);
      return openSession(account, request.headers['user-agent'], reply);
    },
  );

  app.get(
    '/api/rapport/v1/setup/:token',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        params: SetupTokenParams,
        response: { 200: z.object({ valid: z.literal(true) }) },
      },
    },
    async (request) => {
      if (!(await isSetupTokenValid(ctx, request.params.token))) {
        throw new HttpError(
          404,
          'invalid_setup_token',
          'This setup link is not valid any more; restart Rapport to print a new one',
        );
      }
      return { valid: true as const };
    },
  );

  app.post(
    '/api/rapport/v1/setup',
    {
      config: { auth: 'public', ...signUpLimit.config },
      onRequest: [...signUpLimit.onRequest, jsonOnly],
      schema: { tags, body: SetupInput, response: { 200: Session } },
    },
    async (request, reply) => {
      const account = await completeSetup(ctx, request.body);
      return openSession(account, request.headers['user-agent'], reply);
    },
  );

  app.post(
    '/api/v1/accounts',
    {
      config: { auth: 'app', scopes: ['write:accounts'], ...signUpLimit.config },
      onRequest: signUpLimit.onRequest,
      schema: { tags: ['accounts'], body: RegisterAccountInput, response: { 200: Token } },
    },
    async (request) => {
      const auth = request.auth;
      if (!auth) throw new HttpError(401, 'unauthorized', 'The access token is invalid');
      const account = await signUp(ctx, request.body);
      return tokenResponse(
        await issueAccessToken(ctx.db, {
          applicationId: auth.applicationId,
          accountId: account.id,
          scopes: auth.scopes,
          kind: 'bearer',
          userAgent: request.headers['user-agent'] ?? '',
        }),
      );
    },
  );
}
