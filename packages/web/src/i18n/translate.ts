import { formatMessage, type MessageVars } from './format';
import type { MessageKey, Messages, Translate } from './index';

export interface Translator {
  locale: string;
  t: Translate;
  /** A date (ISO string) as the locale writes it, e.g. "23 Nov 2026". */
  formatDate: (iso: string) => string;
  formatDateTime: (iso: string) => string;
}

export function createTranslator(
  locale: string,
  messages: Messages,
  fallback: Messages,
): Translator {
  const t = ((key: MessageKey, vars?: MessageVars) =>
    formatMessage(locale, messages[key] ?? fallback[key], vars)) as Translate;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    locale,
    t,
    formatDate: (iso) => date.format(new Date(iso)),
    formatDateTime: (iso) => dateTime.format(new Date(iso)),
  };
}
