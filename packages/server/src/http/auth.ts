import type {} from '@fastify/cookie';
import type { Role, Scope } from '@rapport/schema';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { hasScope } from '../features/oauth/scopes';
import { TokenTouches } from '../features/oauth/token-touches';
import { findActiveToken } from '../features/oauth/tokens.queries';
import { hashToken, hmac, safeEqual } from '../lib/tokens';

export const SESSION_COOKIE = 'rapport_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Who a route is for. `public`: anyone; `app`: any valid token, including an app's own
 * (client_credentials); `user`: a signed-in person; `admin`: a signed-in admin.
 */
export type AuthRule = 'public' | 'app' | 'user' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthRule;
    /** The token must hold one of these scopes (or a parent of one). */
    scopes?: Scope[];
    /**
     * The streaming WebSocket: browsers cannot set headers on a WebSocket, so the token may
     * also come as the `access_token` query parameter or as the Sec-WebSocket-Protocol
     * (Mastodon apps do both); the session cookie counts only from this server's own pages.
     */
    streaming?: boolean;
  }
  interface FastifyRequest {
    auth: Auth | null;
  }
}

/** The person (or app) behind a request. */
export interface Viewer {
  id: number;
  username: string;
  role: Role;
}

/** An account as the viewer it would be (services act on behalf of a viewer). */
export function viewerFrom(account: Pick<Viewer, 'id' | 'username' | 'role'>): Viewer {
  return { id: account.id, username: account.username, role: account.role };
}

export interface Auth {
  viewer: Viewer | null;
  tokenId: number;
  tokenHash: string;
  applicationId: number;
  scopes: string[];
  via: 'cookie' | 'bearer';
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function csrfTokenFor(secret: string, tokenHash: string): string {
  return hmac(secret, `csrf:${tokenHash}`);
}

/** The raw credential a request carries: a bearer token wins over the session cookie. */
export function credentialOf(request: FastifyRequest): { token: string; via: Auth['via'] } | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ? { token: match[1], via: 'bearer' } : null;
  }
  if (request.routeOptions.config?.streaming) {
    const token = streamingToken(request);
    if (token) return { token, via: 'bearer' };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

function streamingToken(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.access_token;
  if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
  // Only the first offered protocol can be the token; the server echoes it back on upgrade.
  const protocol = request.headers['sec-websocket-protocol']?.split(',')[0]?.trim();
  return protocol || undefined;
}

/**
 * Resolves the credential of every request, then enforces the route's rule. Every API and
 * OAuth route must declare `config.auth`; registering one without it fails at start-up.
 */
export const authPlugin = fp(async (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
  app.decorateRequest('auth', null);
  const touches = new TokenTouches(ctx.db, (error) =>
    ctx.log.warn({ err: error }, 'recording token use failed'),
  );
  app.addHook('onClose', () => touches.flush());

  app.addHook('onRoute', (route) => {
    const guarded = route.url.startsWith('/api/') || route.url.startsWith('/oauth/');
    if (guarded && route.config?.auth === undefined && route.method !== 'HEAD') {
      throw new Error(`Route ${String(route.method)} ${route.url} must declare config.auth`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const rule = request.routeOptions.config?.auth;
    if (rule === undefined) return;
    const credential = credentialOf(request);
    if (credential) request.auth = await resolve(ctx, touches, credential);
    if (rule === 'public') return;
    enforce(request, reply, rule, ctx);
  });
});

async function resolve(
  ctx: AppContext,
  touches: TokenTouches,
  credential: { token: string; via: Auth['via'] },
): Promise<Auth | null> {
  const tokenHash = hashToken(credential.token);
  const now = Date.now();
  const row = await findActiveToken(ctx.db, tokenHash, now);
  // A cookie only ever carries a session; a session is never usable as a bearer token
  // from another origin without its CSRF pair, so the kinds must match.
  if (!row || (credential.via === 'cookie') !== (row.kind === 'session')) return null;
  if (row.account_id !== null && row.suspended) return null;
  touches.note(row, now);
  if (row.account_id !== null) ctx.activity.note(row.account_id, now);
  return {
    viewer:
      row.account_id === null
        ? null
        : { id: row.account_id, username: row.username ?? '', role: row.role ?? 'member' },
    tokenId: row.id,
    tokenHash,
    applicationId: row.application_id,
    scopes: row.scopes.split(' '),
    via: credential.via,
  };
}

function enforce(request: FastifyRequest, reply: FastifyReply, rule: AuthRule, ctx: AppContext) {
  const auth = request.auth;
  if (!auth) {
    // A stale session cookie is cleared so the browser stops sending it.
    if (request.cookies[SESSION_COOKIE] && !request.headers.authorization) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    throw new HttpError(401, 'unauthorized', 'The access token is invalid');
  }
  if (auth.via === 'cookie' && UNSAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    const expected = csrfTokenFor(ctx.secretKey, auth.tokenHash);
    if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
      throw new HttpError(403, 'csrf_failed', 'Missing or invalid CSRF token; reload the page');
    }
  }
  // A WebSocket is not bound by CORS: without this, any site could open the stream with the
  // visitor's cookie (cross-site WebSocket hijacking). Browsers always send Origin here.
  if (
    auth.via === 'cookie' &&
    request.routeOptions.config?.streaming &&
    !sameOrigin(request, ctx.config.publicUrl)
  ) {
    throw new HttpError(
      403,
      'forbidden',
      'The session cookie opens the stream from this server’s own pages only; use a token',
    );
  }
  const scopes = request.routeOptions.config?.scopes;
  if (scopes && !scopes.some((scope) => hasScope(auth.scopes, scope))) {
    throw new HttpError(403, 'insufficient_scope', 'This action is outside the authorized scopes');
  }
  if (rule === 'app') return;
  if (!auth.viewer) {
    throw new HttpError(401, 'unauthorized', 'This method requires an authenticated user');
  }
  if (rule === 'admin' && auth.viewer.role !== 'admin') {
    throw new HttpError(403, 'forbidden', 'This action is for admins only');
  }
}

/**
 * The page that opened the request is this server's: its origin is the public URL, or has
 * the host the request was sent to (the web app's development server proxies to us). A
 * hostile page pointing its own name at our address gets its own cookies, never ours.
 */
function sameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  if (origin === new URL(publicUrl).origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** The signed-in person; only call on routes whose rule guarantees one. */
export function viewerOf(request: FastifyRequest): Viewer {
  const viewer = request.auth?.viewer;
  if (!viewer)
    throw new HttpError(401, 'unauthorized', 'This method requires an authenticated user');
  return viewer;
}
