import { describe, expect, it } from 'vitest';
import { inAppPath } from './rich-text-links';

const origin = 'http://localhost:3000';
const link = (href: string, className = '', text = '') => ({ href, className, text });

describe('inAppPath', () => {
  it('routes mentions to the profile, by the status’s mention list first', () => {
    const mentions = [{ url: 'https://rapport.example/@ada', username: 'ada', acct: 'ada' }];
    expect(
      inAppPath(link('https://rapport.example/@ada', 'u-url mention', '@ada'), origin, mentions),
    ).toBe('/@ada');
    expect(
      inAppPath(link('https://rapport.example/@grace', 'u-url mention', '@grace'), origin),
    ).toBe('/@grace');
  });

  it('routes hashtags to the tag timeline', () => {
    expect(
      inAppPath(link('https://rapport.example/tags/Design', 'mention hashtag', '#Design'), origin),
    ).toBe('/tags/Design');
    expect(inAppPath(link('http://localhost:3000/tags/caf%C3%A9', '', '#café'), origin)).toBe(
      '/tags/caf%C3%A9',
    );
  });

  it('keeps profile, thread and status links on this server inside the app', () => {
    expect(inAppPath(link('http://localhost:3000/@ada/123'), origin)).toBe('/@ada/123');
    expect(inAppPath(link('http://localhost:3000/statuses/123'), origin)).toBe('/statuses/123');
  });

  it('lets every other link leave the app', () => {
    expect(inAppPath(link('https://example.com/@ada'), origin)).toBeNull();
    expect(inAppPath(link('https://example.com/page', '', 'page'), origin)).toBeNull();
    expect(inAppPath(link('http://localhost:3000/media/a.png'), origin)).toBeNull();
    expect(inAppPath(link('mailto:ada@example.com'), origin)).toBeNull();
    expect(inAppPath(link('javascript:alert(1)', 'mention'), origin)).toBeNull();
  });
});
