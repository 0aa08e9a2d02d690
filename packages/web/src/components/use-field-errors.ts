import { fieldProblems } from '../api/errors';
import { useT } from '../i18n/I18nProvider';
import { problemText } from './error-text';

/**
 * The error sentence for a field: the client's own check first, else what the server said
 * about that field in its `details`.
 */
export function useFieldErrors(serverError: unknown, clientErrors: Record<string, string> = {}) {
  const t = useT();
  return (field: string, label: string): string | undefined => {
    const client = clientErrors[field];
    if (client) return client;
    const problems = fieldProblems(serverError, field);
    return problems.length > 0 ? problemText(t, label, problems) : undefined;
  };
}
