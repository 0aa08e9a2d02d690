/**
 * Mastodon-style pagination: `Link: <https://host/api/...?max_id=9>; rel="next", <...>; rel="prev"`.
 * Returns the URL of each relation.
 */
export function parseLinkHeader(header: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^,;]+)*)/g)) {
    const url = match[1] ?? '';
    for (const param of (match[2] ?? '').split(';')) {
      const rel = /^\s*rel\s*=\s*"?([^"]*)"?\s*$/i.exec(param);
      if (!rel?.[1]) continue;
      for (const name of rel[1].trim().split(/\s+/)) links[name.toLowerCase()] = url;
    }
  }
  return links;
}

/**
 * The path and query of the next page, to request from our own origin: the server writes
 * absolute URLs with its public address, which may differ from the one in the address bar.
 */
export function nextPagePath(header: string | null | undefined): string | null {
  const next = parseLinkHeader(header).next;
  if (!next) return null;
  try {
    const url = new URL(next, 'http://localhost');
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}
