import { en } from './en';
import type { Message, PluralMessage, VarsOf } from './format';

export type MessageKey = keyof typeof en;

/** What every locale provides: the English keys, each a string or a plural message. */
export type Messages = {
  readonly [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage;
};

type VarsArg<K extends MessageKey> = [VarsOf<(typeof en)[K]>] extends [never]
  ? []
  : [vars: Readonly<Record<VarsOf<(typeof en)[K]>, string | number>>];

/** `t('people.results', { count: 3 })`; variables are required exactly when the message uses them. */
export type Translate = <K extends MessageKey>(key: K, ...vars: VarsArg<K>) => string;

/** Locales the app ships, English first; add a file and a line here to translate Rapport. */
export const LOCALES: Readonly<Record<string, Messages>> = { en };
export const DEFAULT_LOCALE = 'en';

export type { Message };
