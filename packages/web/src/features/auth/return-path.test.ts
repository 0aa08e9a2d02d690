import { describe, expect, it } from 'vitest';
import { returnPath } from './return-path';

describe('returnPath', () => {
  it('returns to a page of the app', () => {
    expect(returnPath({ from: '/people?q=design' })).toBe('/people?q=design');
    expect(returnPath({ from: '/@ada' })).toBe('/@ada');
  });

  it('never leaves the app or loops back to the sign-in page', () => {
    expect(returnPath({ from: '//evil.example/x' })).toBe('/');
    expect(returnPath({ from: '/\\evil.example' })).toBe('/');
    expect(returnPath({ from: 'https://evil.example' })).toBe('/');
    expect(returnPath({ from: '/sign-in' })).toBe('/');
    expect(returnPath(null)).toBe('/');
    expect(returnPath({ from: 42 })).toBe('/');
  });
});
