import type { ErrorCode } from '@rapport/schema';

/** A failure the client caused or may see: becomes {"error", "code"} with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Record') => new HttpError(404, 'not_found', `${what} not found`);

export const forbidden = (message = 'This action is not allowed') =>
  new HttpError(403, 'forbidden', message);

/** A 422 naming the fields at fault, in Mastodon's "Validation failed: ..." style. */
export function validationFailed(details: Record<string, string[]>): HttpError {
  const summary = Object.entries(details)
    .flatMap(([field, problems]) => problems.map((problem) => `${humanise(field)} ${problem}`))
    .join(', ');
  return new HttpError(422, 'validation_failed', `Validation failed: ${summary}`, details);
}

function humanise(field: string): string {
  const words = field.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
