import type { ApiError, ErrorCode } from '@rapport/schema';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError, validationFailed } from '../errors';

/** Fastify's own error codes for bodies it could not read. */
const FASTIFY_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'malformed_body',
    message: 'The request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'malformed_body',
    message: 'The request body is empty but declared as JSON',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Send JSON, a form (urlencoded) or multipart/form-data',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'malformed_body',
    message: 'The Content-Length does not match the body',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'The request body is too large',
  },
  FST_REQ_FILE_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'The uploaded file is too large',
  },
  FST_PARTS_LIMIT: {
    status: 413,
    code: 'payload_too_large',
    message: 'The form has too many parts',
  },
  FST_FILES_LIMIT: {
    status: 413,
    code: 'payload_too_large',
    message: 'The form has too many files',
  },
  FST_FIELDS_LIMIT: {
    status: 413,
    code: 'payload_too_large',
    message: 'The form has too many fields',
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'The multipart body is malformed',
  },
};

/** OAuth endpoints answer in RFC 6749's shape: `error` is the code. */
const isOAuthRoute = (request: FastifyRequest) =>
  request.url.startsWith('/oauth/token') || request.url.startsWith('/oauth/revoke');

function toHttpError(error: FastifyError, request: FastifyRequest): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details: Record<string, string[]> = {};
    for (const issue of error.validation) {
      const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'body';
      details[field] = [...(details[field] ?? []), issue.message ?? 'is invalid'];
    }
    if (error.validationContext === 'params')
      return new HttpError(404, 'not_found', 'Record not found');
    if (error.validationContext === 'querystring') {
      const failure = validationFailed(details);
      return new HttpError(
        400,
        'bad_request',
        failure.message.replace('Validation failed', 'Invalid parameters'),
        details,
      );
    }
    return validationFailed(details);
  }
  const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
  if (known) return new HttpError(known.status, known.code, known.message);
  if (error.statusCode === 429) return new HttpError(429, 'rate_limited', 'Too many requests');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    request.log.info({ err: error }, 'client error');
    return new HttpError(error.statusCode, 'bad_request', error.message);
  }
  return undefined;
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const failure = toHttpError(error, request);
    if (!failure) {
      request.log.error({ err: error }, 'request failed');
      return reply
        .status(500)
        .send({ error: 'Internal server error', code: 'internal' } satisfies ApiError);
    }
    if (isOAuthRoute(request)) {
      const code = [
        'validation_failed',
        'bad_request',
        'malformed_body',
        'unsupported_media_type',
      ].includes(failure.code)
        ? 'invalid_request'
        : failure.code;
      // RFC 6749 section 5.2: a malformed request is a 400, whatever our own status for it.
      const status = failure.status === 422 ? 400 : failure.status;
      return reply.status(status).send({ error: code, error_description: failure.message, code });
    }
    const body: ApiError = { error: failure.message, code: failure.code };
    if (failure.details) body.details = failure.details;
    return reply.status(failure.status).send(body);
  });
});
