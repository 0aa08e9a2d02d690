import { STATUS_LIMITS } from '@rapport/schema/limits';

/** http(s) links; trailing punctuation is the sentence's, not the link's. */
const URL_PATTERN = /(^|[^\p{L}\p{N}_/])(https?:\/\/[^\s<>"]+)/giu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»”’]+$/u;
/** `@name@domain` counts as `@name`: the domain is the server's business, not the writer's. */
const REMOTE_MENTION = /(^|[^\p{L}\p{N}_/])@([A-Za-z0-9_]+)@[\p{L}\p{N}.-]+\p{L}/giu;

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : null;

/** Characters as people see them: one emoji is one, even when made of several code points. */
export function visibleLength(text: string): number {
  if (!segmenter) return [...text].length;
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** The text as the limit sees it: every link as `urlCharacters` characters, mentions without domain. */
export function countableText(text: string): string {
  const placeholder = 'x'.repeat(STATUS_LIMITS.urlCharacters);
  return text
    .replace(URL_PATTERN, (_match, before: string, url: string) => {
      const trailing = TRAILING_PUNCTUATION.exec(url)?.[0] ?? '';
      return `${before}${placeholder}${trailing}`;
    })
    .replace(REMOTE_MENTION, (_match, before: string, name: string) => `${before}@${name}`);
}

/**
 * Mastodon's count: the text (links as 23 characters each, however long they are) plus the
 * content warning, which shares the same limit.
 */
export function countCharacters(text: string, spoilerText = ''): number {
  return visibleLength(countableText(text)) + visibleLength(spoilerText);
}

export function charactersLeft(text: string, spoilerText = ''): number {
  return STATUS_LIMITS.characters - countCharacters(text, spoilerText);
}
