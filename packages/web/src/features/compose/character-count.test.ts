import { STATUS_LIMITS } from '@rapport/schema/limits';
import { describe, expect, it } from 'vitest';
import { charactersLeft, countableText, countCharacters, visibleLength } from './character-count';

describe('countCharacters', () => {
  it('counts plain text as written', () => {
    expect(countCharacters('')).toBe(0);
    expect(countCharacters('Hello, team!')).toBe(12);
  });

  it('counts every link as 23 characters, short or long', () => {
    expect(countCharacters('https://a.io')).toBe(23);
    const long = `https://example.com/${'x'.repeat(200)}?q=1#section`;
    expect(countCharacters(long)).toBe(23);
    expect(countCharacters(`See ${long} now`)).toBe(4 + 23 + 4);
    expect(countCharacters('http://intranet/wiki and https://b.example')).toBe(23 + 5 + 23);
  });

  it('leaves the sentence’s punctuation out of the link', () => {
    expect(countableText('Read https://example.com/page.')).toBe(`Read ${'x'.repeat(23)}.`);
    expect(countableText('(see https://example.com/a)')).toBe(`(see ${'x'.repeat(23)})`);
  });

  it('does not treat text that merely contains "http" as a link', () => {
    expect(countCharacters('http is a protocol')).toBe(18);
    expect(countCharacters('ftp://files.example')).toBe(19);
  });

  it('counts a mention of another server without its domain', () => {
    expect(countCharacters('@ada@other.example hi')).toBe('@ada hi'.length);
    expect(countCharacters('@ada hi')).toBe(7);
    expect(countCharacters('mail ada@example.com')).toBe(20);
  });

  it('counts what people see as one character as one', () => {
    expect(visibleLength('👩‍💻')).toBe(1);
    expect(visibleLength('é')).toBe(1);
    expect(countCharacters('🇫🇷 ok')).toBe(4);
  });

  it('adds the content warning to the same limit', () => {
    expect(countCharacters('body', 'cw')).toBe(6);
  });
});

describe('charactersLeft', () => {
  it('counts down from the server limit and goes negative past it', () => {
    expect(charactersLeft('')).toBe(STATUS_LIMITS.characters);
    expect(charactersLeft('a'.repeat(STATUS_LIMITS.characters))).toBe(0);
    expect(charactersLeft('a'.repeat(STATUS_LIMITS.characters + 3))).toBe(-3);
    expect(charactersLeft(`${'a'.repeat(480)} https://example.com/very/long/path/indeed`)).toBe(
      STATUS_LIMITS.characters - 480 - 1 - 23,
    );
  });
});
