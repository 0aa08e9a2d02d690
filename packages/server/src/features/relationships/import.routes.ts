import {
  InteractionImportResult,
  RelationshipRecompute,
  type Scope,
  UploadedFile,
} from '@rapport/schema';
import type { FastifyError, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { HttpError } from '../../errors';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { importInteractions } from './import.service';
import {
  recomputeIfOutdated,
  recomputeStatus,
  requestRecompute,
  stopRecompute,
} from './recompute.service';

const tags = ['admin'];
const read: { auth: 'admin'; scopes: Scope[] } = { auth: 'admin', scopes: ['admin:read'] };
const write: { auth: 'admin'; scopes: Scope[] } = { auth: 'admin', scopes: ['admin:write'] };

/** The API takes a file of at most 1 MB; bigger histories go through the CLI, which streams. */
const MAX_IMPORT_BYTES = 1024 * 1024;
const LINE_TYPES = ['text/plain', 'application/x-ndjson'];

/** JSON lines as the body (text/plain or application/x-ndjson), or a multipart `file`. */
const ImportBody = z.union([z.string(), z.object({ file: UploadedFile })]);

function acceptsLines(request: FastifyRequest): void {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!LINE_TYPES.includes(type) && !request.isMultipart()) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'Send the JSON lines as text/plain or application/x-ndjson, or as a multipart/form-data field "file"',
    );
  }
}

const tooLarge = (error: FastifyError) =>
  error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
    ? new HttpError(
        413,
        'payload_too_large',
        'The file is larger than 1 MB: import it with `rapport import interactions FILE`, which has no limit',
      )
    : error;

/**
 * The relationship model's admin side: importing history into the interaction ledger and
 * the full recomputation (in a worker thread; also started on its own after an upgrade
 * that changed the model). Only counts come back: nobody's relationships.
 */
export function relationshipAdminRoutes(app: App, ctx: AppContext): void {
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/rapport/v1/admin/interactions/import',
    {
      config: {
        ...write,
        multipartOptions: { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } },
      },
      bodyLimit: MAX_IMPORT_BYTES,
      preValidation: async (request) => acceptsLines(request),
      errorHandler: (error) => {
        throw tooLarge(error);
      },
      schema: { tags, body: ImportBody, response: { 200: InteractionImportResult } },
    },
    async (request) => {
      const body = request.body;
      const text = typeof body === 'string' ? body : new TextDecoder().decode(body.file.data);
      if (text.trim() === '') {
        throw new HttpError(
          400,
          'bad_request',
          'The body is empty: send one JSON object {actor, target, kind, at, context} per line',
        );
      }
      return importInteractions(ctx, text.split(/\r?\n/), viewerOf(request).id);
    },
  );

  app.get(
    '/api/rapport/v1/admin/relationships/recompute',
    { config: read, schema: { tags, response: { 200: RelationshipRecompute } } },
    async () => recomputeStatus(ctx),
  );

  app.post(
    '/api/rapport/v1/admin/relationships/recompute',
    { config: write, schema: { tags, response: { 202: RelationshipRecompute } } },
    async (_request, reply) => reply.code(202).send(await requestRecompute(ctx)),
  );

  // After an upgrade that changed the model, the recomputation starts once the server
  // listens (never before: requests come first), and stops with the server.
  app.addHook('onListen', async () => {
    recomputeIfOutdated(ctx).catch((error: unknown) =>
      ctx.log.error({ err: error }, 'checking the relationship model version failed'),
    );
  });
  app.addHook('onClose', async () => stopRecompute(ctx));
}
