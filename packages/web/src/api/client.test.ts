import { describe, expect, it } from 'vitest';
import { withQuery } from './client';

describe('withQuery', () => {
  it('appends the parameters that have a value', () => {
    expect(withQuery('/api/x', { q: 'ada lovelace', limit: 20, role: undefined, cursor: '' })).toBe(
      '/api/x?q=ada+lovelace&limit=20',
    );
  });

  it('extends a path that already has a query and leaves a bare path alone', () => {
    expect(withQuery('/api/x?cursor=a', { limit: 5 })).toBe('/api/x?cursor=a&limit=5');
    expect(withQuery('/api/x', {})).toBe('/api/x');
    expect(withQuery('/api/x', undefined)).toBe('/api/x');
  });
});
