import { describe, expect, it } from 'vitest';
import { customFields } from './profile-fields';

describe('customFields', () => {
  it('drops the fields that mirror Rapport attributes', () => {
    const fields = [
      { name: 'Title', value: 'Engineer' },
      { name: 'Department', value: 'R&D' },
      { name: 'Location', value: 'Lyon' },
      { name: 'Skills', value: 'Go, SQL' },
      { name: 'Pronouns', value: 'she/her' },
      { name: 'Team', value: 'Platform' },
    ];
    expect(customFields(fields)).toEqual([
      { name: 'Pronouns', value: 'she/her' },
      { name: 'Team', value: 'Platform' },
    ]);
  });
});
