import type { FastifyReply, FastifyRequest } from 'fastify';
import { encodeCursor, type IdPage } from '../db/pagination';

function pageUrl(
  request: FastifyRequest,
  publicUrl: string,
  set: Record<string, string>,
  drop: string[],
) {
  const url = new URL(request.url, publicUrl);
  for (const key of drop) url.searchParams.delete(key);
  for (const [key, value] of Object.entries(set)) url.searchParams.set(key, value);
  return `<${url.toString()}>`;
}

/** Mastodon's Link header: rel="next" pages older (max_id), rel="prev" pages newer (min_id). */
export function setIdPageLinks(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string,
  ids: Array<number | string>,
  page: IdPage,
): void {
  if (ids.length === 0) return;
  const drop = ['max_id', 'min_id', 'since_id'];
  const links: string[] = [];
  if (ids.length >= page.limit) {
    links.push(
      `${pageUrl(request, publicUrl, { max_id: String(ids[ids.length - 1]) }, drop)}; rel="next"`,
    );
  }
  links.push(`${pageUrl(request, publicUrl, { min_id: String(ids[0]) }, drop)}; rel="prev"`);
  reply.header('link', links.join(', '));
}

/** For cursor lists: rel="next" continues after the last row, when the page was full. */
export function setCursorLink(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string,
  lastKey: Array<string | number> | undefined,
  full: boolean,
): void {
  if (!lastKey || !full) return;
  reply.header(
    'link',
    `${pageUrl(request, publicUrl, { cursor: encodeCursor(lastKey) }, [])}; rel="next"`,
  );
}

/** rel="next" only, by id: for lists that know where they stopped even on a short page. */
export function setMaxIdLink(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string,
  maxId: string | undefined,
): void {
  if (maxId === undefined) return;
  reply.header(
    'link',
    `${pageUrl(request, publicUrl, { max_id: maxId }, ['min_id', 'since_id'])}; rel="next"`,
  );
}

/**
 * Mastodon's Link header for a page that covers a range of ids rather than one id per item
 * (grouped notifications): rel="next" below its oldest id when the page was full, rel="prev"
 * above its newest.
 */
export function setIdRangeLinks(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string,
  range: { min: number; max: number } | null,
  full: boolean,
): void {
  if (!range) return;
  const drop = ['max_id', 'min_id', 'since_id'];
  const links: string[] = [];
  if (full) {
    links.push(`${pageUrl(request, publicUrl, { max_id: String(range.min) }, drop)}; rel="next"`);
  }
  links.push(`${pageUrl(request, publicUrl, { min_id: String(range.max) }, drop)}; rel="prev"`);
  reply.header('link', links.join(', '));
}
