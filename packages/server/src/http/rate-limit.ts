import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config, RateLimit } from '../config';
import { HttpError } from '../errors';
import { hashToken } from '../lib/tokens';
import { credentialOf } from './auth';

/**
 * API requests are limited per credential (a person's token or session), falling back to the
 * client address; sign-in and sign-up have their own stricter per-address limits.
 * Static files, uploads and the WebSocket upgrade are not limited here.
 */
export const rateLimitPlugin = fp(async (app: FastifyInstance, { config }: { config: Config }) => {
  if (!config.rateLimit.enabled) return;
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimit.api.max,
    timeWindow: config.rateLimit.api.windowMs,
    allowList: (request) =>
      !/^\/(api|oauth)\//.test(request.url) ||
      request.headers.upgrade?.toLowerCase() === 'websocket',
    keyGenerator: (request) => {
      const credential = credentialOf(request);
      return credential ? `token:${hashToken(credential.token)}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'rate_limited', `Too many requests; try again in ${context.after}`),
  });
});

/** Per-address limit for a route (sign-in, sign-up); a no-op when limits are off. */
export function addressLimit(config: Config, limit: RateLimit, group: string) {
  if (!config.rateLimit.enabled) return false as const;
  return {
    max: limit.max,
    timeWindow: limit.windowMs,
    groupId: group,
    keyGenerator: (request: FastifyRequest) => `ip:${request.ip}`,
  };
}
