import {
  CommunityFile,
  Empty,
  FileDownloadQuery,
  FileLibrary,
  FilesQuery,
  FileUploadInput,
  FileVersion,
  FileVersionInput,
  IdParams,
  type Scope,
} from '@rapport/schema';
import type { FastifyError } from 'fastify';
import type { AppContext } from '../../context';
import { decodeCursor } from '../../db/pagination';
import { HttpError } from '../../errors';
import type { App } from '../../http/app-types';
import type { AuthRule } from '../../http/auth';
import { viewerOf } from '../../http/auth';
import { setCursorLink } from '../../http/pagination';
import { contentDisposition, formatBytes } from './file-names';
import { isTextType } from './file-types';
import { presentVersions } from './files.presenter';
import { FILES_ORDER, VERSIONS_ORDER } from './files.queries';
import { addVersion, deleteFile, uploadFile } from './files.service';
import {
  filesPage,
  libraryOf,
  openDownload,
  presentFile,
  versionsPage,
} from './files-read.service';

const tags = ['files'];
const read: { auth: AuthRule; scopes: Scope[] } = { auth: 'user', scopes: ['read:statuses'] };
const write: { auth: AuthRule; scopes: Scope[] } = { auth: 'user', scopes: ['write:media'] };

/** The name an older version downloads under: "plan (version 2).pdf". */
function versionName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0
    ? `${name.slice(0, dot)} (version ${n})${name.slice(dot)}`
    : `${name} (version ${n})`;
}

/** Community file libraries: upload, list, versions, download and delete. */
export function filesRoutes(app: App, ctx: AppContext): void {
  const maxBytes = ctx.config.files.maxBytes;
  // One file per request, at most the configured size; the reader stops there (413).
  const upload = {
    ...write,
    multipartOptions: { limits: { fileSize: maxBytes, files: 1 } },
  };
  const tooLarge = (error: FastifyError) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return new HttpError(
        413,
        'payload_too_large',
        `The file is larger than the limit of ${formatBytes(maxBytes)}`,
      );
    }
    return error;
  };

  app.get(
    '/api/rapport/v1/communities/:id/files',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: FilesQuery,
        response: { 200: CommunityFile.array() },
      },
    },
    async (request, reply) => {
      const limit = request.query.limit ?? 40;
      const after = request.query.cursor
        ? decodeCursor(request.query.cursor, FILES_ORDER)
        : undefined;
      const page = await filesPage(ctx, viewerOf(request), Number(request.params.id), {
        after,
        limit,
      });
      const last = page.last;
      setCursorLink(
        request,
        reply,
        ctx.config.publicUrl,
        last && [last.updated_at, last.id],
        page.files.length === limit,
      );
      return page.files;
    },
  );

  app.post(
    '/api/rapport/v1/communities/:id/files',
    {
      config: upload,
      errorHandler: (error) => {
        throw tooLarge(error);
      },
      schema: { tags, params: IdParams, body: FileUploadInput, response: { 200: CommunityFile } },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const file = await uploadFile(ctx, viewer, Number(request.params.id), request.body);
      return presentFile(ctx, viewer, file.id);
    },
  );

  app.get(
    '/api/rapport/v1/communities/:id/file_library',
    { config: read, schema: { tags, params: IdParams, response: { 200: FileLibrary } } },
    async (request) => libraryOf(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.get(
    '/api/rapport/v1/files/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: CommunityFile } } },
    async (request) => presentFile(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.delete(
    '/api/rapport/v1/files/:id',
    { config: write, schema: { tags, params: IdParams, response: { 200: Empty } } },
    async (request) => {
      await deleteFile(ctx, viewerOf(request), Number(request.params.id));
      return {};
    },
  );

  app.post(
    '/api/rapport/v1/files/:id/versions',
    {
      config: upload,
      errorHandler: (error) => {
        throw tooLarge(error);
      },
      schema: { tags, params: IdParams, body: FileVersionInput, response: { 200: CommunityFile } },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const file = await addVersion(ctx, viewer, Number(request.params.id), request.body);
      return presentFile(ctx, viewer, file.id);
    },
  );

  app.get(
    '/api/rapport/v1/files/:id/versions',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: FilesQuery,
        response: { 200: FileVersion.array() },
      },
    },
    async (request, reply) => {
      const limit = request.query.limit ?? 40;
      const after = request.query.cursor
        ? decodeCursor(request.query.cursor, VERSIONS_ORDER)
        : undefined;
      const page = await versionsPage(ctx, viewerOf(request), Number(request.params.id), {
        after,
        limit,
      });
      const last = page.versions.at(-1);
      setCursorLink(
        request,
        reply,
        ctx.config.publicUrl,
        last && [last.n],
        page.versions.length === limit,
      );
      return presentVersions(ctx, page.file, page.versions);
    },
  );

  app.get(
    '/api/rapport/v1/files/:id/download',
    { config: read, schema: { tags, params: IdParams, querystring: FileDownloadQuery } },
    async (request, reply) => {
      const asked = request.query.version;
      const { file, version, open } = await openDownload(
        ctx,
        viewerOf(request),
        Number(request.params.id),
        asked,
      );
      const name =
        version.n === file.current_version ? file.name : versionName(file.name, version.n);
      const etag = `"${version.sha256}"`;
      reply
        .header(
          'content-type',
          isTextType(version.mime) ? `${version.mime}; charset=utf-8` : version.mime,
        )
        .header('content-disposition', contentDisposition(name))
        .header('x-content-type-options', 'nosniff')
        // Never a page, even if opened directly: no scripts, no plugins, no same-origin access.
        .header('content-security-policy', "default-src 'none'; sandbox")
        // The bytes of a version never change, but whether the viewer may read them can.
        .header('cache-control', 'private, no-cache')
        .header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.header('content-length', version.size).send(open());
    },
  );
}
