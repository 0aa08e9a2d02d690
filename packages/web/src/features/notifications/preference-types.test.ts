import { PreferenceType } from '@rapport/schema';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { TYPE_GROUPS, TYPE_LABELS } from './preference-types';

describe('the notification settings table', () => {
  it('offers every type exactly once, each with a label', () => {
    const listed = TYPE_GROUPS.flatMap((group) => group.types);
    expect([...listed].sort()).toEqual([...PreferenceType.options].sort());
    for (const type of PreferenceType.options) expect(en[TYPE_LABELS[type]]).toBeTruthy();
    for (const group of TYPE_GROUPS) expect(en[group.title]).toBeTruthy();
  });
});
