import { ECDH } from 'node:crypto';
import net from 'node:net';
import {
  MASTODON_PUSH_ALERTS,
  type NotificationType,
  type PreferenceType,
  PushAlertName,
  type PushAlerts,
  type PushAlertsInput,
  type PushPolicy,
  RAPPORT_PUSH_ALERT_FALLBACK,
} from '@rapport/schema';
import { isRefusedAddress } from '../../lib/safe-fetch';

/**
 * Where a push may go. An endpoint is an https URL on a public address; a host the admin
 * listed in RAPPORT_PUSH_ALLOW (an intranet push relay, 127.0.0.1 in tests) may be private
 * and plain http. Names are resolved and checked again at each delivery (safePost), so a
 * name that later points inside the network is still refused.
 */
export function endpointProblem(endpoint: string, allow: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'is not a valid URL';
  }
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  const allowed = allow.some((entry) => entry.toLowerCase() === host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed)) {
    return 'must be an https URL';
  }
  if (url.username !== '' || url.password !== '') return 'must not contain credentials';
  if (allowed) return undefined;
  const local = host === 'localhost' || host.endsWith('.localhost');
  if (local || (net.isIP(host) !== 0 && isRefusedAddress(host))) {
    return 'must be on a public address';
  }
  return undefined;
}

/** Base64 in either alphabet, padded or not, as apps send keys; undefined for anything else. */
function decodeBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  return Buffer.from(text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'), 'base64url');
}

export interface SubscriberKeys {
  p256dh: string;
  auth: string;
}

/**
 * The device's keys (RFC 8291 section 2): `p256dh` an uncompressed P-256 point (65 bytes,
 * on the curve), `auth` a 16-byte secret. Returned in URL-safe base64 without padding.
 */
export function checkKeys(keys: SubscriberKeys): {
  keys?: SubscriberKeys;
  problems: Record<string, string[]>;
} {
  const p256dh = decodeBase64(keys.p256dh);
  const auth = decodeBase64(keys.auth);
  const goodPoint = p256dh?.length === 65 && p256dh[0] === 0x04 && onCurve(p256dh);
  const goodAuth = auth?.length === 16;
  if (p256dh && auth && goodPoint && goodAuth) {
    return {
      keys: { p256dh: p256dh.toString('base64url'), auth: auth.toString('base64url') },
      problems: {},
    };
  }
  const problems: Record<string, string[]> = {};
  if (!goodPoint) {
    problems['subscription.keys.p256dh'] = [
      'must be an uncompressed P-256 public key (65 bytes, base64)',
    ];
  }
  if (!goodAuth) problems['subscription.keys.auth'] = ['must be 16 bytes, base64'];
  return { problems };
}

function onCurve(point: Buffer): boolean {
  try {
    ECDH.convertKey(point, 'prime256v1', undefined, undefined, 'uncompressed');
    return true;
  } catch {
    return false;
  }
}

/**
 * The alerts as given; Mastodon's default for one not given is off. Rapport's own types
 * follow the Mastodon alert nearest to them unless the client names them.
 */
export function resolveAlerts(input: PushAlertsInput | undefined): PushAlerts {
  const alerts = {} as PushAlerts;
  for (const name of MASTODON_PUSH_ALERTS) alerts[name] = input?.[name] ?? false;
  alerts['admin.sign_up'] = input?.['admin.sign_up'] ?? input?.admin?.sign_up ?? false;
  alerts['admin.report'] = input?.['admin.report'] ?? input?.admin?.report ?? false;
  for (const [name, nearest] of Object.entries(RAPPORT_PUSH_ALERT_FALLBACK)) {
    const own = input?.[name as PushAlertName];
    alerts[name as PushAlertName] = own ?? alerts[nearest];
  }
  return alerts;
}

/** The web app's subscription: the person's notification preferences are the one control. */
export function everyAlert(): PushAlerts {
  return Object.fromEntries(PushAlertName.options.map((name) => [name, true])) as PushAlerts;
}

/** Stored alerts, read back: an alert added since the row was written is off. */
export function parseAlerts(json: string): PushAlerts {
  const stored = JSON.parse(json) as Partial<PushAlerts>;
  return Object.fromEntries(
    PushAlertName.options.map((name) => [name, stored[name] === true]),
  ) as PushAlerts;
}

/**
 * Whether the subscription's own alerts let this type through. The web app's always do (its
 * person's preferences decide); an app's only for what it asked, or what follows from it.
 */
export function alertAllows(
  subscription: { kind: 'mastodon' | 'web'; alerts: PushAlerts },
  type: PreferenceType | NotificationType,
): boolean {
  if (subscription.kind === 'web') return true;
  const known = PushAlertName.safeParse(type);
  return known.success && subscription.alerts[known.data];
}

/** Mastodon's policy, from the subscriber's side: `followed` = people I follow. */
export function policyAllows(
  policy: PushPolicy,
  relation: { iFollowThem: boolean; theyFollowMe: boolean },
): boolean {
  switch (policy) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'followed':
      return relation.iFollowThem;
    case 'follower':
      return relation.theyFollowMe;
  }
}
