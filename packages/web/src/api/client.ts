import { ApiRequestError, parseApiError } from './errors';
import { nextPagePath } from './link-header';

/**
 * The CSRF token of the current session, kept in memory only (never in storage, so another
 * tab's script cannot read it). Set from every Session the server returns.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart/form-data (file uploads). */
  form?: FormData;
  signal?: AbortSignal;
}

/** A page of a list and the path of the next one (from the Link header), if any. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  if (!search) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${search}`;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** One request to the Rapport server; throws ApiRequestError for anything but 2xx. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ Accept: 'application/json' });
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form; // the browser sets the multipart boundary
  }
  if (method !== 'GET' && csrfToken) headers.set('X-CSRF-Token', csrfToken);

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'network_error', error instanceof Error ? error.message : '');
  }
  if (!response.ok) throw parseApiError(response.status, await readBody(response));
  return response;
}

export async function sendJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const body = await readBody(response);
  if (body === undefined || typeof body === 'string') {
    throw new ApiRequestError(response.status, 'unexpected_response', '');
  }
  return body as T;
}

export async function sendEmpty(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

export async function sendPage<T>(path: string, options: RequestOptions = {}): Promise<Page<T>> {
  const response = await send(path, options);
  const items = (await readBody(response)) as T[] | undefined;
  return { items: items ?? [], next: nextPagePath(response.headers.get('Link')) };
}
