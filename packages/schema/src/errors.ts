import { z } from 'zod';

/**
 * Stable error codes, listed once. Clients branch on `code`; `error` is the human message
 * (Mastodon clients show `error` as it is).
 */
export const ErrorCode = z.enum([
  'bad_request',
  'malformed_body',
  'unsupported_media_type',
  'payload_too_large',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'csrf_failed',
  'insufficient_scope',
  'not_found',
  'conflict',
  'rate_limited',
  'account_suspended',
  'registrations_closed',
  'invalid_invitation',
  'invalid_setup_token',
  'invalid_credentials',
  'invalid_reset_token',
  'invalid_unsubscribe_token',
  'internal',
  // OAuth 2.0 (RFC 6749 section 5.2); `error` carries the same value on /oauth routes.
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'unsupported_response_type',
  'invalid_scope',
  'access_denied',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  error: z.string(),
  code: ErrorCode,
  error_description: z.string().optional(),
  /** Field-by-field problems for validation failures, keyed by the dotted field path. */
  details: z.record(z.string(), z.array(z.string())).optional(),
});
export type ApiError = z.infer<typeof ApiError>;
