import { describe, expect, it } from 'vitest';
import { nextPagePath, parseLinkHeader } from './link-header';

describe('parseLinkHeader', () => {
  it('reads Mastodon’s next and prev links', () => {
    const header =
      '<https://rapport.example/api/rapport/v1/admin/accounts?limit=2&max_id=7>; rel="next", ' +
      '<https://rapport.example/api/rapport/v1/admin/accounts?limit=2&min_id=9>; rel="prev"';
    expect(parseLinkHeader(header)).toEqual({
      next: 'https://rapport.example/api/rapport/v1/admin/accounts?limit=2&max_id=7',
      prev: 'https://rapport.example/api/rapport/v1/admin/accounts?limit=2&min_id=9',
    });
  });

  it('copes with commas inside URLs, unquoted rels, several rels and extra params', () => {
    const header = '<https://x/a?q=a,b>; title="x"; rel=next, </b>; rel="prev first"';
    expect(parseLinkHeader(header)).toEqual({ next: 'https://x/a?q=a,b', prev: '/b', first: '/b' });
  });

  it('returns nothing for a missing or empty header', () => {
    expect(parseLinkHeader(null)).toEqual({});
    expect(parseLinkHeader('')).toEqual({});
    expect(parseLinkHeader('garbage')).toEqual({});
  });
});

describe('nextPagePath', () => {
  it('keeps only the path and query of the next link', () => {
    expect(
      nextPagePath('<http://localhost:3000/api/rapport/v1/people?q=ada&cursor=abc%3D>; rel="next"'),
    ).toBe('/api/rapport/v1/people?q=ada&cursor=abc%3D');
  });

  it('is null without a next link', () => {
    expect(nextPagePath('<http://x/api?min_id=1>; rel="prev"')).toBeNull();
    expect(nextPagePath(undefined)).toBeNull();
  });
});
