import { escapeHtml, sanitizeHtml } from '../lib/html';

/**
 * The one mail template: every mail Rapport sends is a heading, a few blocks and a footer,
 * rendered here twice, as plain text and as HTML. Text from anywhere is escaped; user-written
 * HTML (a status) passes the one sanitiser; links are built by the callers from the public
 * URL. Styles are inline because many mail apps drop <style> elements.
 */
export type MailBlock =
  /** A paragraph of plain text. */
  | { kind: 'paragraph'; text: string }
  /** Someone's words: sanitised HTML (a status) or plain text (a note, a message preview). */
  | { kind: 'quote'; html?: string; text?: string; by?: string }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'heading'; text: string }
  /** Lines with an optional link and a short detail under each (a digest section). */
  | { kind: 'list'; items: MailListItem[] };

export interface MailListItem {
  text: string;
  url?: string;
  detail?: string;
}

export interface MailContent {
  subject: string;
  heading: string;
  blocks: MailBlock[];
  /** Why the person gets this mail, and how to stop it. */
  footer: { reason: string; unsubscribeUrl?: string; settingsUrl?: string };
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const COLOURS = {
  text: '#1f2933',
  muted: '#52606d',
  line: '#d9e2ec',
  accent: '#2457c5',
  quote: '#f5f7fa',
};

/** The name mail is signed with (the server's title, as /api/v1/instance gives it). */
const APP_NAME = 'Rapport';

export function renderMail(content: MailContent, publicUrl: string): RenderedMail {
  const app = { name: APP_NAME, url: publicUrl };
  return {
    // Subjects are one line whatever a name or a title holds.
    subject: oneLine(content.subject),
    text: renderText(content, app),
    html: renderHtml(content, app),
  };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function renderText(content: MailContent, app: { name: string; url: string }): string {
  const parts: string[] = [content.heading];
  for (const block of content.blocks) {
    switch (block.kind) {
      case 'paragraph':
        parts.push(block.text);
        break;
      case 'heading':
        parts.push(`${block.text}\n${'-'.repeat(Math.min(block.text.length, 60))}`);
        break;
      case 'quote': {
        const words = block.text ?? htmlToText(block.html ?? '');
        const quoted = words
          .split('\n')
          .map((line) => `> ${line}`.trimEnd())
          .join('\n');
        parts.push(block.by ? `${block.by}:\n${quoted}` : quoted);
        break;
      }
      case 'button':
        parts.push(`${block.label}: ${block.url}`);
        break;
      case 'list':
        parts.push(
          block.items
            .map((item) =>
              [
                `- ${item.text}`,
                item.detail ? `  ${item.detail}` : '',
                item.url ? `  ${item.url}` : '',
              ]
                .filter(Boolean)
                .join('\n'),
            )
            .join('\n'),
        );
        break;
    }
  }
  const footer = [content.footer.reason];
  if (content.footer.unsubscribeUrl) footer.push(`Unsubscribe: ${content.footer.unsubscribeUrl}`);
  if (content.footer.settingsUrl)
    footer.push(`Notification settings: ${content.footer.settingsUrl}`);
  footer.push(`${app.name}: ${app.url}`);
  return `${parts.join('\n\n')}\n\n-- \n${footer.join('\n')}\n`;
}

function renderHtml(content: MailContent, app: { name: string; url: string }): string {
  const body = content.blocks.map(blockHtml).join('\n');
  const links = [
    content.footer.unsubscribeUrl ? link(content.footer.unsubscribeUrl, 'Unsubscribe') : '',
    content.footer.settingsUrl ? link(content.footer.settingsUrl, 'Notification settings') : '',
    link(app.url, app.name),
  ]
    .filter(Boolean)
    .join(' &middot; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(oneLine(content.subject))}</title>
</head>
<body style="margin:0;padding:0;background:#ffffff;color:${COLOURS.text};font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse">
<tr><td align="center" style="padding:24px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;max-width:560px">
<tr><td style="padding:0 0 16px;font-weight:700;color:${COLOURS.accent}">${escapeHtml(app.name)}</td></tr>
<tr><td>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">${escapeHtml(content.heading)}</h1>
${body}
</td></tr>
<tr><td style="padding:24px 0 0;border-top:1px solid ${COLOURS.line};color:${COLOURS.muted};font-size:13px">
<p style="margin:16px 0 8px">${escapeHtml(content.footer.reason)}</p>
<p style="margin:0">${links}</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function link(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}" style="color:${COLOURS.accent}">${escapeHtml(label)}</a>`;
}

function blockHtml(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h2 style="margin:24px 0 8px;font-size:17px">${escapeHtml(block.text)}</h2>`;
    case 'quote': {
      const words =
        block.html !== undefined
          ? sanitizeHtml(block.html)
          : escapeHtml(block.text ?? '').replace(/\n/g, '<br>');
      const by = block.by
        ? `<p style="margin:0 0 4px;font-weight:600">${escapeHtml(block.by)}</p>`
        : '';
      return `<div style="margin:0 0 16px;padding:12px 16px;background:${COLOURS.quote};border-left:3px solid ${COLOURS.line};border-radius:4px">${by}<div>${words}</div></div>`;
    }
    case 'button':
      return `<p style="margin:8px 0 20px"><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:10px 18px;background:${COLOURS.accent};color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(block.label)}</a></p>`;
    case 'list':
      return `<ul style="margin:0 0 16px;padding:0 0 0 20px">${block.items
        .map((item) => {
          const text = item.url ? link(item.url, item.text) : escapeHtml(item.text);
          const detail = item.detail
            ? `<br><span style="color:${COLOURS.muted};font-size:14px">${escapeHtml(item.detail)}</span>`
            : '';
          return `<li style="margin:0 0 8px">${text}${detail}</li>`;
        })
        .join('')}</ul>`;
  }
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  nbsp: ' ',
};

/** Sanitised HTML as plain text: paragraphs and line breaks kept, tags dropped, entities read. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|blockquote|pre|h[1-6]|tr)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (entity, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
      return ENTITIES[lower] ?? entity;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The start of plain text, cut at a word, for one line of a list. */
export function excerpt(text: string, length = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
