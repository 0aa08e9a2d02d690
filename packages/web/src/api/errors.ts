import type { ErrorCode } from '@rapport/schema';

/** The server's stable codes, plus what the client itself can run into. */
export type ClientErrorCode = ErrorCode | 'network_error' | 'unexpected_response';

export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/** A failed request: the server's `{error, code, details}`, or a network failure (status 0). */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details: FieldErrors = {},
  ) {
    super(message);
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Reads an error body defensively: proxies and crashes do not always answer in JSON. */
export function parseApiError(status: number, body: unknown): ApiRequestError {
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    const message =
      typeof record.error_description === 'string' && record.error_description
        ? record.error_description
        : typeof record.error === 'string'
          ? record.error
          : '';
    const code = typeof record.code === 'string' ? (record.code as ErrorCode) : undefined;
    const details: Record<string, string[]> = {};
    if (typeof record.details === 'object' && record.details !== null) {
      for (const [field, problems] of Object.entries(record.details)) {
        if (isStringList(problems)) details[field] = problems;
      }
    }
    if (message || code) {
      return new ApiRequestError(status, code ?? codeForStatus(status), message, details);
    }
  }
  return new ApiRequestError(status, codeForStatus(status), '');
}

function codeForStatus(status: number): ClientErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 422) return 'validation_failed';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal';
  return 'unexpected_response';
}

/** Problems for one form field; the server keys details by dotted path (`fields_attributes.0.name`). */
export function fieldProblems(error: unknown, field: string): readonly string[] {
  return error instanceof ApiRequestError ? (error.details[field] ?? []) : [];
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiRequestError {
  return error instanceof ApiRequestError && (code === undefined || error.code === code);
}
