import {
  Account,
  AccountSearchQuery,
  FollowInput,
  IdParams,
  MutedAccount,
  MuteInput,
  PageQuery,
  Relationship,
  RelationshipsQuery,
  type Scope,
} from '@rapport/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import { type IdPage, idPage } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks } from '../../http/pagination';
import { presentAccount } from '../accounts/accounts.presenter';
import { presentMutedAccount } from './graph.presenter';
import {
  block,
  blockedAccounts,
  follow,
  followList,
  mute,
  mutedAccounts,
  relationships,
  searchAccounts,
  unblock,
  unfollow,
  unmute,
} from './graph.service';

const tags = ['accounts'];
const rule = (scopes: Scope[]) => ({ auth: 'user' as const, scopes });

/**
 * Mastodon's follow graph: follow, block and mute (each answering with the Relationship),
 * relationships, followers and following, blocks and mutes lists, and account search.
 * The legacy `follow` scope covers the follows, blocks and mutes scopes (oauth/scopes.ts).
 */
export function graphRoutes(app: App, ctx: AppContext): void {
  // Actions without options: a body, if any, is ignored (apps send none or an empty one).
  const simple = (path: string, scopes: Scope[], run: typeof unfollow) =>
    app.post(
      path,
      {
        config: rule(scopes),
        schema: { tags, params: IdParams, response: { 200: Relationship } },
      },
      async (request) => run(ctx, viewerOf(request), Number(request.params.id)),
    );

  app.post(
    '/api/v1/accounts/:id/follow',
    {
      config: rule(['write:follows']),
      schema: {
        tags,
        params: IdParams,
        body: FollowInput.nullish(),
        response: { 200: Relationship },
      },
    },
    async (request) =>
      follow(ctx, viewerOf(request), Number(request.params.id), request.body ?? {}),
  );
  simple('/api/v1/accounts/:id/unfollow', ['write:follows'], unfollow);
  simple('/api/v1/accounts/:id/block', ['write:blocks'], block);
  simple('/api/v1/accounts/:id/unblock', ['write:blocks'], unblock);
  app.post(
    '/api/v1/accounts/:id/mute',
    {
      config: rule(['write:mutes']),
      schema: {
        tags,
        params: IdParams,
        body: MuteInput.nullish(),
        response: { 200: Relationship },
      },
    },
    async (request) => mute(ctx, viewerOf(request), Number(request.params.id), request.body ?? {}),
  );
  simple('/api/v1/accounts/:id/unmute', ['write:mutes'], unmute);

  app.get(
    '/api/v1/accounts/relationships',
    {
      config: rule(['read:follows']),
      schema: { tags, querystring: RelationshipsQuery, response: { 200: Relationship.array() } },
    },
    async (request) =>
      relationships(
        ctx,
        viewerOf(request),
        request.query.id.map(Number),
        request.query.with_suspended ?? false,
      ),
  );

  app.get(
    '/api/v1/accounts/search',
    {
      config: rule(['read:accounts']),
      schema: { tags, querystring: AccountSearchQuery, response: { 200: Account.array() } },
    },
    async (request) =>
      (await searchAccounts(ctx, viewerOf(request), request.query)).map((row) =>
        presentAccount(ctx, row),
      ),
  );

  /** Mastodon's Link header for a list paged by its rows' ids (follows, blocks, mutes). */
  const linked = <T extends { row_id: number }>(
    request: FastifyRequest,
    reply: FastifyReply,
    page: IdPage,
    rows: T[],
  ): T[] => {
    const ids = rows.map((row) => row.row_id);
    setIdPageLinks(request, reply, ctx.config.publicUrl, ids, page);
    return rows;
  };

  for (const side of ['followers', 'following'] as const) {
    app.get(
      `/api/v1/accounts/:id/${side}`,
      {
        config: rule(['read:accounts']),
        schema: {
          tags,
          params: IdParams,
          querystring: PageQuery,
          response: { 200: Account.array() },
        },
      },
      async (request, reply) => {
        const page = idPage(request.query, 40, 80);
        const id = Number(request.params.id);
        const rows = await followList(ctx, viewerOf(request), side, id, page);
        return linked(request, reply, page, rows).map((row) => presentAccount(ctx, row));
      },
    );
  }

  app.get(
    '/api/v1/blocks',
    {
      config: rule(['read:blocks']),
      schema: { tags, querystring: PageQuery, response: { 200: Account.array() } },
    },
    async (request, reply) => {
      const page = idPage(request.query, 40, 80);
      const rows = await blockedAccounts(ctx, viewerOf(request), page);
      return linked(request, reply, page, rows).map((row) => presentAccount(ctx, row));
    },
  );

  app.get(
    '/api/v1/mutes',
    {
      config: rule(['read:mutes']),
      schema: { tags, querystring: PageQuery, response: { 200: MutedAccount.array() } },
    },
    async (request, reply) => {
      const page = idPage(request.query, 40, 80);
      const rows = await mutedAccounts(ctx, viewerOf(request), page);
      return linked(request, reply, page, rows).map((row) => presentMutedAccount(ctx, row));
    },
  );

  // Accounts are never locked in Rapport, so nobody ever waits for approval.
  app.get(
    '/api/v1/follow_requests',
    {
      config: rule(['read:follows']),
      schema: { tags, querystring: PageQuery, response: { 200: Account.array() } },
    },
    async () => [],
  );
}
