import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: access tokens, session cookies, authorization codes. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A short code people can read aloud or retype (invitation codes): no 0/O, 1/l/I. */
export function readableCode(length = 12): string {
  const bytes = randomBytes(length * 2);
  let code = '';
  for (let i = 0; code.length < length && i < bytes.length; i++) {
    const byte = bytes[i] as number;
    // Reject bytes past the last whole multiple of the alphabet to keep the draw uniform.
    if (byte < 256 - (256 % ALPHABET.length)) code += ALPHABET[byte % ALPHABET.length];
  }
  return code.length === length ? code : readableCode(length);
}

/**
 * Tokens are high-entropy, so a plain SHA-256 is the right way to store them: the database
 * never holds a usable token, and lookups stay a single indexed equality.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function hmac(key: string, message: string): string {
  return createHmac('sha256', key).update(message).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
