import { ApiRequestError } from '../api/errors';
import type { MessageKey, Translate } from '../i18n';

/** Codes whose meaning the app explains in the reader's language instead of the server's words. */
const LOCAL_MESSAGES: Partial<Record<string, MessageKey>> = {
  network_error: 'errors.network',
  invalid_credentials: 'errors.invalidCredentials',
  account_suspended: 'errors.accountSuspended',
  rate_limited: 'errors.rateLimited',
  csrf_failed: 'errors.csrfFailed',
  payload_too_large: 'errors.payloadTooLarge',
  registrations_closed: 'errors.registrationsClosed',
  invalid_invitation: 'errors.invalidInvitation',
  invalid_setup_token: 'errors.invalidSetupToken',
  unauthorized: 'errors.sessionExpired',
};

/**
 * The sentence to show for a failed request. When every field problem is already shown
 * next to its field, a short summary replaces the server's long list.
 */
export function errorText(
  t: Translate,
  error: unknown,
  shownFields: readonly string[] = [],
): string {
  if (!(error instanceof ApiRequestError)) return t('errors.unexpected');
  const local = LOCAL_MESSAGES[error.code];
  if (local) return t(local as 'errors.unexpected');
  const fields = Object.keys(error.details);
  if (fields.length > 0 && fields.every((field) => shownFields.includes(field))) {
    return t('errors.formSummary');
  }
  return error.message || t('errors.unexpected');
}

/**
 * Server problems are fragments ("must be at least 8 characters"); under a field they read
 * best after the field's label: "Password must be at least 8 characters."
 */
export function problemText(t: Translate, label: string, problems: readonly string[]): string {
  return problems.map((problem) => t('errors.fieldProblem', { field: label, problem })).join(' ');
}
