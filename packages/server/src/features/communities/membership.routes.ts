import {
  Community,
  CommunityMember,
  CommunityMemberParams,
  CommunityMembersQuery,
  CursorQuery,
  Empty,
  IdParams,
  InviteMembersInput,
  UpdateMemberInput,
} from '@rapport/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import { decodeCursor, type SortKey } from '../../db/pagination';
import { notFound } from '../../errors';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setCursorLink } from '../../http/pagination';
import { presentMembers } from './communities.presenter';
import { read, tags, write } from './communities.routes';
import { listMembers, listRequests, type PlacesPage } from './content.service';
import { inviteMembers, joinCommunity, leaveCommunity } from './membership.service';
import {
  approveRequest,
  changeRole,
  rejectRequest,
  removeMember,
} from './membership-decisions.service';

const PLACES_ORDER: SortKey[] = [{ column: 'account_id', direction: 'asc' }];

const afterOf = (cursor: string | undefined) =>
  cursor ? Number(decodeCursor(cursor, PLACES_ORDER)[0]) : undefined;

/** Joining, leaving, inviting, roles, and the requests of private communities. */
export function membershipRoutes(app: App, ctx: AppContext): void {
  const paged = (request: FastifyRequest, reply: FastifyReply, page: PlacesPage) => {
    setCursorLink(
      request,
      reply,
      ctx.config.publicUrl,
      page.next === undefined ? undefined : [page.next],
      page.next !== undefined,
    );
    return page.members;
  };
  const member = { 200: CommunityMember };

  app.post(
    '/api/rapport/v1/communities/:id/join',
    { config: write, schema: { tags, params: IdParams, response: { 200: Community } } },
    async (request) => joinCommunity(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.post(
    '/api/rapport/v1/communities/:id/leave',
    { config: write, schema: { tags, params: IdParams, response: { 200: Community } } },
    async (request) => leaveCommunity(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.get(
    '/api/rapport/v1/communities/:id/members',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: CommunityMembersQuery,
        response: { 200: CommunityMember.array() },
      },
    },
    async (request, reply) => {
      const { role, state, cursor, limit = 40 } = request.query;
      const page = await listMembers(ctx, viewerOf(request), Number(request.params.id), {
        roles: role,
        state,
        after: afterOf(cursor),
        limit,
      });
      return paged(request, reply, page);
    },
  );

  app.post(
    '/api/rapport/v1/communities/:id/members',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: InviteMembersInput,
        response: { 200: CommunityMember.array() },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const places = await inviteMembers(
        ctx,
        viewer,
        Number(request.params.id),
        request.body.account_ids.map(Number),
      );
      return presentMembers(ctx, viewer, places);
    },
  );

  app.patch(
    '/api/rapport/v1/communities/:id/members/:account_id',
    {
      config: write,
      schema: { tags, params: CommunityMemberParams, body: UpdateMemberInput, response: member },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const place = await changeRole(
        ctx,
        viewer,
        Number(request.params.id),
        Number(request.params.account_id),
        request.body.role,
      );
      return onePlace(await presentMembers(ctx, viewer, [place]));
    },
  );

  app.delete(
    '/api/rapport/v1/communities/:id/members/:account_id',
    { config: write, schema: { tags, params: CommunityMemberParams, response: { 200: Empty } } },
    async (request) => {
      await removeMember(
        ctx,
        viewerOf(request),
        Number(request.params.id),
        Number(request.params.account_id),
      );
      return {};
    },
  );

  app.get(
    '/api/rapport/v1/communities/:id/requests',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: CursorQuery,
        response: { 200: CommunityMember.array() },
      },
    },
    async (request, reply) => {
      const { cursor, limit = 40 } = request.query;
      const page = await listRequests(ctx, viewerOf(request), Number(request.params.id), {
        after: afterOf(cursor),
        limit,
      });
      return paged(request, reply, page);
    },
  );

  app.post(
    '/api/rapport/v1/communities/:id/requests/:account_id/approve',
    { config: write, schema: { tags, params: CommunityMemberParams, response: member } },
    async (request) => {
      const viewer = viewerOf(request);
      const place = await approveRequest(
        ctx,
        viewer,
        Number(request.params.id),
        Number(request.params.account_id),
      );
      return onePlace(await presentMembers(ctx, viewer, [place]));
    },
  );

  app.post(
    '/api/rapport/v1/communities/:id/requests/:account_id/reject',
    { config: write, schema: { tags, params: CommunityMemberParams, response: { 200: Empty } } },
    async (request) => {
      await rejectRequest(
        ctx,
        viewerOf(request),
        Number(request.params.id),
        Number(request.params.account_id),
      );
      return {};
    },
  );
}

/** The place just changed, presented (its account vanishes only if suspended meanwhile). */
function onePlace(places: CommunityMember[]): CommunityMember {
  const [place] = places;
  if (!place) throw notFound('Member');
  return place;
}
