import type { MailSubscription, NotificationPreferences } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerFrom } from '../../http/auth';
import { startMailDelivery } from '../../mail/outbox';
import { findAccountById } from '../accounts/accounts.queries';
import { preferencesOf, updatePreferences } from '../notification-preferences/preferences.service';
import { startDigestScheduler } from './digest.service';
import { mailChatMessage, mailNotification } from './notification-mail';
import { invalidUnsubscribeToken, type MailTopic, readUnsubscribeToken } from './unsubscribe';

/**
 * Mail in the app: immediate emails as notifications and chat messages arrive (after commit,
 * never in the request that caused them), the outbox delivery job and the digest scheduler,
 * both stopped when the app closes.
 */
export function registerEmail(app: App, ctx: AppContext): void {
  ctx.events.on('notification.created', (event) =>
    mailNotification(ctx, Number(event.account_id), Number(event.notification_id)),
  );
  ctx.events.on('chat.message', (event) => mailChatMessage(ctx, event));
  const stops = [startMailDelivery(ctx)];
  if (ctx.config.digests) stops.push(startDigestScheduler(ctx));
  app.addHook('onClose', async () => {
    await Promise.all(stops.map((stop) => stop()));
  });
}

function present(topic: MailTopic, prefs: NotificationPreferences): MailSubscription {
  return topic.kind === 'digest'
    ? { kind: 'digest', type: null, frequency: topic.frequency, subscribed: prefs.digest !== 'off' }
    : {
        kind: 'notification',
        type: topic.type,
        frequency: null,
        subscribed: prefs.types[topic.type].email,
      };
}

async function accountOf(ctx: AppContext, token: string) {
  const { accountId, topic } = readUnsubscribeToken(ctx, token);
  const account = await findAccountById(ctx.db, accountId);
  // A valid signature for an account deleted since: the link has nothing left to change.
  if (!account) throw invalidUnsubscribeToken();
  return { account, topic };
}

/** What an unsubscribe link is about and whether that mail is on now. */
export async function describeSubscription(
  ctx: AppContext,
  token: string,
): Promise<MailSubscription> {
  const { account, topic } = await accountOf(ctx, token);
  return present(topic, await preferencesOf(ctx.db, account.id));
}

/**
 * One-click unsubscribe (RFC 8058) and its undo: the topic's mail turned off, or back on
 * (the digest at the frequency it was sent with), through the preferences service so the
 * change is validated and announced like any other.
 */
export async function changeSubscription(
  ctx: AppContext,
  token: string,
  subscribed: boolean,
): Promise<MailSubscription> {
  const { account, topic } = await accountOf(ctx, token);
  const prefs = await updatePreferences(
    ctx,
    viewerFrom(account),
    topic.kind === 'digest'
      ? { digest: subscribed ? topic.frequency : 'off' }
      : { types: { [topic.type]: { email: subscribed } } },
  );
  return present(topic, prefs);
}
