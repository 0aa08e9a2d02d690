import {
  AnalyticsPrivacy,
  AnalyticsQuery,
  AnalyticsScopes,
  AnalyticsSettings,
  type Scope,
} from '@rapport/schema';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import {
  analyticsPrivacy,
  analyticsScopes,
  analyticsSettings,
  setAnalyticsPrivacy,
  updateAnalyticsSettings,
} from './analytics.service';
import { myInsightsRoutes } from './my-insights.routes';
import { participationRoutes } from './participation.routes';
import { responsivenessRoutes } from './responsiveness.routes';
import { analyticsRunner } from './runner';
import { silosRoutes } from './silos.routes';

export const tags = ['analytics'];
interface RouteRule {
  auth: 'user';
  scopes: Scope[];
}
export const read: RouteRule = { auth: 'user', scopes: ['read:accounts'] };
export const write: RouteRule = { auth: 'user', scopes: ['write:accounts'] };
export { AnalyticsQuery };

/**
 * Sends a report as JSON, or as the CSV download of one of its tables (`format=csv`).
 * Reports are about the organisation's people: never cached by the browser or a proxy.
 */
export function sendReport(
  reply: FastifyReply,
  format: 'json' | 'csv',
  name: string,
  json: unknown,
  csv: () => string,
) {
  reply.header('cache-control', 'private, no-store');
  if (format === 'json') return reply.send(json);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="rapport-${name}.csv"`)
    .send(csv());
}

/**
 * Organisation analytics (DESIGN.md section 4). Each dashboard route checks who may see
 * its scope (admins; a community's owners and moderators), withholds every aggregate about
 * fewer than `min_group_size` people, and computes without holding up other requests
 * (runner.ts). `/analytics/me` answers about the signed-in person only.
 */
export function analyticsRoutes(app: App, ctx: AppContext): void {
  app.addHook('onClose', () => analyticsRunner(ctx).close());

  app.get(
    '/api/rapport/v1/analytics/scopes',
    { config: read, schema: { tags, response: { 200: AnalyticsScopes } } },
    async (request) => analyticsScopes(ctx, viewerOf(request)),
  );

  app.get(
    '/api/rapport/v1/analytics/settings',
    { config: read, schema: { tags, response: { 200: AnalyticsSettings } } },
    async () => analyticsSettings(ctx),
  );

  app.put(
    '/api/rapport/v1/analytics/settings',
    {
      config: write,
      schema: { tags, body: AnalyticsSettings, response: { 200: AnalyticsSettings } },
    },
    async (request) => updateAnalyticsSettings(ctx, viewerOf(request), request.body),
  );

  app.get(
    '/api/rapport/v1/preferences/analytics',
    { config: read, schema: { tags, response: { 200: AnalyticsPrivacy } } },
    async (request) => analyticsPrivacy(ctx, viewerOf(request)),
  );

  app.put(
    '/api/rapport/v1/preferences/analytics',
    {
      config: write,
      schema: { tags, body: AnalyticsPrivacy, response: { 200: AnalyticsPrivacy } },
    },
    async (request) => setAnalyticsPrivacy(ctx, viewerOf(request), request.body),
  );

  // Each dashboard registers here (its own *.routes.ts).
  participationRoutes(app, ctx);
  responsivenessRoutes(app, ctx);
  silosRoutes(app, ctx);
  myInsightsRoutes(app, ctx);
}
