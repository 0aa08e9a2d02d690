import MarkdownIt from 'markdown-it';
import { sanitizeHtml } from '../../lib/html';

/**
 * Markdown as CommonMark plus tables and strikethrough, with raw HTML off (a page is text,
 * not markup) and bare URLs linked. Whatever it produces still passes the one sanitiser,
 * which also makes every link open in a new tab without a handle on Rapport.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

// Images are not embedded (the sanitiser and the Content-Security-Policy keep pages free of
// remote content): an image becomes a link to it, named by its alt text.
markdown.renderer.rules.image = (tokens, index) => {
  const token = tokens[index];
  const src = token?.attrGet('src') ?? '';
  const alt = token?.content || src;
  return `<a href="${markdown.utils.escapeHtml(src)}">${markdown.utils.escapeHtml(alt)}</a>`;
};

// Table alignment arrives as style="text-align:..."; the sanitiser keeps `align`, not styles.
markdown.core.ruler.push('table_align', (state) => {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const style = token.attrGet('style');
    const align = style ? /text-align:(left|right|center)/.exec(style)?.[1] : undefined;
    token.attrs = align ? [['align', align]] : null;
  }
});

/** A page body as safe HTML. */
export function renderMarkdown(body: string): string {
  return sanitizeHtml(markdown.render(body));
}

/** The start of rendered HTML as one line of plain text, for lists and search results. */
export function plainExcerpt(html: string, length = 220): string {
  const text = html
    // Block ends become separators, so "Title" and "First line" do not run together.
    .replace(/<\/(h[1-6]|li)>/g, ' · ')
    .replace(/<\/(p|tr|pre|blockquote)>/g, ' ')
    .replace(/<[^>]*>?/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .replace(/( · )+(?=\S)/g, ' · ')
    .replace(/^[\s·]+|[\s·]+$/g, '');
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
