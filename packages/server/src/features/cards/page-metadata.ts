import { TextDecoder } from 'node:util';

/**
 * Reading link previews out of HTML without a parser dependency: a small linear scanner over
 * start tags (quotes respected, comments, scripts and styles skipped), then OpenGraph,
 * Twitter card and plain HTML metadata. Pages are untrusted and up to 1 MiB, so nothing here
 * may backtrack: every position is visited a bounded number of times.
 */

export interface PageMetadata {
  title: string;
  description: string;
  providerName: string;
  authorName: string;
  /** Absolute http(s) URL of the preview image, when the page names one. */
  imageUrl: string | undefined;
  imageDescription: string;
}

/** Longest texts kept, in characters; longer ones are cut with an ellipsis. */
export const LIMITS = {
  title: 250,
  description: 1_000,
  providerName: 250,
  authorName: 250,
  imageDescription: 1_000,
  url: 2_000,
} as const;

interface StartTag {
  name: string;
  attributes: Map<string, string>;
  /** Index just past the tag's `>`. */
  end: number;
}

/** Elements whose content is not markup: their text could hold fake `<meta` tags. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'template', 'noscript']);

/** The start tags of the document, in order. */
export function* startTags(html: string): Generator<StartTag> {
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) return;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      if (close === -1) return;
      at = close + 3;
      continue;
    }
    const name = /^[a-zA-Z][a-zA-Z0-9:-]*/.exec(html.slice(open + 1, open + 64))?.[0];
    if (!name) {
      at = open + 1;
      continue;
    }
    const parsed = readAttributes(html, open + 1 + name.length);
    if (!parsed) return;
    const tag = { name: name.toLowerCase(), attributes: parsed.attributes, end: parsed.end };
    yield tag;
    at = RAW_TEXT.has(tag.name) ? endOfElement(html, tag.name, tag.end) : tag.end;
  }
}

/** Attributes from `from` to the closing `>`; undefined when the tag never closes. */
function readAttributes(
  html: string,
  from: number,
): { attributes: Map<string, string>; end: number } | undefined {
  const attributes = new Map<string, string>();
  let at = from;
  while (at < html.length) {
    const char = html[at] as string;
    if (char === '>') return { attributes, end: at + 1 };
    if (/[\s/]/.test(char)) {
      at += 1;
      continue;
    }
    const name = /^[^\s"'>/=]+/.exec(html.slice(at, at + 256))?.[0] ?? char;
    at += name.length;
    while (/\s/.test(html[at] ?? '')) at += 1;
    let value = '';
    if (html[at] === '=') {
      at += 1;
      while (/\s/.test(html[at] ?? '')) at += 1;
      const quote = html[at];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, at + 1);
        if (close === -1) return undefined;
        value = html.slice(at + 1, close);
        at = close + 1;
      } else {
        value = /^[^\s>]*/.exec(html.slice(at, at + 4096))?.[0] ?? '';
        at += value.length;
      }
    }
    const key = name.toLowerCase();
    if (!attributes.has(key)) attributes.set(key, decodeEntities(value));
  }
  return undefined;
}

/** Index just past `</name>` after `from`, or the end of the document. */
function endOfElement(html: string, name: string, from: number): number {
  const close = new RegExp(`</${name}\\s*>`, 'gi');
  close.lastIndex = from;
  const match = close.exec(html);
  return match ? match.index + match[0].length : html.length;
}

/**
 * The first link in a status's HTML worth previewing: http(s), not a mention or a hashtag,
 * not a page of this server. The fragment is dropped (it names a place in the same page).
 */
export function firstPreviewableLink(content: string, ownUrl: string): string | undefined {
  const ownOrigin = new URL(ownUrl).origin;
  for (const tag of startTags(content)) {
    if (tag.name !== 'a') continue;
    const classes = (tag.attributes.get('class') ?? '').toLowerCase().split(/\s+/);
    const rel = (tag.attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (classes.includes('mention') || classes.includes('hashtag') || rel.includes('tag')) continue;
    const url = httpUrl(tag.attributes.get('href'));
    if (!url || url.origin === ownOrigin) continue;
    url.hash = '';
    if (url.href.length <= LIMITS.url) return url.href;
  }
  return undefined;
}

function httpUrl(text: string | undefined, base?: string): URL | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** OpenGraph first, then Twitter cards, then plain HTML, as Mastodon reads them. */
export function extractPageMetadata(html: string, pageUrl: string): PageMetadata {
  const meta = new Map<string, string>();
  let title: string | undefined;
  for (const tag of startTags(html)) {
    if (tag.name === 'meta') {
      const key = (tag.attributes.get('property') ?? tag.attributes.get('name'))?.toLowerCase();
      const content = tag.attributes.get('content');
      if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
    } else if (tag.name === 'title' && title === undefined) {
      const end = endOfElement(html, 'title', tag.end);
      title = decodeEntities(html.slice(tag.end, end).replace(/<\/title\s*>$/i, ''));
    }
  }
  const first = (...keys: string[]) =>
    keys.map((key) => meta.get(key)).find((value) => value !== undefined && value.trim() !== '');
  const image = first(
    'og:image',
    'og:image:url',
    'og:image:secure_url',
    'twitter:image',
    'twitter:image:src',
  );
  const imageUrl = httpUrl(image, pageUrl)?.href;
  return {
    title: cleanText(first('og:title', 'twitter:title') ?? title, LIMITS.title),
    description: cleanText(
      first('og:description', 'twitter:description', 'description'),
      LIMITS.description,
    ),
    providerName: cleanText(first('og:site_name', 'application-name'), LIMITS.providerName),
    authorName: cleanText(first('author'), LIMITS.authorName),
    imageUrl: imageUrl && imageUrl.length <= LIMITS.url ? imageUrl : undefined,
    imageDescription: cleanText(
      first('og:image:alt', 'twitter:image:alt'),
      LIMITS.imageDescription,
    ),
  };
}

/** One line of plain text: control characters dropped, spaces collapsed, length capped. */
export function cleanText(text: string | undefined, limit: number): string {
  const clean = (text ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const characters = Array.from(clean);
  if (characters.length <= limit) return clean;
  return `${characters
    .slice(0, limit - 1)
    .join('')
    .trimEnd()}…`;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  deg: '°',
  times: '×',
  shy: '\u00ad',
};

/**
 * Character references: every numeric one and the named ones pages use in titles (the full
 * table has 2,000 entries; an unknown name is left as written, which reads fine).
 */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g,
    (whole, body: string) => {
      if (body[0] !== '#')
        return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      // NUL, surrogates and values past Unicode become the replacement character, as in browsers.
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return String.fromCodePoint(valid ? code : 0xfffd);
    },
  );
}

/**
 * The page's text: the charset from Content-Type, else from a `<meta>` in the first 1,024
 * bytes (where the HTML standard looks), else UTF-8.
 */
export function decodePage(body: Buffer, headerCharset: string | undefined): string {
  const label = headerCharset ?? declaredCharset(body.subarray(0, 1024).toString('latin1'));
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(body);
  // Node 20 decodes windows-1252 (which "latin1" and "ascii" also mean on the web) as
  // ISO-8859-1, leaving its curly quotes and dashes as C1 control characters.
  return decoder.encoding === 'windows-1252'
    ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c)
    : text;
}

/** What windows-1252 puts at 0x80-0x9F (five positions are unassigned and stay as they are). */
const WINDOWS_1252_C1 = Array.from('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');

function declaredCharset(prefix: string): string | undefined {
  for (const tag of startTags(prefix)) {
    if (tag.name !== 'meta') continue;
    const charset =
      tag.attributes.get('charset') ??
      /charset\s*=\s*["']?([^"';\s]+)/i.exec(tag.attributes.get('content') ?? '')?.[1];
    if (charset) return charset.trim().toLowerCase();
  }
  return undefined;
}
