import { SCOPES } from '@rapport/schema';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { createTranslator } from '../../i18n/translate';
import { describeScope } from './scopes';

const { t } = createTranslator('en', en, en);

describe('describeScope', () => {
  it('describes whole scopes and parts in plain words', () => {
    expect(describeScope(t, 'read')).toBe(en['oauth.scope.read']);
    expect(describeScope(t, 'read:statuses')).toBe('Read your posts');
    expect(describeScope(t, 'write:media')).toBe('Change your media uploads');
    expect(describeScope(t, 'admin:read:accounts')).toBe(
      'Read the organisation’s accounts and profile (administration)',
    );
  });

  it('has words for every scope the server knows', () => {
    for (const scope of SCOPES) expect(describeScope(t, scope)).not.toMatch(/Permission “/);
  });

  it('still names an unknown scope', () => {
    expect(describeScope(t, 'telepathy')).toBe('Permission “telepathy”');
  });
});
