import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { createTranslator } from '../../i18n/translate';
import { ada, alan, grace, makeChat } from './chat-fixtures';
import { chatName, seenByText } from './chat-names';

const { t } = createTranslator('en', en, en);

describe('chatName', () => {
  it('uses the title, else the names of the others', () => {
    expect(chatName(makeChat({ title: ' Launch ' }), t, 'en')).toBe('Launch');
    expect(chatName(makeChat({ accounts: [grace] }), t, 'en')).toBe('Grace Hopper');
    expect(chatName(makeChat({ accounts: [grace, alan] }), t, 'en')).toBe(
      'Grace Hopper and Alan Turing',
    );
    expect(chatName(makeChat({ accounts: [grace, alan, ada, grace] }), t, 'en')).toBe(
      'Grace Hopper, Alan Turing and 2 others',
    );
    expect(chatName(makeChat({ accounts: [] }), t, 'en')).toBe('Only you');
  });
});

describe('seenByText', () => {
  it('names a few readers, then counts the rest', () => {
    expect(seenByText([grace], t, 'en')).toBe('Seen by Grace Hopper');
    expect(seenByText([grace, alan, ada], t, 'en')).toBe(
      'Seen by Grace Hopper, Alan Turing, and Ada Lovelace',
    );
    expect(seenByText([grace, alan, ada, grace], t, 'en')).toBe(
      'Seen by Grace Hopper, Alan Turing and 2 others',
    );
  });
});
