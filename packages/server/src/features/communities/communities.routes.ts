import {
  Community,
  CommunityDirectoryQuery,
  CreateCommunityInput,
  Empty,
  IdParams,
  type Scope,
  UpdateCommunityInput,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { decodeCursor, type SortKey } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setCursorLink } from '../../http/pagination';
import type { DirectoryCursor } from './communities.queries';
import {
  createCommunity,
  deleteCommunity,
  getCommunity,
  listCommunities,
  updateCommunity,
} from './communities.service';

export const tags = ['communities'];
export const read = { auth: 'user', scopes: ['read:statuses'] } as {
  auth: 'user';
  scopes: Scope[];
};
export const write = { auth: 'user', scopes: ['write:statuses'] } as {
  auth: 'user';
  scopes: Scope[];
};

const DIRECTORY_ORDER: SortKey[] = [
  { column: 'communities.last_status_at', direction: 'desc' },
  { column: 'communities.id', direction: 'desc' },
];

/** Rapport's communities: the directory, and creating, reading, editing and deleting one. */
export function communitiesRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/communities',
    {
      config: read,
      schema: { tags, querystring: CommunityDirectoryQuery, response: { 200: Community.array() } },
    },
    async (request, reply) => {
      const { q, membership, cursor, limit = 20 } = request.query;
      const page = await listCommunities(ctx, viewerOf(request), {
        q,
        membership,
        after: cursor ? (decodeCursor(cursor, DIRECTORY_ORDER) as DirectoryCursor) : undefined,
        limit,
      });
      setCursorLink(request, reply, ctx.config.publicUrl, page.next, page.next !== undefined);
      return page.communities;
    },
  );

  app.post(
    '/api/rapport/v1/communities',
    {
      config: write,
      schema: { tags, body: CreateCommunityInput, response: { 200: Community } },
    },
    async (request) => createCommunity(ctx, viewerOf(request), request.body),
  );

  app.get(
    '/api/rapport/v1/communities/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Community } } },
    async (request) => getCommunity(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.patch(
    '/api/rapport/v1/communities/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: UpdateCommunityInput, response: { 200: Community } },
    },
    async (request) =>
      updateCommunity(ctx, viewerOf(request), Number(request.params.id), request.body),
  );

  app.delete(
    '/api/rapport/v1/communities/:id',
    { config: write, schema: { tags, params: IdParams, response: { 200: Empty } } },
    async (request) => {
      await deleteCommunity(ctx, viewerOf(request), Number(request.params.id));
      return {};
    },
  );
}
