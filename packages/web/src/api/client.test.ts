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

describe('withQuery with lists', () => {
  it('repeats the key for each item, as Mastodon reads `types[]`', () => {
    expect(withQuery('/api/v1/notifications', { 'types[]': ['mention', 'reblog'] })).toBe(
      '/api/v1/notifications?types%5B%5D=mention&types%5B%5D=reblog',
    );
    expect(withQuery('/api/x', { 'id[]': [] })).toBe('/api/x');
  });
});
