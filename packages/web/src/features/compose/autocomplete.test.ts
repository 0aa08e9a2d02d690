import { describe, expect, it } from 'vitest';
import { applySuggestion, findAutocompleteToken } from './autocomplete';

/** The text with "|" marking the caret. */
function at(marked: string) {
  const caret = marked.indexOf('|');
  return findAutocompleteToken(marked.replace('|', ''), caret);
}

describe('findAutocompleteToken', () => {
  it('finds a mention being typed', () => {
    expect(at('Thanks @ad|')).toEqual({ kind: 'mention', query: 'ad', start: 7, end: 10 });
    expect(at('@grace_h|')).toEqual({ kind: 'mention', query: 'grace_h', start: 0, end: 8 });
  });

  it('finds a hashtag being typed, in any script', () => {
    expect(at('Launch day #rel|')).toEqual({ kind: 'hashtag', query: 'rel', start: 11, end: 15 });
    expect(at('#café|')).toMatchObject({ kind: 'hashtag', query: 'café' });
    expect(at('#日本|')).toMatchObject({ kind: 'hashtag', query: '日本' });
  });

  it('takes the whole word when the caret is inside it', () => {
    expect(at('hi @gr|ace there')).toEqual({ kind: 'mention', query: 'gr', start: 3, end: 9 });
  });

  it('waits for at least one character after the trigger', () => {
    expect(at('Thanks @|')).toBeNull();
    expect(at('#|')).toBeNull();
  });

  it('ignores triggers inside words, addresses and links', () => {
    expect(at('mail ada@exam|')).toBeNull();
    expect(at('see https://x.example/#sec|')).toBeNull();
    expect(at('issue C#|')).toBeNull();
  });

  it('accepts a trigger after an opening bracket or quote', () => {
    expect(at('(@ad|')).toMatchObject({ kind: 'mention', query: 'ad' });
    expect(at('"#ship|')).toMatchObject({ kind: 'hashtag', query: 'ship' });
  });

  it('stops at punctuation and spaces', () => {
    expect(at('@ada, |')).toBeNull();
    expect(at('@ada |')).toBeNull();
    expect(at('@ada-|')).toBeNull();
  });

  it('ignores a caret out of range', () => {
    expect(findAutocompleteToken('@ada', 9)).toBeNull();
    expect(findAutocompleteToken('@ada', -1)).toBeNull();
  });
});

describe('applySuggestion', () => {
  it('replaces the token and puts the caret after a space', () => {
    const token = findAutocompleteToken('Thanks @ad', 10);
    if (!token) throw new Error('no token');
    expect(applySuggestion('Thanks @ad', token, 'ada')).toEqual({
      text: 'Thanks @ada ',
      caret: 12,
    });
  });

  it('replaces the whole word and reuses a following space', () => {
    const text = 'hi #rel today';
    const token = findAutocompleteToken(text, 6);
    if (!token) throw new Error('no token');
    const result = applySuggestion(text, token, 'release');
    expect(result).toEqual({ text: 'hi #release today', caret: 12 });
  });
});
