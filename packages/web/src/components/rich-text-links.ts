/** A mention the server resolved for a status (Mastodon's Mention). */
export interface MentionRef {
  url: string;
  username: string;
  acct: string;
}

const TAG_PATH = /^\/tags\/([^/?#]+)\/?$/;
const PROFILE_PATH = /^\/@[A-Za-z0-9_]+(?:\/\d+)?\/?$/;

/**
 * Where a link in server-rendered HTML should go inside the app, or null for a link that
 * leaves it. Mentions and hashtags are recognised by the status's own mention list, by
 * Mastodon's `mention`/`hashtag` classes, or by pointing at a profile or tag on this
 * server (whose public address may differ from the one in the address bar).
 */
export function inAppPath(
  link: { href: string; className: string; text: string },
  origin: string,
  mentions: readonly MentionRef[] = [],
): string | null {
  let url: URL;
  try {
    url = new URL(link.href, origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const classes = link.className.split(/\s+/);
  const sameOrigin = url.origin === origin;

  const mention = mentions.find((item) => item.url === link.href || item.url === url.href);
  if (mention) return `/@${mention.acct || mention.username}`;

  const tag = TAG_PATH.exec(url.pathname);
  if (classes.includes('hashtag') || link.text.startsWith('#')) {
    if (tag?.[1]) return `/tags/${tag[1]}`;
    const name = link.text.replace(/^#/, '').trim();
    if (classes.includes('hashtag') && name) return `/tags/${encodeURIComponent(name)}`;
  }
  if (tag?.[1] && sameOrigin) return `/tags/${tag[1]}`;

  if (PROFILE_PATH.test(url.pathname) && (sameOrigin || classes.includes('mention'))) {
    return url.pathname.replace(/\/$/, '');
  }
  if (sameOrigin && /^\/statuses\/\d+\/?$/.test(url.pathname)) return url.pathname;
  return null;
}
