import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Config, RateLimit } from '../config';
import { HttpError } from '../errors';
import { hashToken } from '../lib/tokens';
import { credentialOf } from './auth';

/**
 * API requests are limited per credential (a person's token or session), falling back to the
 * client address; sign-in and sign-up have their own stricter per-address limits.
 * Static files and uploads are not limited; the WebSocket upgrade has its own budget
 * (`streamingLimit`), so a long-lived stream reconnecting never eats into the API's.
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

const groupLimiters = new WeakMap<FastifyInstance, Map<string, onRequestAsyncHookHandler>>();

/**
 * Route options for a per-address limit that a group of routes shares: sign-in is one budget
 * whether tried on the web form or on the OAuth token endpoint. The group's limiter is made
 * once (each route's own `config.rateLimit` would get a counter of its own), and replaces the
 * general API limit on those routes. No-op when limits are off.
 */
export function addressLimit(
  app: FastifyInstance,
  config: Config,
  limit: RateLimit,
  group: string,
) {
  if (!config.rateLimit.enabled) return { config: {}, onRequest: [] };
  const limiters = groupLimiters.get(app) ?? new Map<string, onRequestAsyncHookHandler>();
  groupLimiters.set(app, limiters);
  let limiter = limiters.get(group);
  if (!limiter) {
    limiter = app.rateLimit({
      max: limit.max,
      timeWindow: limit.windowMs,
      keyGenerator: (request) => `${group}:ip:${request.ip}`,
    });
    limiters.set(group, limiter);
  }
  return { config: { rateLimit: false as const }, onRequest: [limiter] };
}

/**
 * Opening the stream: a client reconnects after every network change or server restart
 * (Mastodon apps and the web app back off from 1 s up to 30 s), so this allows far more
 * than any honest client needs (several tabs, flapping Wi-Fi), while a loop that opens
 * sockets as fast as it can is stopped. Counted per credential: an upgrade without a valid
 * one is refused (401) before it gets here.
 */
export const STREAMING_UPGRADES = { max: 120, windowMs: 60 * 1000 };

export function streamingLimit(app: FastifyInstance, config: Config) {
  if (!config.rateLimit.enabled) return { onRequest: [] };
  const limiter = app.rateLimit({
    max: STREAMING_UPGRADES.max,
    timeWindow: STREAMING_UPGRADES.windowMs,
    allowList: () => false,
    keyGenerator: (request) => {
      const credential = credentialOf(request);
      return `streaming:${credential ? hashToken(credential.token) : request.ip}`;
    },
  });
  return { onRequest: [limiter] };
}
