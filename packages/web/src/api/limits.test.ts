import { ACCOUNT_LIMITS as SCHEMA_LIMITS } from '@rapport/schema';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_LIMITS } from './limits';

describe('ACCOUNT_LIMITS', () => {
  it('matches the schema package', () => {
    expect(ACCOUNT_LIMITS).toEqual(SCHEMA_LIMITS);
  });
});
