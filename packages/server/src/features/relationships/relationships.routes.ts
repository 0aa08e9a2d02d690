import {
  RelationshipCard,
  RelationshipListQuery,
  type Scope,
  UpdateRelationship,
  WorkingRelationship,
} from '@rapport/schema';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setMaxIdLink } from '../../http/pagination';
import { listRelationships, relationshipCard, updateRelationship } from './relationships.service';

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

/** Each person's own relationships: nobody else, admins included, can read them. */
export function relationshipsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/relationships',
    {
      config: read,
      schema: {
        tags,
        querystring: RelationshipListQuery,
        response: { 200: WorkingRelationship.array() },
      },
    },
    async (request, reply) => {
      const result = await listRelationships(ctx, viewerOf(request), request.query);
      setMaxIdLink(request, reply, ctx.config.publicUrl, result.nextMaxId);
      return result.items;
    },
  );

  app.get(
    '/api/rapport/v1/relationships/:account_id',
    { config: read, schema: { tags, params: AccountParams, response: { 200: RelationshipCard } } },
    async (request) => relationshipCard(ctx, viewerOf(request), Number(request.params.account_id)),
  );

  app.put(
    '/api/rapport/v1/relationships/:account_id',
    {
      config: write,
      schema: {
        tags,
        params: AccountParams,
        body: UpdateRelationship,
        response: { 200: RelationshipCard },
      },
    },
    async (request) =>
      updateRelationship(ctx, viewerOf(request), Number(request.params.account_id), request.body),
  );
}
