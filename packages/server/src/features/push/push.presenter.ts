import type { WebPushSubscription } from '@rapport/schema';
import type { PushSubscriptionRow } from './push.queries';
import { parseAlerts } from './push.rules';
import type { VapidKeys } from './vapid';
import { serverKey } from './vapid';

export function presentSubscription(
  row: PushSubscriptionRow,
  vapid: VapidKeys,
): WebPushSubscription {
  return {
    id: String(row.id),
    endpoint: row.endpoint,
    standard: row.standard === 1,
    alerts: parseAlerts(row.alerts),
    policy: row.policy,
    server_key: serverKey(vapid),
  };
}
