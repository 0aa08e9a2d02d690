import type { DomainEvent, PreferenceType } from '@rapport/schema';
import type { AppContext } from '../../context';
import { viewerFrom } from '../../http/auth';
import { presentAccount } from '../accounts/accounts.presenter';
import { type AccountRow, findAccountById } from '../accounts/accounts.queries';
import { isFollowing } from '../graph/graph.queries';
import { deliversTo } from '../notification-preferences/preferences.service';
import { findVisibleNotification } from '../notifications/notifications.service';
import { canSeeAccount } from '../visibility/account-visibility';
import { deliverableSubscriptions, type PushSubscriptionRow } from './push.queries';
import { alertAllows, parseAlerts, policyAllows } from './push.rules';
import { chatMessageContent, notificationContent, type PushContent } from './push-message';
import { PushSender, type Urgency } from './push-sender';

type ChatMessageEvent = Extract<DomainEvent, { type: 'chat.message' }>;

/** Addressed to the person and waiting for an answer: the push service may wake the device. */
const URGENT = new Set<PreferenceType>(['mention', 'chat_message']);

/**
 * Pushes every new notification and chat message to the person's devices, after commit and
 * off the request that caused it. Returns the function that stops pending retries.
 */
export function registerPushDelivery(ctx: AppContext, sender = new PushSender(ctx)): () => void {
  ctx.events.on('notification.created', (event) =>
    pushNotification(ctx, sender, Number(event.account_id), Number(event.notification_id)),
  );
  ctx.events.on('chat.message', async (event) => {
    await Promise.all(
      event.notify_ids.map((id) => pushChatMessage(ctx, sender, Number(id), event)),
    );
  });
  return () => sender.stop();
}

/** The recipient, when they have a device to push to at all (most people have none). */
async function recipient(ctx: AppContext, accountId: number, at: number) {
  const subscriptions = await deliverableSubscriptions(ctx.db, accountId, at);
  if (subscriptions.length === 0) return undefined;
  const account = await findAccountById(ctx.db, accountId);
  if (!account || account.suspended === 1) return undefined;
  return { viewer: viewerFrom(account), subscriptions };
}

/**
 * A notification goes out when the person still sees it as the list would show it (the one
 * visibility rule, through the notification presenter: a status or community they may no
 * longer see, or a dismissed notification, sends nothing), when their preferences want it
 * pushed now (quiet hours hold it back), and to each device whose alerts and policy agree.
 */
export async function pushNotification(
  ctx: AppContext,
  sender: PushSender,
  accountId: number,
  notificationId: number,
  at = Date.now(),
): Promise<void> {
  const to = await recipient(ctx, accountId, at);
  if (!to) return;
  const notification = await findVisibleNotification(ctx, to.viewer, notificationId);
  if (!notification) return;
  if (!(await deliversTo(ctx.db, accountId, notification.type, 'push', at))) return;
  const content = notificationContent(notification, String(accountId), ctx.config.publicUrl);
  await sendToDevices(ctx, sender, accountId, to.subscriptions, {
    type: notification.type,
    fromId: Number(notification.account.id),
    content,
  });
}

/**
 * A chat message goes to the participants who did not mute the conversation (the event's
 * `notify_ids`), while they may still see the sender and their preferences want it.
 */
export async function pushChatMessage(
  ctx: AppContext,
  sender: PushSender,
  accountId: number,
  event: ChatMessageEvent,
  at = Date.now(),
): Promise<void> {
  const to = await recipient(ctx, accountId, at);
  if (!to) return;
  const author: AccountRow | undefined = await findAccountById(ctx.db, Number(event.sender_id));
  if (!author || author.suspended === 1 || !(await canSeeAccount(ctx.db, to.viewer, author))) {
    return;
  }
  if (!(await deliversTo(ctx.db, accountId, 'chat_message', 'push', at))) return;
  const content = chatMessageContent(
    { id: event.message_id, chatId: event.chat_id, preview: event.preview },
    presentAccount(ctx, author),
    ctx.config.publicUrl,
  );
  await sendToDevices(ctx, sender, accountId, to.subscriptions, {
    type: 'chat_message',
    fromId: author.id,
    content,
  });
}

async function sendToDevices(
  ctx: AppContext,
  sender: PushSender,
  accountId: number,
  subscriptions: PushSubscriptionRow[],
  push: { type: PreferenceType; fromId: number; content: PushContent },
): Promise<void> {
  // Follows are looked up once, and only when a device's policy asks about them.
  let relation: Promise<{ iFollowThem: boolean; theyFollowMe: boolean }> | undefined;
  const related = () => {
    relation ??= Promise.all([
      isFollowing(ctx.db, accountId, push.fromId),
      isFollowing(ctx.db, push.fromId, accountId),
    ]).then(([iFollowThem, theyFollowMe]) => ({ iFollowThem, theyFollowMe }));
    return relation;
  };
  const urgency: Urgency = URGENT.has(push.type) ? 'high' : 'normal';
  await Promise.all(
    subscriptions.map(async (subscription) => {
      if (
        !alertAllows(
          { kind: subscription.kind, alerts: parseAlerts(subscription.alerts) },
          push.type,
        )
      ) {
        return;
      }
      if (subscription.policy !== 'all' && !policyAllows(subscription.policy, await related())) {
        return;
      }
      await sender.send(subscription, push.content, urgency);
    }),
  );
}
