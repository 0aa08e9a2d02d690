import type { WebAppPushState } from '@rapport/schema';
import { sendJson } from '../../api/client';

/** Query key of this session's push subscription, kept with the requests it names. */
export const pushKeys = { webSubscription: ['push', 'web-subscription'] as const };

const path = '/api/rapport/v1/push/web-subscription';

/** The server's key to subscribe with, and this browser session's subscription, if any. */
export function getWebPushState(): Promise<WebAppPushState> {
  return sendJson<WebAppPushState>(path);
}

/** Hands the browser's subscription (`PushSubscription.toJSON()`) to the server. */
export function saveWebPushSubscription(
  subscription: PushSubscriptionJSON,
): Promise<WebAppPushState> {
  return sendJson<WebAppPushState>(path, {
    method: 'POST',
    json: { endpoint: subscription.endpoint, keys: subscription.keys },
  });
}

export function deleteWebPushSubscription(): Promise<WebAppPushState> {
  return sendJson<WebAppPushState>(path, { method: 'DELETE' });
}

/** The VAPID key as bytes: browsers take base64url without padding only, Mastodon pads it. */
export function keyBytes(serverKey: string): Uint8Array<ArrayBuffer> {
  const base64 = serverKey.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
