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

type QueryScalar = string | number | boolean | null | undefined;
/** A list is sent as repeated keys; name the key Rails-style (`types[]`), as Mastodon expects. */
type QueryValue = QueryScalar | readonly string[];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart/form-data (file uploads). */
  form?: FormData;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Readonly<Record<string, string>>;
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
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, item);
    } else if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
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
  const headers = new Headers({ ...options.headers, Accept: 'application/json' });
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

/**
 * A multipart upload that reports progress, which fetch() cannot do for request bodies.
 * Resolves with the response status and parsed body; rejects like `send`.
 */
export function uploadWithProgress<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Accept', 'application/json');
    if (csrfToken) request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = request.responseText ? JSON.parse(request.responseText) : undefined;
      } catch {
        body = request.responseText;
      }
      if (request.status >= 200 && request.status < 300 && typeof body === 'object') {
        resolve({ status: request.status, body: body as T });
      } else if (request.status >= 200 && request.status < 300) {
        reject(new ApiRequestError(request.status, 'unexpected_response', ''));
      } else {
        reject(parseApiError(request.status, body));
      }
    };
    request.onerror = () => reject(new ApiRequestError(0, 'network_error', ''));
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}
