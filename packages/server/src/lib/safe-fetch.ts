import dns, { type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net, { type LookupFunction } from 'node:net';
import { addressKey, isRefusedAddress } from './addresses';

/**
 * Reaching URLs that people wrote (link previews, push endpoints) without letting them reach
 * what only the server can reach (SSRF): every address a host name resolves to is checked,
 * the connection goes to the checked address (no second lookup an attacker's DNS could
 * answer differently), and every redirect is checked again.
 */

export type RefusalReason =
  | 'url'
  | 'address'
  | 'dns'
  | 'redirects'
  | 'timeout'
  | 'status'
  | 'content_type'
  | 'size'
  | 'network';

export class FetchRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'FetchRefused';
  }
}

export interface SafeFetchOptions {
  /** Media types taken (`text/html`, or `image/*` for a whole family); others are refused. */
  accept: readonly string[];
  /** Largest body taken, in bytes; a larger one is refused as soon as it shows. */
  maxBytes: number;
  /** Cap on the whole exchange, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Host names and addresses reachable even though private (RAPPORT_FETCH_ALLOW). */
  allow?: readonly string[];
  userAgent?: string;
}

export interface SafeFetchResult {
  /** Where the body came from, after redirects. */
  url: string;
  status: number;
  /** The media type, lower-cased, without parameters. */
  mediaType: string;
  /** The charset parameter of Content-Type, when given. */
  charset: string | undefined;
  body: Buffer;
}

export const DEFAULT_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** GETs an http(s) URL under the rules above; throws FetchRefused for anything else. */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new FetchRefused('timeout', `No answer within ${timeoutMs} ms`)),
    timeoutMs,
  );
  try {
    return await followRedirects(url, options, controller.signal);
  } catch (error) {
    // Aborting surfaces as a socket or stream error; the reason says what really happened.
    if (controller.signal.aborted) throw controller.signal.reason;
    if (error instanceof FetchRefused) throw error;
    throw new FetchRefused('network', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

async function followRedirects(
  start: string,
  options: SafeFetchOptions,
  signal: AbortSignal,
): Promise<SafeFetchResult> {
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url = parseTarget(start);
  for (let redirects = 0; ; redirects += 1) {
    const addresses = await checkedAddresses(url, options.allow ?? [], signal);
    const response = await send(url, addresses, options, signal);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode ?? 0) || location === undefined) {
      return readBody(url, response, options);
    }
    response.destroy();
    if (redirects === maxRedirects) {
      throw new FetchRefused('redirects', `More than ${maxRedirects} redirects`);
    }
    url = parseTarget(location, url);
  }
}

function parseTarget(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new FetchRefused('url', 'Not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchRefused('url', 'Only http and https URLs are fetched');
  }
  // Credentials in a link would be sent to whoever the link names: not ours to send.
  if (url.username !== '' || url.password !== '') {
    throw new FetchRefused('url', 'URLs with credentials are not fetched');
  }
  return url;
}

/** The addresses to connect to for `url`, each one checked; throws when any is refused. */
async function checkedAddresses(
  url: URL,
  allow: readonly string[],
  signal: AbortSignal,
): Promise<LookupAddress[]> {
  // The URL parser already turned 0x7f.1, 2130706433 and friends into dotted quads.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  const family = net.isIP(host);
  const addresses =
    family === 0 ? await lookupAll(host, signal) : [{ address: host, family: family }];
  if (addresses.length === 0) throw new FetchRefused('dns', `${host} has no address`);
  const allowed = allowRule(allow);
  if (allowed.names.has(host.toLowerCase())) return addresses;
  // One private address among public ones is enough to refuse: the connection could
  // land on any of them.
  const refused = addresses.find(
    ({ address }) => isRefusedAddress(address) && !allowed.addresses.has(addressKey(address)),
  );
  if (refused) {
    throw new FetchRefused('address', `${host} resolves to a non-public address`);
  }
  return addresses;
}

async function lookupAll(host: string, signal: AbortSignal): Promise<LookupAddress[]> {
  try {
    return await untilAborted(dns.promises.lookup(host, { all: true }), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw new FetchRefused('dns', `${host} could not be resolved`);
  }
}

/** dns.lookup cannot be cancelled; this stops waiting for it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Hands the socket the addresses that were checked. Node asks with `all: true` when it
 * tries several addresses in turn (happy eyeballs), with one otherwise.
 */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) return callback(null, addresses);
    const [first] = addresses as [LookupAddress];
    callback(null, first.address, first.family);
  };
}

function send(
  url: URL,
  addresses: LookupAddress[],
  options: SafeFetchOptions,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  return request(url, addresses, signal, 'GET', {
    accept: options.accept.join(', '),
    // Compressed bodies would need their own size cap (zip bombs); plain ones are capped.
    'accept-encoding': 'identity',
    ...(options.userAgent ? { 'user-agent': options.userAgent } : {}),
  });
}

function request(
  url: URL,
  addresses: LookupAddress[],
  signal: AbortSignal,
  method: 'GET' | 'POST',
  headers: http.OutgoingHttpHeaders,
  body?: Uint8Array,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    // The URL keeps the host name, so Host and TLS SNI/certificate checks use it; only the
    // address comes from the pinned lookup. No agent: a pooled socket would skip the check.
    const outgoing = client.request(
      url,
      { method, agent: false, signal, lookup: pinnedLookup(addresses), headers },
      resolve,
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export interface SafePostOptions {
  headers: Record<string, string | number>;
  body: Uint8Array;
  /** Host names and addresses reachable even though private. */
  allow?: readonly string[];
  timeoutMs?: number;
}

/** How the server answered a POST; the body is read (at most 64 KB) and dropped. */
export interface SafePostResult {
  status: number;
  headers: http.IncomingHttpHeaders;
}

const POST_ANSWER_MAX_BYTES = 64 * 1024;

/**
 * POSTs to an http(s) URL under the same address rules as `safeFetch` (Web Push deliveries).
 * Redirects are not followed: a 3xx is returned as it is, as any other status.
 */
export async function safePost(url: string, options: SafePostOptions): Promise<SafePostResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new FetchRefused('timeout', `No answer within ${timeoutMs} ms`)),
    timeoutMs,
  );
  try {
    const target = parseTarget(url);
    const addresses = await checkedAddresses(target, options.allow ?? [], controller.signal);
    const response = await request(
      target,
      addresses,
      controller.signal,
      'POST',
      options.headers,
      options.body,
    );
    try {
      let size = 0;
      for await (const chunk of response as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > POST_ANSWER_MAX_BYTES) break;
      }
    } finally {
      response.destroy();
    }
    return { status: response.statusCode ?? 0, headers: response.headers };
  } catch (error) {
    if (controller.signal.aborted) throw controller.signal.reason;
    if (error instanceof FetchRefused) throw error;
    throw new FetchRefused('network', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(
  url: URL,
  response: http.IncomingMessage,
  options: SafeFetchOptions,
): Promise<SafeFetchResult> {
  try {
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299) throw new FetchRefused('status', `HTTP status ${status}`);
    const { mediaType, charset } = parseContentType(response.headers['content-type']);
    if (!accepts(options.accept, mediaType)) {
      throw new FetchRefused('content_type', `Unexpected content type ${mediaType || '(none)'}`);
    }
    const encoding = response.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      throw new FetchRefused('content_type', `Unexpected content encoding ${encoding}`);
    }
    const declared = Number(response.headers['content-length'] ?? 0);
    if (declared > options.maxBytes) throw tooLarge(options.maxBytes);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > options.maxBytes) throw tooLarge(options.maxBytes);
      chunks.push(chunk);
    }
    return { url: url.href, status, mediaType, charset, body: Buffer.concat(chunks) };
  } finally {
    response.destroy();
  }
}

function tooLarge(maxBytes: number): FetchRefused {
  return new FetchRefused('size', `The body is larger than ${maxBytes} bytes`);
}

function parseContentType(header: string | undefined): {
  mediaType: string;
  charset: string | undefined;
} {
  const [type = '', ...parameters] = (header ?? '').split(';');
  const charset = parameters
    .map((parameter) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  return { mediaType: type.trim().toLowerCase(), charset: charset?.toLowerCase() };
}

function accepts(accept: readonly string[], mediaType: string): boolean {
  return accept.some((wanted) =>
    wanted.endsWith('/*')
      ? mediaType.startsWith(wanted.slice(0, -1)) && mediaType.length > wanted.length - 1
      : mediaType === wanted,
  );
}

function allowRule(allow: readonly string[]): { names: Set<string>; addresses: Set<string> } {
  const names = new Set<string>();
  const addresses = new Set<string>();
  for (const entry of allow) {
    const value = entry
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1');
    if (net.isIP(value) === 0) names.add(value.replace(/\.$/, ''));
    else addresses.add(addressKey(value));
  }
  return { names, addresses };
}

export { isRefusedAddress };
