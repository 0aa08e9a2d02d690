import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import type { Config } from '../config';

/**
 * A strict Content-Security-Policy on every response: only the server's own scripts and
 * styles, no inline code, no framing, no plugins.
 */
export function contentSecurityPolicy(config: Config) {
  const secure = config.publicUrl.startsWith('https:');
  const streaming = `${secure ? 'wss' : 'ws'}://${config.domain}`;
  return {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", streaming],
    mediaSrc: ["'self'", 'blob:'],
    manifestSrc: ["'self'"],
    workerSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
    upgradeInsecureRequests: secure ? [] : null,
  };
}

/** Mastodon apps running in browsers call the API from other origins, with tokens only. */
const CROSS_ORIGIN_PATHS =
  /^\/(api\/v[12]\/|oauth\/(token|revoke|userinfo)|\.well-known\/|api\/openapi\.json|health)/;

export const securityPlugin = fp(async (app: FastifyInstance, { config }: { config: Config }) => {
  // Built once: @fastify/helmet rebuilt the whole policy (parsing every directive) for each
  // request, a tenth of the time of a small API call (docs/decisions/0007).
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
    strictTransportSecurity: config.publicUrl.startsWith('https:')
      ? { maxAge: 31536000, includeSubDomains: false }
      : false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  // No credentials: a page on another origin can use a token it holds, never the cookie.
  // The delegator's answer is the whole per-request configuration (@fastify/cors ignores
  // options registered next to a delegator), so it carries everything.
  const crossOrigin = {
    origin: '*',
    credentials: false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposedHeaders: ['Link', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
    maxAge: 600,
  };
  await app.register(cors, {
    hook: 'onRequest',
    delegator: (request, callback) => {
      const allowed = CROSS_ORIGIN_PATHS.test(request.url);
      callback(null, allowed ? crossOrigin : { origin: false });
    },
  });
});
