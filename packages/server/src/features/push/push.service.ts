import type {
  CreatePushSubscriptionInput,
  UpdatePushSubscriptionInput,
  WebAppPushState,
  WebAppPushSubscriptionInput,
  WebPushSubscription,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { presentSubscription } from './push.presenter';
import {
  deleteSubscriptionOfToken,
  findSubscriptionOfToken,
  type NewPushSubscription,
  replaceSubscription,
  updateSubscriptionData,
} from './push.queries';
import { checkKeys, endpointProblem, everyAlert, resolveAlerts } from './push.rules';
import { sealToken, serverKey } from './vapid';

/** Who subscribes: the person, and the token (or web session) the subscription belongs to. */
export interface Subscriber {
  viewer: Viewer;
  tokenId: number;
  /** The raw bearer token, kept sealed for Mastodon payloads; never a session cookie's. */
  bearerToken: string | undefined;
}

interface Device {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** The endpoint and keys checked, or a 422 naming what is wrong (nothing is stored). */
function checkDevice(ctx: AppContext, device: Device, prefix: string): Device {
  const problems: Record<string, string[]> = {};
  const endpoint = endpointProblem(device.endpoint, ctx.config.push.allow);
  if (endpoint) problems[`${prefix}endpoint`] = [endpoint];
  const checked = checkKeys(device.keys);
  for (const [field, list] of Object.entries(checked.problems)) {
    problems[field.replace('subscription.', prefix)] = list;
  }
  if (!checked.keys || Object.keys(problems).length > 0) throw validationFailed(problems);
  return { endpoint: device.endpoint, keys: checked.keys };
}

/** POST /api/v1/push/subscription: the token's one subscription, replacing any before it. */
export async function subscribe(
  ctx: AppContext,
  who: Subscriber,
  input: CreatePushSubscriptionInput,
): Promise<WebPushSubscription> {
  const device = checkDevice(ctx, input.subscription, 'subscription.');
  const row = await replaceSubscription(
    ctx.db,
    {
      ...deviceColumns(who, device),
      kind: 'mastodon',
      standard: input.subscription.standard ? 1 : 0,
      alerts: JSON.stringify(resolveAlerts(input.data?.alerts)),
      policy: input.data?.policy ?? input.policy ?? 'all',
      sealed_token: who.bearerToken ? sealToken(ctx.secretKey, who.bearerToken) : null,
    },
    Date.now(),
  );
  return presentSubscription(row, ctx.vapid);
}

function deviceColumns(who: Subscriber, device: Device) {
  return {
    account_id: who.viewer.id,
    access_token_id: who.tokenId,
    endpoint: device.endpoint,
    key_p256dh: device.keys.p256dh,
    key_auth: device.keys.auth,
  } satisfies Partial<NewPushSubscription>;
}

export async function currentSubscription(
  ctx: AppContext,
  tokenId: number,
): Promise<WebPushSubscription> {
  const row = await findSubscriptionOfToken(ctx.db, tokenId);
  if (!row) throw notFound('Record');
  return presentSubscription(row, ctx.vapid);
}

/**
 * PUT: Mastodon replaces the whole `data` part, so an alert left out is switched off and a
 * missing policy is `all`. A web-app subscription keeps every alert (preferences decide).
 */
export async function changeSubscription(
  ctx: AppContext,
  tokenId: number,
  input: UpdatePushSubscriptionInput,
): Promise<WebPushSubscription> {
  const current = await findSubscriptionOfToken(ctx.db, tokenId);
  if (!current) throw notFound('Record');
  const alerts = current.kind === 'web' ? everyAlert() : resolveAlerts(input.data?.alerts);
  const row = await updateSubscriptionData(
    ctx.db,
    tokenId,
    { alerts: JSON.stringify(alerts), policy: input.data?.policy ?? input.policy ?? 'all' },
    Date.now(),
  );
  if (!row) throw notFound('Record');
  return presentSubscription(row, ctx.vapid);
}

/** DELETE: succeeds whether or not there was one, as Mastodon's does. */
export async function unsubscribe(ctx: AppContext, tokenId: number): Promise<void> {
  await deleteSubscriptionOfToken(ctx.db, tokenId);
}

/** The web app's subscription for this browser session (RFC 8291; every alert; policy all). */
export async function subscribeWebApp(
  ctx: AppContext,
  who: Subscriber,
  input: WebAppPushSubscriptionInput,
): Promise<WebAppPushState> {
  const device = checkDevice(ctx, input, '');
  const row = await replaceSubscription(
    ctx.db,
    {
      ...deviceColumns(who, device),
      kind: 'web',
      standard: 1,
      alerts: JSON.stringify(everyAlert()),
      policy: 'all',
      sealed_token: null,
    },
    Date.now(),
  );
  return { server_key: serverKey(ctx.vapid), subscription: presentSubscription(row, ctx.vapid) };
}

export async function webAppPushState(ctx: AppContext, tokenId: number): Promise<WebAppPushState> {
  const row = await findSubscriptionOfToken(ctx.db, tokenId);
  return {
    server_key: serverKey(ctx.vapid),
    subscription: row ? presentSubscription(row, ctx.vapid) : null,
  };
}
