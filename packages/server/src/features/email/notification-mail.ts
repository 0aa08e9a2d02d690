import type { DomainEvent, Notification } from '@rapport/schema';
import type { AppContext } from '../../context';
import { viewerFrom } from '../../http/auth';
import { type MailBlock, renderMail } from '../../mail/mail.template';
import { type QueuedMail, sendMail } from '../../mail/outbox';
import { type AccountRow, findAccountById, findAccountsByIds } from '../accounts/accounts.queries';
import { deliversTo } from '../notification-preferences/preferences.service';
import { findVisibleNotification } from '../notifications/notifications.service';
import { canSeeAccount } from '../visibility/account-visibility';
import { findNotificationType } from './email.queries';
import { describeNotification, nameOf, typeLabel } from './notification-text';
import {
  listUnsubscribeHeaders,
  type MailTopic,
  settingsUrl,
  unsubscribePageUrl,
} from './unsubscribe';

/**
 * The immediate email for a new notification: only when the person chose email for its
 * type and is not in quiet hours (`deliversTo`), is not suspended, and may still see what
 * it is about (the notification list's rule, and `canSee` in its presenter). Sent at once:
 * that is what they chose, whether or not the app is open.
 */
export async function mailNotification(
  ctx: AppContext,
  accountId: number,
  notificationId: number,
  now = Date.now(),
): Promise<void> {
  // The type first: most notifications (favourites, boosts) are not mailed, and this is cheap.
  const type = await findNotificationType(ctx.db, notificationId, accountId);
  if (type === undefined || !(await deliversTo(ctx.db, accountId, type, 'email', now))) return;
  const account = await findAccountById(ctx.db, accountId);
  if (!account || account.suspended === 1) return;
  const notification = await findVisibleNotification(ctx, viewerFrom(account), notificationId);
  if (!notification) return;
  await sendMail(ctx, [notificationMail(ctx, account, notification)]);
}

export function notificationMail(
  ctx: AppContext,
  account: AccountRow,
  notification: Notification,
): QueuedMail {
  const told = describeNotification(notification, account.id, ctx.config.publicUrl);
  const blocks: MailBlock[] = [];
  const status = told.status;
  if (status?.spoiler_text) {
    blocks.push({ kind: 'paragraph', text: `Content warning: ${status.spoiler_text}` });
  } else if (status) {
    blocks.push({ kind: 'quote', html: status.content, by: nameOf(status.account) });
  }
  if (told.detail) blocks.push({ kind: 'quote', text: told.detail });
  blocks.push({ kind: 'button', label: told.action, url: told.url });
  return accountMail(
    ctx,
    account,
    { kind: 'notification', type: notification.type },
    {
      subject: told.line,
      heading: told.line,
      blocks,
      reason: `You get this email because email is on for ${typeLabel(notification.type)} in your notification settings.`,
    },
  );
}

/**
 * A chat message: each person the sender's message notifies (they did not mute the chat)
 * and who chose email for chat messages, unless suspended or unable to see the sender.
 */
export async function mailChatMessage(
  ctx: AppContext,
  event: Extract<DomainEvent, { type: 'chat.message' }>,
  now = Date.now(),
): Promise<void> {
  const sender = await findAccountById(ctx.db, Number(event.sender_id));
  if (!sender || sender.suspended === 1) return;
  const ids = event.notify_ids.map(Number).filter((id) => id !== sender.id);
  const mails: QueuedMail[] = [];
  for (const reader of await findAccountsByIds(ctx.db, ids)) {
    if (reader.suspended === 1) continue;
    if (!(await deliversTo(ctx.db, reader.id, 'chat_message', 'email', now))) continue;
    if (!(await canSeeAccount(ctx.db, viewerFrom(reader), sender))) continue;
    const line = `${nameOf(sender)} sent you a message`;
    mails.push(
      accountMail(
        ctx,
        reader,
        { kind: 'notification', type: 'chat_message' },
        {
          subject: line,
          heading: line,
          blocks: [
            { kind: 'quote', text: event.preview, by: nameOf(sender) },
            {
              kind: 'button',
              label: 'Reply',
              url: `${ctx.config.publicUrl}/messages/${event.chat_id}`,
            },
          ],
          reason: `You get this email because email is on for ${typeLabel('chat_message')} in your notification settings.`,
        },
      ),
    );
  }
  await sendMail(ctx, mails);
}

/** A mail to a person about something they subscribed to: unsubscribe headers and footer. */
export function accountMail(
  ctx: AppContext,
  account: Pick<AccountRow, 'id' | 'email'>,
  topic: MailTopic,
  content: { subject: string; heading: string; blocks: MailBlock[]; reason: string },
): QueuedMail {
  const rendered = renderMail(
    {
      subject: content.subject,
      heading: content.heading,
      blocks: content.blocks,
      footer: {
        reason: content.reason,
        unsubscribeUrl: unsubscribePageUrl(ctx, account.id, topic),
        settingsUrl: settingsUrl(ctx),
      },
    },
    ctx.config.publicUrl,
  );
  return {
    ...rendered,
    to: account.email,
    headers: listUnsubscribeHeaders(ctx, account.id, topic),
    kind:
      topic.kind === 'digest' ? 'digest' : topic.type === 'chat_message' ? 'chat' : 'notification',
    accountId: account.id,
  };
}
