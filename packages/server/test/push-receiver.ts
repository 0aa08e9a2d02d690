import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  type ECDH,
  hkdfSync,
  randomBytes,
  verify,
} from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A push service for tests (RFC 8030), on 127.0.0.1: it takes what Rapport POSTs to a
 * subscription's endpoint, checks the VAPID signature (RFC 8292) and opens the message the
 * way a browser does (RFC 8291 aes128gcm, or the legacy aesgcm draft Mastodon still uses),
 * with the device's private key and auth secret. Written against the RFCs with node:crypto
 * only, so it checks the sender rather than sharing its code.
 */

/** A browser or phone subscribing: its endpoint, and the keys only it holds. */
export interface PushDevice {
  endpoint: string;
  /** Public key (65-byte uncompressed P-256 point) and auth secret, URL-safe base64. */
  p256dh: string;
  auth: string;
  ecdh: ECDH;
  authSecret: Buffer;
}

export interface ReceivedPush {
  /** The path of the endpoint it was sent to. */
  path: string;
  headers: http.IncomingHttpHeaders;
  encoding: 'aes128gcm' | 'aesgcm';
  /** The VAPID public key the server signed with (URL-safe base64). */
  vapidKey: string;
  claims: { aud: string; exp: number; sub: string };
  /** The decrypted JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read the payload's fields freely
  message: any;
}

export interface PushReceiver {
  origin: string;
  received: ReceivedPush[];
  /** What went wrong with a request (bad signature, undecryptable body...), if anything. */
  problems: string[];
  device(name?: string): PushDevice;
  /** Answers the next `times` requests with `status` instead of 201 Created. */
  answerWith(status: number, times?: number): void;
  /** Resolves once `count` messages have arrived in all (fails after a few seconds). */
  waitFor(count: number): Promise<ReceivedPush[]>;
  close(): Promise<void>;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

export async function startPushReceiver(): Promise<PushReceiver> {
  const received: ReceivedPush[] = [];
  const problems: string[] = [];
  const devices = new Map<string, PushDevice>();
  const scripted: number[] = [];
  const waiters = new Set<() => void>();

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      const status = scripted.shift() ?? 201;
      try {
        const device = devices.get(path);
        if (!device) throw new Error(`no device at ${path}`);
        if (request.method !== 'POST') throw new Error(`${request.method} instead of POST`);
        if (status === 201) {
          received.push(openPush(path, request.headers, Buffer.concat(chunks), device, origin));
        }
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
      response.writeHead(status, status === 201 ? { location: `${path}/message` } : {}).end();
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    received,
    problems,
    device(name = b64(randomBytes(9))) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const device = {
        endpoint: `${origin}/push/${name}`,
        p256dh: b64(ecdh.getPublicKey()),
        auth: b64(authSecret),
        ecdh,
        authSecret,
      };
      devices.set(`/push/${name}`, device);
      return device;
    },
    answerWith(status, times = 1) {
      for (let i = 0; i < times; i++) scripted.push(status);
    },
    waitFor(count) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(received.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} pushes, got ${received.length} (${problems})`));
        }, 5_000);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function header(headers: http.IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  if (typeof value !== 'string') throw new Error(`missing ${name} header`);
  return value;
}

/** `a=1;b=2` (Crypto-Key, Encryption) or `a=1, b=2` (vapid Authorization) as a map. */
function parameters(text: string, separator: RegExp): Record<string, string> {
  return Object.fromEntries(
    text.split(separator).map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }),
  );
}

function openPush(
  path: string,
  headers: http.IncomingHttpHeaders,
  body: Buffer,
  device: PushDevice,
  origin: string,
): ReceivedPush {
  if (header(headers, 'content-type') !== 'application/octet-stream') {
    throw new Error('content-type must be application/octet-stream');
  }
  if (!/^\d+$/.test(header(headers, 'ttl'))) throw new Error('TTL must be a number of seconds');
  const encoding = header(headers, 'content-encoding');
  const authorization = header(headers, 'authorization');
  let jwt: string;
  let vapidKey: string;
  let plaintext: Buffer;
  if (encoding === 'aes128gcm') {
    // RFC 8292 section 3: Authorization: vapid t=<JWT>, k=<public key>
    const match = /^vapid (.*)$/.exec(authorization);
    if (!match?.[1]) throw new Error(`not a vapid Authorization: ${authorization}`);
    const params = parameters(match[1], /,/);
    jwt = params.t ?? '';
    vapidKey = params.k ?? '';
    plaintext = decryptAes128gcm(body, device);
  } else if (encoding === 'aesgcm') {
    // The drafts Mastodon's legacy pushes follow: WebPush <JWT>, key in Crypto-Key p256ecdsa.
    const match = /^WebPush (\S+)$/.exec(authorization);
    if (!match?.[1]) throw new Error(`not a WebPush Authorization: ${authorization}`);
    jwt = match[1];
    const cryptoKey = parameters(header(headers, 'crypto-key'), /;/);
    vapidKey = cryptoKey.p256ecdsa ?? '';
    const salt = parameters(header(headers, 'encryption'), /;/).salt ?? '';
    plaintext = decryptAesgcm(
      body,
      device,
      Buffer.from(salt, 'base64url'),
      Buffer.from(cryptoKey.dh ?? '', 'base64url'),
    );
  } else {
    throw new Error(`unknown content-encoding ${encoding}`);
  }
  const claims = verifyJwt(jwt, vapidKey);
  if (claims.aud !== origin) throw new Error(`aud ${claims.aud} is not ${origin}`);
  const now = Date.now() / 1000;
  if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) {
    throw new Error('exp must be within 24 hours');
  }
  if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error(`bad sub ${claims.sub}`);
  return {
    path,
    headers,
    encoding,
    vapidKey,
    claims,
    message: JSON.parse(plaintext.toString('utf8')),
  };
}

/** ES256 over `header.claims`, signature as r||s (RFC 7518 section 3.4), by `key`. */
function verifyJwt(jwt: string, key: string): ReceivedPush['claims'] {
  const [head, body, signature] = jwt.split('.');
  if (!head || !body || !signature) throw new Error('malformed JWT');
  const { alg } = JSON.parse(Buffer.from(head, 'base64url').toString());
  if (alg !== 'ES256') throw new Error(`JWT alg ${alg}`);
  const point = Buffer.from(key, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('VAPID key is not a P-256 point');
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64(point.subarray(1, 33)), y: b64(point.subarray(33)) },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) throw new Error('JWT signature does not verify');
  return JSON.parse(Buffer.from(body, 'base64url').toString());
}

const text = (value: string) => Buffer.from(value, 'latin1');

function aesGcmOpen(key: Buffer, nonce: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
}

/**
 * RFC 8291 section 3 over RFC 8188: the header carries the salt, the record size and the
 * sender's ephemeral public key; one record follows, ending in the 0x02 delimiter.
 */
function decryptAes128gcm(body: Buffer, device: PushDevice): Buffer {
  const salt = body.subarray(0, 16);
  const idLength = body[20] ?? 0;
  const senderKey = body.subarray(21, 21 + idLength);
  if (idLength !== 65) throw new Error('keyid must be the 65-byte sender key');
  const sealed = body.subarray(21 + idLength);
  const shared = device.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([text('WebPush: info\0'), device.ecdh.getPublicKey(), senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, device.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, text('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, text('Content-Encoding: nonce\0'), 12));
  const padded = aesGcmOpen(cek, nonce, sealed);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('the last record must end with the 0x02 delimiter');
  return padded.subarray(0, end);
}

/** draft-ietf-webpush-encryption-04 (aesgcm): keys bound to both public keys, 2-byte padding. */
function decryptAesgcm(body: Buffer, device: PushDevice, salt: Buffer, senderKey: Buffer): Buffer {
  const shared = device.ecdh.computeSecret(senderKey);
  const ikm = Buffer.from(
    hkdfSync('sha256', shared, device.authSecret, text('Content-Encoding: auth\0'), 32),
  );
  const length = (key: Buffer) => Buffer.from([key.length >> 8, key.length & 0xff]);
  const receiverKey = device.ecdh.getPublicKey();
  const context = Buffer.concat([
    text('P-256\0'),
    length(receiverKey),
    receiverKey,
    length(senderKey),
    senderKey,
  ]);
  const info = (kind: string) => Buffer.concat([text(`Content-Encoding: ${kind}\0`), context]);
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, info('aesgcm'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, info('nonce'), 12));
  const padded = aesGcmOpen(cek, nonce, body);
  const padding = ((padded[0] ?? 0) << 8) | (padded[1] ?? 0);
  return padded.subarray(2 + padding);
}
