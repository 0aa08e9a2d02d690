import { describe, expect, it } from 'vitest';
import { en } from './en';
import { createTranslator } from './translate';

describe('createTranslator', () => {
  const { t, formatDate } = createTranslator('en', en, en);

  it('formats plain and plural messages by key', () => {
    expect(t('nav.home')).toBe('Home');
    expect(t('home.welcome', { name: 'Ada' })).toBe('Welcome, Ada');
    expect(t('people.results', { count: 0 })).toBe('No results');
    expect(t('people.results', { count: 1 })).toBe('1 person shown');
    expect(t('people.results', { count: 25 })).toBe('25 people shown');
    expect(t('admin.invitations.usesOf', { count: 2, max: 10 })).toBe('Used 2 of 10 times');
  });

  it('formats dates for the locale', () => {
    expect(formatDate('2026-11-23T08:43:00.000Z')).toMatch(/Nov 23, 2026|23 Nov 2026/);
  });

  it('falls back to English for a key a partial locale lacks', () => {
    const partial = { ...en, 'nav.home': 'Accueil' } as Record<string, unknown>;
    delete partial['nav.people'];
    const fr = createTranslator('fr', partial as typeof en, en);
    expect(fr.t('nav.home')).toBe('Accueil');
    expect(fr.t('nav.people')).toBe('People');
  });
});

describe('the English messages', () => {
  it('use only simple {placeholders}', () => {
    const texts = Object.values(en).flatMap((message) =>
      typeof message === 'string' ? [message] : Object.values(message),
    );
    for (const text of texts) expect(text).not.toMatch(/\{[^}]*[^\w}][^}]*\}/);
  });
});
