import { describe, expect, it } from 'vitest';
import { formatMessage, pickLocale, selectPluralForm } from './format';

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('en', 'Hello {name}, {missing}', { name: 'Ada' })).toBe(
      'Hello Ada, {missing}',
    );
  });

  it('formats numbers for the locale', () => {
    expect(formatMessage('en', '{n} uses', { n: 12345 })).toBe('12,345 uses');
    expect(formatMessage('de', '{n} uses', { n: 12345 })).toBe('12.345 uses');
  });

  it('chooses the plural form with the language rules', () => {
    const people = { one: '{count} person', other: '{count} people' };
    expect(formatMessage('en', people, { count: 1 })).toBe('1 person');
    expect(formatMessage('en', people, { count: 2 })).toBe('2 people');
    expect(formatMessage('en', people, { count: 0 })).toBe('0 people');
  });

  it('prefers an explicit zero form', () => {
    const uses = { zero: 'Not used yet', one: 'Used once', other: 'Used {count} times' };
    expect(formatMessage('en', uses, { count: 0 })).toBe('Not used yet');
    expect(formatMessage('en', uses, { count: 3 })).toBe('Used 3 times');
  });

  it('uses the categories of other languages and falls back to other', () => {
    const files = { one: 'one', few: 'few', many: 'many', other: 'other' };
    expect(selectPluralForm('pl', files, 1)).toBe('one');
    expect(selectPluralForm('pl', files, 3)).toBe('few');
    expect(selectPluralForm('pl', files, 5)).toBe('many');
    expect(selectPluralForm('pl', { one: 'one', other: 'other' }, 5)).toBe('other');
    expect(selectPluralForm('fr', { one: 'one', other: 'other' }, 0)).toBe('one');
  });
});

describe('pickLocale', () => {
  it('matches exact tags, then the language, then falls back', () => {
    expect(pickLocale(['fr-CA', 'en'], ['en', 'fr'], 'en')).toBe('fr');
    expect(pickLocale(['pt-BR'], ['en', 'pt-BR'], 'en')).toBe('pt-BR');
    expect(pickLocale(['ja'], ['en'], 'en')).toBe('en');
    expect(pickLocale([], ['en'], 'en')).toBe('en');
  });
});
