import {
  Advice,
  AdviceQuery,
  Nudge,
  PersonToMeet,
  RelationshipExport,
  RelationshipPrivacy,
  type Scope,
} from '@rapport/schema';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { channelAdvice } from './advice.service';
import { exportRelationships } from './export.service';
import { listNudges } from './nudges.service';
import { peopleToMeet } from './people-to-meet.service';
import {
  registerPrivacyRebuild,
  relationshipPrivacy,
  setRelationshipPrivacy,
} from './privacy.service';

const tags = ['relationships'];
interface RouteRule {
  auth: 'user';
  scopes: Scope[];
}
const read: RouteRule = { auth: 'user', scopes: ['read:accounts'] };
const write: RouteRule = { auth: 'user', scopes: ['write:accounts'] };
const AccountParams = z.object({
  account_id: z.string().regex(/^\d{1,16}$/, 'must be a numeric id'),
});

/**
 * What Rapport suggests from each person's own relationships (advice, nudges, people to
 * meet) and their control over it (the preference and the export). Everything answers
 * about the signed-in person only; nobody, admins included, can ask about someone else.
 */
export function relationshipInsightsRoutes(app: App, ctx: AppContext): void {
  registerPrivacyRebuild(ctx);

  app.get(
    '/api/rapport/v1/relationships/:account_id/advice',
    {
      config: read,
      schema: { tags, params: AccountParams, querystring: AdviceQuery, response: { 200: Advice } },
    },
    async (request) =>
      channelAdvice(
        ctx,
        viewerOf(request),
        Number(request.params.account_id),
        request.query.channel,
      ),
  );

  app.get(
    '/api/rapport/v1/nudges',
    { config: read, schema: { tags, response: { 200: Nudge.array() } } },
    async (request) => listNudges(ctx, viewerOf(request)),
  );

  app.get(
    '/api/rapport/v1/people_to_meet',
    { config: read, schema: { tags, response: { 200: PersonToMeet.array() } } },
    async (request) => peopleToMeet(ctx, viewerOf(request)),
  );

  app.get(
    '/api/rapport/v1/preferences/relationships',
    { config: read, schema: { tags, response: { 200: RelationshipPrivacy } } },
    async (request) => relationshipPrivacy(ctx, viewerOf(request)),
  );

  app.put(
    '/api/rapport/v1/preferences/relationships',
    {
      config: write,
      schema: { tags, body: RelationshipPrivacy, response: { 200: RelationshipPrivacy } },
    },
    async (request) => setRelationshipPrivacy(ctx, viewerOf(request), request.body),
  );

  // A static segment: find-my-way matches it before `/relationships/:account_id`.
  app.get(
    '/api/rapport/v1/relationships/export',
    { config: read, schema: { tags, response: { 200: RelationshipExport } } },
    async (request, reply) => {
      const data = await exportRelationships(ctx, viewerOf(request));
      const name = `rapport-relationships-${data.account.username}.json`;
      return reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );
}
