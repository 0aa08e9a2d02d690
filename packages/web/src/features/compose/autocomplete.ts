export type SuggestionKind = 'mention' | 'hashtag';

export interface AutocompleteToken {
  kind: SuggestionKind;
  /** What follows the @ or #, up to the caret. */
  query: string;
  /** Where the @ or # is. */
  start: number;
  /** Where the word ends (the caret may be inside it). */
  end: number;
}

/** A trigger only counts at the start of a word: never inside an email address or a link. */
const BEFORE_TRIGGER = /[\s([{"'«“‘]/u;
const MENTION_QUERY = /^[A-Za-z0-9_]+$/;
const HASHTAG_QUERY = /^[\p{L}\p{M}\p{N}_]+$/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

/**
 * The @mention or #hashtag being typed at the caret, if any: `@ad|` gives
 * {kind: 'mention', query: 'ad'}. A lone trigger (`@|`) gives nothing yet.
 */
export function findAutocompleteToken(text: string, caret: number): AutocompleteToken | null {
  if (caret < 0 || caret > text.length) return null;
  let start = caret;
  while (start > 0 && WORD_CHAR.test(text.charAt(start - 1))) start--;
  const trigger = text.charAt(start - 1);
  if (trigger !== '@' && trigger !== '#') return null;
  const triggerAt = start - 1;
  if (triggerAt > 0 && !BEFORE_TRIGGER.test(text.charAt(triggerAt - 1))) return null;
  const query = text.slice(start, caret);
  const kind: SuggestionKind = trigger === '@' ? 'mention' : 'hashtag';
  if (!(kind === 'mention' ? MENTION_QUERY : HASHTAG_QUERY).test(query)) return null;
  let end = caret;
  while (end < text.length && WORD_CHAR.test(text.charAt(end))) end++;
  return { kind, query, start: triggerAt, end };
}

/**
 * Replaces the token with the chosen `@username` or `#tag` and a space, and says where the
 * caret goes: after that space, ready for the next word.
 */
export function applySuggestion(
  text: string,
  token: AutocompleteToken,
  value: string,
): { text: string; caret: number } {
  const trigger = token.kind === 'mention' ? '@' : '#';
  const after = text.slice(token.end);
  const inserted = `${trigger}${value}`;
  const spaced = after.startsWith(' ') ? after : ` ${after}`;
  return {
    text: `${text.slice(0, token.start)}${inserted}${spaced}`,
    caret: token.start + inserted.length + 1,
  };
}
