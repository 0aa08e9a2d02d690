import type { InjectOptions } from 'fastify';
import type { App } from '../src/http/app-types';

/** Test assertions read response bodies freely; the schemas already checked their shape. */
// biome-ignore lint/suspicious/noExplicitAny: see above
type Loose = any;

export interface Reply<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
  text: string;
}

/** In-process requests with JSON in and out; `token` becomes a bearer Authorization header. */
export function api(app: App, token?: string) {
  const send = async <T = Loose>(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> => {
    const response = await app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
    let parsed: unknown;
    try {
      parsed = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      parsed = undefined;
    }
    return {
      status: response.statusCode,
      headers: response.headers,
      body: parsed as T,
      text: response.body,
    };
  };
  return {
    get: <T = Loose>(url: string, headers?: Record<string, string>) =>
      send<T>('GET', url, undefined, headers),
    post: <T = Loose>(url: string, body?: unknown, headers?: Record<string, string>) =>
      send<T>('POST', url, body ?? {}, headers),
    put: <T = Loose>(url: string, body?: unknown, headers?: Record<string, string>) =>
      send<T>('PUT', url, body ?? {}, headers),
    patch: <T = Loose>(url: string, body?: unknown, headers?: Record<string, string>) =>
      send<T>('PATCH', url, body ?? {}, headers),
    delete: <T = Loose>(url: string, headers?: Record<string, string>) =>
      send<T>('DELETE', url, undefined, headers),
  };
}

/** A urlencoded form, as Mastodon apps send it; keys may repeat (`id[]`) and use brackets. */
export function formBody(fields: Record<string, string> | Array<[string, string]>) {
  const entries = Array.isArray(fields) ? fields : Object.entries(fields);
  return {
    payload: new URLSearchParams(entries).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

export interface FilePart {
  filename: string;
  type: string;
  data: Uint8Array;
}

/** A multipart/form-data body, encoded by the platform's own FormData. */
export async function multipartBody(fields: Array<[string, string | FilePart]>) {
  const form = new FormData();
  for (const [name, value] of fields) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([value.data], { type: value.type }), value.filename);
  }
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type') as string },
  };
}
