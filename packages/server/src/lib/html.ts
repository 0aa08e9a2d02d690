import sanitize from 'sanitize-html';

/**
 * The one sanitiser: every piece of user-written HTML leaving the server passes through it.
 * Allowed markup is what Mastodon clients render (paragraphs, line breaks, links, spans
 * with their classes) plus the basic formatting Markdown produces.
 */
const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    'p',
    'br',
    'a',
    'span',
    'strong',
    'b',
    'em',
    'i',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'class', 'target', 'title'],
    span: ['class'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedClasses: {
    a: ['mention', 'hashtag', 'u-url', 'status-link', 'unhandled-link'],
    span: ['h-card', 'invisible', 'ellipsis'],
  },
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'nofollow noopener noreferrer', target: '_blank' },
    }),
  },
};

export function sanitizeHtml(html: string): string {
  return sanitize(html, OPTIONS);
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}]/g;

/** A link as Mastodon renders it: the scheme hidden, long paths shortened with an ellipsis. */
export function linkHtml(url: string): string {
  const match = /^(https?:\/\/(?:www\.)?)(.*)$/.exec(url);
  const prefix = match?.[1] ?? '';
  const rest = match?.[2] ?? url;
  const shown = rest.slice(0, 30);
  const hidden = rest.slice(30);
  return (
    `<a href="${escapeHtml(url)}" rel="nofollow noopener noreferrer" target="_blank">` +
    `<span class="invisible">${escapeHtml(prefix)}</span>` +
    `<span class="${hidden ? 'ellipsis' : ''}">${escapeHtml(shown)}</span>` +
    `<span class="invisible">${escapeHtml(hidden)}</span></a>`
  );
}

/** Escapes text and turns its URLs into links, leaving everything else as text. */
export function linkifyText(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    html += escapeHtml(text.slice(last, match.index));
    html += linkHtml(match[0]);
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

/** Plain text (a bio, a field value) to Mastodon-style HTML: paragraphs, <br>, links. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
  const html = paragraphs
    .map((paragraph) => `<p>${paragraph.split('\n').map(linkifyText).join('<br />')}</p>`)
    .join('');
  return sanitizeHtml(html);
}
