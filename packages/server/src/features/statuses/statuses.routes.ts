import {
  Account,
  Context,
  CreateStatusInput,
  DeleteStatusQuery,
  EditStatusInput,
  Id,
  IdParams,
  PageQuery,
  type Scope,
  Status,
  StatusEdit,
  StatusSource,
  Visibility,
} from '@rapport/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { applyIdPage, finishIdPage, idPage } from '../../db/pagination';
import { notFound } from '../../errors';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks } from '../../http/pagination';
import { presentAccount } from '../accounts/accounts.presenter';
import { findAccountsByIds } from '../accounts/accounts.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import { statusHistory } from './history.service';
import {
  bookmark,
  favourite,
  reblog,
  unbookmark,
  unfavourite,
  unreblog,
} from './reactions.service';
import { editStatus } from './status-edits.service';
import { deleteStatus } from './status-removal.service';
import { presentStatus, presentStatuses } from './statuses.present';
import type { StatusRow } from './statuses.queries';
import { createStatus, getVisibleStatus } from './statuses.service';
import { statusContext } from './thread.service';

const tags = ['statuses'];
const read: RouteRule = { auth: 'user', scopes: ['read:statuses'] };
const write: RouteRule = { auth: 'user', scopes: ['write:statuses'] };

interface RouteRule {
  auth: 'user';
  scopes: Scope[];
}

/** Mastodon's status endpoints. */
export function statusesRoutes(app: App, ctx: AppContext): void {
  const show = async (request: FastifyRequest, row: StatusRow) => {
    const status = await presentStatus(ctx, viewerOf(request), row.id);
    if (!status) throw notFound();
    return status;
  };

  app.post(
    '/api/v1/statuses',
    {
      config: write,
      schema: {
        tags,
        body: CreateStatusInput,
        headers: z.object({ 'idempotency-key': z.string().max(200).optional() }).loose(),
        response: { 200: Status },
      },
    },
    async (request) => {
      const row = await createStatus(ctx, viewerOf(request), request.body, {
        applicationId: request.auth?.applicationId ?? null,
        idempotencyKey: request.headers['idempotency-key'],
      });
      return show(request, row);
    },
  );

  app.get(
    '/api/v1/statuses',
    {
      config: read,
      schema: {
        tags,
        querystring: z.object({
          id: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(Id).max(40)),
        }),
        response: { 200: Status.array() },
      },
    },
    async (request) => presentStatuses(ctx, viewerOf(request), request.query.id.map(Number)),
  );

  app.get(
    '/api/v1/statuses/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Status } } },
    async (request) =>
      show(request, await getVisibleStatus(ctx, viewerOf(request), Number(request.params.id))),
  );

  app.put(
    '/api/v1/statuses/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: EditStatusInput, response: { 200: Status } },
    },
    async (request) =>
      show(
        request,
        await editStatus(ctx, viewerOf(request), Number(request.params.id), request.body),
      ),
  );

  app.delete(
    '/api/v1/statuses/:id',
    {
      config: write,
      schema: { tags, params: IdParams, querystring: DeleteStatusQuery, response: { 200: Status } },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const id = Number(request.params.id);
      // Presented before it goes, with its source text so clients can "delete and redraft".
      const before = await presentStatus(ctx, viewer, id);
      const row = await deleteStatus(ctx, viewer, id);
      if (!before) throw notFound();
      return { ...before, text: row.text };
    },
  );

  app.get(
    '/api/v1/statuses/:id/context',
    { config: read, schema: { tags, params: IdParams, response: { 200: Context } } },
    async (request) => {
      const viewer = viewerOf(request);
      const status = await getVisibleStatus(ctx, viewer, Number(request.params.id));
      return statusContext(ctx, viewer, status);
    },
  );

  app.get(
    '/api/v1/statuses/:id/history',
    { config: read, schema: { tags, params: IdParams, response: { 200: StatusEdit.array() } } },
    async (request) =>
      statusHistory(ctx, await getVisibleStatus(ctx, viewerOf(request), Number(request.params.id))),
  );

  app.get(
    '/api/v1/statuses/:id/source',
    { config: read, schema: { tags, params: IdParams, response: { 200: StatusSource } } },
    async (request) => {
      const status = await getVisibleStatus(ctx, viewerOf(request), Number(request.params.id));
      return { id: String(status.id), text: status.text, spoiler_text: status.spoiler_text };
    },
  );

  const reactions = {
    favourite: (request: FastifyRequest, id: number) => favourite(ctx, viewerOf(request), id),
    unfavourite: (request: FastifyRequest, id: number) => unfavourite(ctx, viewerOf(request), id),
    bookmark: (request: FastifyRequest, id: number) => bookmark(ctx, viewerOf(request), id),
    unbookmark: (request: FastifyRequest, id: number) => unbookmark(ctx, viewerOf(request), id),
    unreblog: (request: FastifyRequest, id: number) => unreblog(ctx, viewerOf(request), id),
  };
  const scopeOf = (action: string): Scope[] =>
    action.includes('favourite')
      ? ['write:favourites']
      : action.includes('bookmark')
        ? ['write:bookmarks']
        : ['write:statuses'];
  for (const [action, run] of Object.entries(reactions)) {
    app.post(
      `/api/v1/statuses/:id/${action}`,
      {
        config: { auth: 'user', scopes: scopeOf(action) },
        schema: { tags, params: IdParams, response: { 200: Status } },
      },
      async (request) => show(request, await run(request, Number(request.params.id))),
    );
  }

  app.post(
    '/api/v1/statuses/:id/reblog',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: z.object({ visibility: Visibility.optional() }).nullish(),
        response: { 200: Status },
      },
    },
    async (request) =>
      show(
        request,
        await reblog(ctx, viewerOf(request), Number(request.params.id), request.body?.visibility),
      ),
  );

  // Who favourited or boosted a status, newest first, paged by the favourite or boost id.
  const reactors =
    (table: 'favourites' | 'reblogs') =>
    async (
      request: FastifyRequest<{ Params: { id: string }; Querystring: PageQuery }>,
      reply: FastifyReply,
    ) => {
      const viewer = viewerOf(request);
      const status = await getVisibleStatus(ctx, viewer, Number(request.params.id));
      const page = idPage(request.query, 40, 80);
      const query =
        table === 'favourites'
          ? ctx.db
              .selectFrom('favourites')
              .select(['id', 'account_id'])
              .where('status_id', '=', status.id)
          : ctx.db
              .selectFrom('statuses')
              .select(['id', 'account_id'])
              .where('reblog_of_id', '=', status.id);
      const rows = finishIdPage(await applyIdPage(query, 'id', page).execute(), page);
      setIdPageLinks(
        request,
        reply,
        ctx.config.publicUrl,
        rows.map((row) => row.id),
        page,
      );
      const accounts = new Map(
        (
          await findAccountsByIds(
            ctx.db,
            rows.map((row) => row.account_id),
          )
        ).map((a) => [a.id, a]),
      );
      const shown = new Set(
        (
          await visibleAccounts(
            ctx.db,
            viewer,
            [...accounts.values()].filter((account) => account.suspended === 0),
          )
        ).map((account) => account.id),
      );
      return rows.flatMap((row) => {
        const account = accounts.get(row.account_id);
        return account && shown.has(account.id) ? [presentAccount(ctx, account)] : [];
      });
    };
  app.get(
    '/api/v1/statuses/:id/favourited_by',
    {
      config: { auth: 'user', scopes: ['read:accounts'] },
      schema: {
        tags,
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Account.array() },
      },
    },
    reactors('favourites'),
  );
  app.get(
    '/api/v1/statuses/:id/reblogged_by',
    {
      config: { auth: 'user', scopes: ['read:accounts'] },
      schema: {
        tags,
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Account.array() },
      },
    },
    reactors('reblogs'),
  );

  // The viewer's own bookmarks and favourites, newest first, paged by when they were made.
  for (const table of ['bookmarks', 'favourites'] as const) {
    app.get(
      `/api/v1/${table}`,
      {
        config: { auth: 'user', scopes: [`read:${table}`] },
        schema: { tags, querystring: PageQuery, response: { 200: Status.array() } },
      },
      async (request, reply) => {
        const viewer = viewerOf(request);
        const page = idPage(request.query, 20, 40);
        const query = ctx.db
          .selectFrom(table)
          .select(['id', 'status_id'])
          .where('account_id', '=', viewer.id);
        const rows = finishIdPage(await applyIdPage(query, 'id', page).execute(), page);
        setIdPageLinks(
          request,
          reply,
          ctx.config.publicUrl,
          rows.map((row) => row.id),
          page,
        );
        return presentStatuses(
          ctx,
          viewer,
          rows.map((row) => row.status_id),
        );
      },
    );
  }
}
