import {
  createCipheriv,
  createDecipheriv,
  createHash,
  generateKeyPairSync,
  randomBytes,
} from 'node:crypto';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import { hmac } from '../../lib/tokens';
import { firstAdminEmail, loadVapidKeysValue } from './push.queries';

/** The server's VAPID key pair (RFC 8292): a P-256 key, URL-safe base64 without padding. */
export interface VapidKeys {
  /** The uncompressed point, 65 bytes. */
  publicKey: string;
  /** The private scalar, 32 bytes. */
  privateKey: string;
}

function generateVapidKeys(): VapidKeys {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = privateKey.export({ format: 'jwk' });
  const point = Buffer.concat([
    Buffer.from([0x04]),
    Buffer.from(jwk.x as string, 'base64url'),
    Buffer.from(jwk.y as string, 'base64url'),
  ]);
  return { publicKey: point.toString('base64url'), privateKey: jwk.d as string };
}

/**
 * Created once per server, on the first start, and kept in server_settings: every node and
 * every later start signs with the same key, so subscriptions made against it keep working.
 */
export async function loadVapidKeys(db: Db): Promise<VapidKeys> {
  const stored = await loadVapidKeysValue(db, JSON.stringify(generateVapidKeys()));
  if (!stored) throw new Error('The VAPID keys could not be stored');
  return JSON.parse(stored) as VapidKeys;
}

/** The public key as Mastodon shows it (`server_key`, `configuration.vapid.public_key`). */
export function serverKey(keys: VapidKeys): string {
  // URL-safe base64 with its padding, as Mastodon prints it; decoders take it with or without.
  return keys.publicKey.padEnd(Math.ceil(keys.publicKey.length / 4) * 4, '=');
}

/**
 * Who push services may contact about this server (RFC 8292 `sub`): RAPPORT_VAPID_SUBJECT,
 * else the first admin's address, else the public URL when it is https. Push services
 * refuse an http subject, so a server without either gets a postmaster address.
 */
export async function vapidSubject(ctx: AppContext): Promise<string> {
  if (ctx.config.push.vapidSubject) return ctx.config.push.vapidSubject;
  const email = await firstAdminEmail(ctx.db);
  if (email) return `mailto:${email}`;
  if (ctx.config.publicUrl.startsWith('https:')) return ctx.config.publicUrl;
  return `mailto:postmaster@${new URL(ctx.config.publicUrl).hostname}`;
}

/**
 * Mastodon apps find the account a push is for by the access token in it, but only a hash
 * of each token is stored. The token seen when subscribing is kept for that, sealed
 * (AES-256-GCM under a key derived from the server secret) so a copy of the subscriptions
 * table alone does not hand out tokens.
 */
function sealKey(secretKey: string): Buffer {
  return createHash('sha256').update(hmac(secretKey, 'push:sealed-token')).digest();
}

export function sealToken(secretKey: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(secretKey), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

export function unsealToken(secretKey: string, value: string): string {
  const bytes = Buffer.from(value, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(secretKey), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}
