/**
 * Message formatting without a library: `{name}` placeholders, and plural messages chosen
 * with Intl.PluralRules (`{ one: '{count} person', other: '{count} people' }`).
 */

export interface PluralMessage {
  /** Used for a count of exactly 0 when given, whatever the language's plural rules say. */
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Message = string | PluralMessage;

export type MessageVars = Readonly<Record<string, string | number>>;

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The placeholder names a message uses; plural messages always take `count`. */
export type VarsOf<M> = M extends string
  ? Placeholders<M>
  : M extends PluralMessage
    ? 'count' | Placeholders<M[keyof M]>
    : never;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, locale: string, make: () => T): T {
  let value = cache.get(locale);
  if (!value) {
    value = make();
    cache.set(locale, value);
  }
  return value;
}

export function selectPluralForm(locale: string, message: PluralMessage, count: number): string {
  if (count === 0 && message.zero !== undefined) return message.zero;
  const rules = cached(pluralRules, locale, () => new Intl.PluralRules(locale));
  const category = rules.select(count) as keyof PluralMessage;
  return message[category] ?? message.other;
}

export function formatMessage(locale: string, message: Message, vars: MessageVars = {}): string {
  const template =
    typeof message === 'string' ? message : selectPluralForm(locale, message, Number(vars.count));
  const numbers = cached(numberFormats, locale, () => new Intl.NumberFormat(locale));
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = vars[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** The best of the available locales for the browser's preferred languages. */
export function pickLocale(
  preferred: readonly string[],
  available: readonly string[],
  fallback: string,
): string {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    const exact = available.find((locale) => locale.toLowerCase() === lower);
    if (exact) return exact;
    const language = lower.split('-')[0];
    const sameLanguage = available.find(
      (locale) => locale.toLowerCase().split('-')[0] === language,
    );
    if (sameLanguage) return sameLanguage;
  }
  return fallback;
}
