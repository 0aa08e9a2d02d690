import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FetchRefused,
  isRefusedAddress,
  type SafeFetchOptions,
  safeFetch,
  safePost,
} from './safe-fetch';

describe('isRefusedAddress', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', '"this network"'],
    ['10.0.0.1', 'private 10/8'],
    ['10.255.255.255', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12'],
    ['192.168.0.1', 'private 192.168/16'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['192.0.0.8', 'IETF protocol assignments'],
    ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
  ])('refuses IPv4 %s (%s)', (address) => {
    expect(isRefusedAddress(address)).toBe(true);
  });

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback, long form'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with a zone'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['100::1', 'discard-only'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:10.1.2.3', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped link-local'],
    ['::ffff:192.168.1.1', 'IPv4-mapped private'],
    ['::ffff:0.0.0.0', 'IPv4-mapped unspecified'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['64:ff9b::10.0.0.1', 'NAT64 of a private address'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['2002:7f00:1::1', '6to4 of loopback'],
    ['2002:a00:1::', '6to4 of a private address'],
    ['2001:0:4136:e378::1', 'Teredo'],
    ['2001:db8::1', 'documentation'],
  ])('refuses IPv6 %s (%s)', (address) => {
    expect(isRefusedAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '93.184.216.34',
    '172.32.0.1',
    '172.15.255.255',
    '100.128.0.1',
    '100.63.255.255',
    '192.169.0.1',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '::ffff:808:808',
    '64:ff9b::8.8.8.8',
    '2002:808:808::1',
  ])('lets public %s through', (address) => {
    expect(isRefusedAddress(address)).toBe(false);
  });

  it('refuses text that is not an address', () => {
    expect(isRefusedAddress('example.com')).toBe(true);
    expect(isRefusedAddress('')).toBe(true);
    expect(isRefusedAddress('1.2.3.4.5')).toBe(true);
  });
});

/** A page server on loopback, reachable only because the tests allow 127.0.0.1. */
interface Seen {
  url: string;
  host: string | undefined;
  userAgent: string | undefined;
}

const seen: Seen[] = [];
let server: http.Server;
let origin: string;
let port: number;

function route(request: http.IncomingMessage, response: http.ServerResponse): void {
  const url = new URL(request.url ?? '/', origin);
  const redirect = /^\/redirect\/(\d+)$/.exec(url.pathname);
  if (redirect) {
    const left = Number(redirect[1]);
    response.writeHead(302, { location: left === 0 ? '/page' : `/redirect/${left - 1}` });
    return void response.end();
  }
  switch (url.pathname) {
    case '/page':
      response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
      return void response.end('<html><head><title>Hello</title></head></html>');
    case '/to-metadata':
      response.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' });
      return void response.end();
    case '/to-other-loopback':
      response.writeHead(307, { location: `http://127.0.0.2:${port}/page` });
      return void response.end();
    case '/to-file':
      response.writeHead(302, { location: 'file:///etc/passwd' });
      return void response.end();
    case '/slow':
      // Headers at once, then a trickle that never finishes.
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html>');
      return;
    case '/hang':
      return;
    case '/big':
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': 2 * 1024 * 1024 });
      return void response.end(Buffer.alloc(2 * 1024 * 1024, 0x20));
    case '/big-chunked':
      response.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 40; i += 1) response.write(Buffer.alloc(64 * 1024, 0x20));
      return void response.end();
    case '/json':
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end('{}');
    case '/gzip':
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      return void response.end('not really gzip');
    default:
      response.writeHead(404, { 'content-type': 'text/html' });
      return void response.end('<title>Not found</title>');
  }
}

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push({
      url: request.url ?? '',
      host: request.headers.host,
      userAgent: request.headers['user-agent'],
    });
    route(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const HTML: SafeFetchOptions = {
  accept: ['text/html'],
  maxBytes: 1024 * 1024,
  allow: ['127.0.0.1'],
};

async function refusal(url: string, options: SafeFetchOptions = HTML): Promise<FetchRefused> {
  try {
    await safeFetch(url, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FetchRefused);
    return error as FetchRefused;
  }
  throw new Error(`safeFetch fetched ${url}`);
}

/** Requests the page server received while `run` ran. */
async function requestsDuring(run: () => Promise<unknown>): Promise<Seen[]> {
  const before = seen.length;
  await run();
  return seen.slice(before);
}

describe('safeFetch', () => {
  it('fetches from an allowed address, sending the host name and a user agent', async () => {
    const requests = await requestsDuring(async () => {
      const result = await safeFetch(`${origin}/page`, { ...HTML, userAgent: 'Rapport/test' });
      expect(result).toMatchObject({
        url: `${origin}/page`,
        status: 200,
        mediaType: 'text/html',
        charset: 'utf-8',
      });
      expect(result.body.toString()).toContain('<title>Hello</title>');
    });
    expect(requests).toEqual([
      { url: '/page', host: `127.0.0.1:${port}`, userAgent: 'Rapport/test' },
    ]);
  });

  it('refuses loopback without the allow-list, before connecting', async () => {
    const requests = await requestsDuring(async () => {
      for (const url of [
        `${origin}/page`,
        `http://localhost:${port}/page`,
        `http://[::1]:${port}/page`,
        `http://[::ffff:127.0.0.1]:${port}/page`,
        `http://2130706433:${port}/page`,
        `http://0x7f.1:${port}/page`,
        `http://0.0.0.0:${port}/page`,
      ]) {
        expect((await refusal(url, { ...HTML, allow: [] })).reason).toBe('address');
      }
    });
    expect(requests).toEqual([]);
  });

  it('allows a host name on the allow-list whatever it resolves to, keeping it as Host', async () => {
    const requests = await requestsDuring(async () => {
      const result = await safeFetch(`http://localhost:${port}/page`, {
        ...HTML,
        allow: ['localhost'],
      });
      expect(result.status).toBe(200);
    });
    expect(requests.map((request) => request.host)).toEqual([`localhost:${port}`]);
  });

  it('refuses other schemes and URLs carrying credentials', async () => {
    expect((await refusal('file:///etc/passwd')).reason).toBe('url');
    expect((await refusal('ftp://127.0.0.1/')).reason).toBe('url');
    expect((await refusal(`http://user:secret@127.0.0.1:${port}/page`)).reason).toBe('url');
    expect((await refusal('not a url')).reason).toBe('url');
  });

  it('follows 3 redirects and refuses a 4th', async () => {
    const requests = await requestsDuring(async () => {
      const result = await safeFetch(`${origin}/redirect/2`, HTML);
      expect(result.url).toBe(`${origin}/page`);
    });
    expect(requests.map((request) => request.url)).toEqual([
      '/redirect/2',
      '/redirect/1',
      '/redirect/0',
      '/page',
    ]);
    const refused = await requestsDuring(async () => {
      expect((await refusal(`${origin}/redirect/3`)).reason).toBe('redirects');
    });
    // The 4th redirect's target is never requested.
    expect(refused.map((request) => request.url)).not.toContain('/page');
    expect((await refusal(`${origin}/redirect/0`, { ...HTML, maxRedirects: 0 })).reason).toBe(
      'redirects',
    );
  });

  it('checks every redirect target again', async () => {
    expect((await refusal(`${origin}/to-metadata`)).reason).toBe('address');
    expect((await refusal(`${origin}/to-other-loopback`)).reason).toBe('address');
    expect((await refusal(`${origin}/to-file`)).reason).toBe('url');
  });

  it('gives up when the whole exchange takes too long', async () => {
    for (const path of ['/slow', '/hang']) {
      const started = Date.now();
      const error = await refusal(`${origin}${path}`, { ...HTML, timeoutMs: 300 });
      expect(error.reason).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    expect((await refusal(`${origin}/big`)).reason).toBe('size');
    expect((await refusal(`${origin}/big-chunked`)).reason).toBe('size');
    const fits = await safeFetch(`${origin}/big-chunked`, { ...HTML, maxBytes: 5 * 1024 * 1024 });
    expect(fits.body.length).toBe(40 * 64 * 1024);
  });

  it('only takes the content types asked for', async () => {
    expect((await refusal(`${origin}/json`)).reason).toBe('content_type');
    const image = await refusal(`${origin}/page`, { ...HTML, accept: ['image/*'] });
    expect(image.reason).toBe('content_type');
    expect((await refusal(`${origin}/gzip`)).reason).toBe('content_type');
    const json = await safeFetch(`${origin}/json`, { ...HTML, accept: ['application/json'] });
    expect(json.body.toString()).toBe('{}');
  });

  it('refuses error statuses', async () => {
    expect((await refusal(`${origin}/missing`)).reason).toBe('status');
  });

  it('refuses a host name that does not resolve', async () => {
    // .invalid never resolves (RFC 6761), so no query leaves the machine.
    expect((await refusal('http://nowhere.invalid/')).reason).toBe('dns');
  });
});

describe('safePost', () => {
  const body = Buffer.from('sealed bytes');
  const post = (url: string, allow: string[] = ['127.0.0.1']) =>
    safePost(url, { headers: { 'content-type': 'application/octet-stream' }, body, allow });

  it('posts to an allowed address and answers with the status, whatever it is', async () => {
    const requests = await requestsDuring(async () => {
      expect((await post(`${origin}/page`)).status).toBe(200);
      expect((await post(`${origin}/missing`)).status).toBe(404);
    });
    expect(requests.map((request) => request.url)).toEqual(['/page', '/missing']);
  });

  it('does not follow redirects, even to an allowed address', async () => {
    const requests = await requestsDuring(async () => {
      const answer = await post(`${origin}/redirect/0`);
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toBe('/page');
    });
    expect(requests.map((request) => request.url)).toEqual(['/redirect/0']);
  });

  it('refuses private addresses and other schemes before connecting', async () => {
    const requests = await requestsDuring(async () => {
      for (const url of [`${origin}/page`, `http://localhost:${port}/page`, 'http://10.0.0.1/']) {
        await expect(post(url, [])).rejects.toMatchObject({ reason: 'address' });
      }
      await expect(post('file:///etc/passwd')).rejects.toMatchObject({ reason: 'url' });
    });
    expect(requests).toEqual([]);
  });

  it('gives up when the push service does not answer', async () => {
    const answer = safePost(`${origin}/hang`, {
      headers: {},
      body,
      allow: ['127.0.0.1'],
      timeoutMs: 200,
    });
    await expect(answer).rejects.toMatchObject({ reason: 'timeout' });
  });
});
