import { createECDH, randomBytes } from 'node:crypto';
import type { TestApp } from '../../../test/harness';

/** A device's keys as a browser gives them (URL-safe base64, no padding). */
export function deviceKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}

/** A push endpoint on a public host (never contacted: these tests do not deliver). */
export const endpoint = (name = randomBytes(6).toString('hex')) =>
  `https://push.example.net/w/${name}`;

export async function subscriptionCount(t: TestApp): Promise<number> {
  const row = await t.ctx.db
    .selectFrom('push_subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
