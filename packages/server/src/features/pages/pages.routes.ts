import {
  CreatePageInput,
  CursorQuery,
  Empty,
  IdParams,
  Page,
  PageConflict,
  PageDiff,
  PageDiffQuery,
  PagePlaces,
  PagePreview,
  PagePreviewInput,
  PageRevision,
  PageRevisionParams,
  PageRevisionSummary,
  PageSummary,
  PagesQuery,
  UpdatePageInput,
} from '@rapport/schema';
import type { FastifyContextConfig } from 'fastify';
import type { AppContext } from '../../context';
import { decodeCursor } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setCursorLink } from '../../http/pagination';
import { diffPageRevisions, getPageRevision, listPageRevisions } from './page-history.service';
import { renderMarkdown } from './pages.markdown';
import {
  presentPage,
  presentPageSummaries,
  presentRevision,
  presentRevisionSummaries,
} from './pages.presenter';
import { PAGES_ORDER, REVISIONS_ORDER } from './pages.queries';
import { listPages } from './pages.search';
import { createPage, deletePage, getReadablePage, pagePlaces, updatePage } from './pages.service';

const tags = ['pages'];
const read = (): FastifyContextConfig => ({ auth: 'user', scopes: ['read'] });
const write = (): FastifyContextConfig => ({ auth: 'user', scopes: ['write'] });

/** Knowledge pages: long-form Markdown, revisions, diffs and co-authors. */
export function pagesRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/pages',
    {
      config: read(),
      schema: { tags, querystring: PagesQuery, response: { 200: PageSummary.array() } },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const { query } = request;
      const limit = query.limit ?? 20;
      const rows = await listPages(ctx, viewer, {
        communityId: query.community_id ? Number(query.community_id) : undefined,
        organisationOnly: query.scope === 'organisation',
        q: query.q,
        after: query.cursor ? decodeCursor(query.cursor, PAGES_ORDER) : undefined,
        limit,
      });
      const last = rows.at(-1);
      const lastKey = last && [last.updated_at, last.id];
      setCursorLink(request, reply, ctx.config.publicUrl, lastKey, rows.length === limit);
      return presentPageSummaries(ctx, viewer, rows);
    },
  );

  app.post(
    '/api/rapport/v1/pages',
    { config: write(), schema: { tags, body: CreatePageInput, response: { 200: Page } } },
    async (request) => {
      const viewer = viewerOf(request);
      return presentPage(ctx, viewer, await createPage(ctx, viewer, request.body));
    },
  );

  app.post(
    '/api/rapport/v1/pages/preview',
    {
      config: read(),
      schema: { tags, body: PagePreviewInput, response: { 200: PagePreview } },
    },
    async (request) => ({ html: renderMarkdown(request.body.body) }),
  );

  app.get(
    '/api/rapport/v1/pages/places',
    { config: read(), schema: { tags, response: { 200: PagePlaces } } },
    async (request) => pagePlaces(ctx, viewerOf(request)),
  );

  app.get(
    '/api/rapport/v1/pages/:id',
    { config: read(), schema: { tags, params: IdParams, response: { 200: Page } } },
    async (request) => {
      const viewer = viewerOf(request);
      const { page } = await getReadablePage(ctx, viewer, Number(request.params.id));
      return presentPage(ctx, viewer, page);
    },
  );

  app.put(
    '/api/rapport/v1/pages/:id',
    {
      config: write(),
      schema: {
        tags,
        params: IdParams,
        body: UpdatePageInput,
        response: { 200: Page, 409: PageConflict },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const result = await updatePage(ctx, viewer, Number(request.params.id), request.body);
      const page = await presentPage(ctx, viewer, result.page);
      if (result.outcome !== 'conflict') return page;
      return reply.status(409).send({
        error: `Someone saved revision ${page.revision} of this page after revision ${request.body.base_revision}, which your edit started from`,
        code: 'conflict' as const,
        current: page,
      });
    },
  );

  app.delete(
    '/api/rapport/v1/pages/:id',
    { config: write(), schema: { tags, params: IdParams, response: { 200: Empty } } },
    async (request) => {
      await deletePage(ctx, viewerOf(request), Number(request.params.id));
      return {};
    },
  );

  app.get(
    '/api/rapport/v1/pages/:id/revisions',
    {
      config: read(),
      schema: {
        tags,
        params: IdParams,
        querystring: CursorQuery,
        response: { 200: PageRevisionSummary.array() },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const limit = request.query.limit ?? 40;
      const after = request.query.cursor
        ? decodeCursor(request.query.cursor, REVISIONS_ORDER)
        : undefined;
      const rows = await listPageRevisions(ctx, viewer, Number(request.params.id), after, limit);
      const last = rows.at(-1);
      setCursorLink(request, reply, ctx.config.publicUrl, last && [last.n], rows.length === limit);
      return presentRevisionSummaries(ctx, viewer, rows);
    },
  );

  app.get(
    '/api/rapport/v1/pages/:id/revisions/:n',
    {
      config: read(),
      schema: { tags, params: PageRevisionParams, response: { 200: PageRevision } },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const { id, n } = request.params;
      return presentRevision(ctx, viewer, await getPageRevision(ctx, viewer, Number(id), n));
    },
  );

  app.get(
    '/api/rapport/v1/pages/:id/diff',
    {
      config: read(),
      schema: { tags, params: IdParams, querystring: PageDiffQuery, response: { 200: PageDiff } },
    },
    async (request) =>
      diffPageRevisions(ctx, viewerOf(request), Number(request.params.id), request.query),
  );
}
