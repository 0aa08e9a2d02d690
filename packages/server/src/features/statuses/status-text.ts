import { STATUS_LIMITS } from '@rapport/schema';
import { escapeHtml, linkHtml, sanitizeHtml } from '../../lib/html';

/**
 * Status text to Mastodon-style HTML. Links, @mentions of known accounts and #hashtags
 * become links; everything else is escaped text; blank lines make paragraphs.
 */

const URL_SOURCE = String.raw`https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}]`;
// A mention or hashtag starts a word: not after a letter, digit, "/", "@" or "#".
const MENTION_SOURCE = String.raw`(?<![\p{L}\p{N}_/@#])@([A-Za-z0-9_]{1,30})(?:@([\w.-]+))?`;
// Hashtags are letters, digits and underscores with at least one letter or underscore.
const HASHTAG_SOURCE = String.raw`(?<![\p{L}\p{N}_/&#])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)`;
const TOKEN = new RegExp(`(${URL_SOURCE})|${MENTION_SOURCE}|${HASHTAG_SOURCE}`, 'gu');

export interface ParsedText {
  /** Lower-cased usernames, in order of first appearance. */
  mentions: string[];
  /** Hashtags as written (first spelling wins), without "#". */
  tags: string[];
  urls: string[];
}

/** What a status text refers to; `ownHost` is our host, so `@ana@our.host` is local. */
export function parseStatusText(text: string, ownHost: string): ParsedText {
  const mentions = new Set<string>();
  const tags = new Map<string, string>();
  const urls: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    if (match[1]) urls.push(match[1]);
    else if (match[2] && (!match[3] || match[3].toLowerCase() === ownHost)) {
      mentions.add(match[2].toLowerCase());
    } else if (match[4] && !tags.has(match[4].toLowerCase())) {
      tags.set(match[4].toLowerCase(), match[4]);
    }
  }
  return { mentions: [...mentions], tags: [...tags.values()], urls };
}

/**
 * Mastodon's length rule: every link counts as 23 characters whatever its length, and
 * characters are counted as people see them (code points), not UTF-16 units.
 */
export function statusLength(text: string): number {
  let length = 0;
  let last = 0;
  for (const match of text.matchAll(new RegExp(URL_SOURCE, 'g'))) {
    length += [...text.slice(last, match.index)].length + STATUS_LIMITS.urlCharacters;
    last = match.index + match[0].length;
  }
  return length + [...text.slice(last)].length;
}

export interface RenderContext {
  publicUrl: string;
  ownHost: string;
  /** Lower-cased username -> the username as the account spells it, for known accounts only. */
  accounts: Map<string, string>;
}

function renderInline(text: string, r: RenderContext): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    html += escapeHtml(text.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1]) {
      html += linkHtml(match[1]);
      continue;
    }
    const username =
      match[2] && (!match[3] || match[3].toLowerCase() === r.ownHost)
        ? r.accounts.get(match[2].toLowerCase())
        : undefined;
    if (username) {
      const href = `${r.publicUrl}/@${username}`;
      html += `<span class="h-card"><a href="${escapeHtml(href)}" class="u-url mention">@<span>${escapeHtml(username)}</span></a></span>`;
    } else if (match[4]) {
      const href = `${r.publicUrl}/tags/${encodeURIComponent(match[4].toLowerCase())}`;
      html += `<a href="${escapeHtml(href)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(match[4])}</span></a>`;
    } else {
      html += escapeHtml(match[0]);
    }
  }
  return html + escapeHtml(text.slice(last));
}

export function renderStatusHtml(text: string, r: RenderContext): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim().length > 0);
  return sanitizeHtml(
    paragraphs
      .map(
        (paragraph) =>
          `<p>${paragraph
            .split('\n')
            .map((line) => renderInline(line, r))
            .join('<br />')}</p>`,
      )
      .join(''),
  );
}
