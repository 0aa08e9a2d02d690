import { DigestFrequency, PreferenceType } from '@rapport/schema';
import type { AppContext } from '../../context';
import { HttpError } from '../../errors';
import { hmac, safeEqual } from '../../lib/tokens';

/** What one unsubscribe link turns off: the digest, or the emails of one notification type. */
export type MailTopic =
  | { kind: 'digest'; frequency: Exclude<DigestFrequency, 'off'> }
  | { kind: 'notification'; type: PreferenceType };

export const API_UNSUBSCRIBE_PATH = '/api/rapport/v1/mail/unsubscribe';

const topicCode = (topic: MailTopic) =>
  topic.kind === 'digest' ? `digest:${topic.frequency}` : `type:${topic.type}`;

function topicOf(code: string): MailTopic | undefined {
  const at = code.indexOf(':');
  const kind = code.slice(0, Math.max(at, 0));
  const value = code.slice(at + 1);
  if (kind === 'digest') {
    const frequency = DigestFrequency.exclude(['off']).safeParse(value);
    return frequency.success ? { kind, frequency: frequency.data } : undefined;
  }
  if (kind === 'type') {
    const type = PreferenceType.safeParse(value);
    return type.success ? { kind: 'notification', type: type.data } : undefined;
  }
  return undefined;
}

/**
 * A link that needs no sign-in (RFC 8058: the mail app posts it on its own), so the token
 * itself is the permission: the account and the topic, signed with the server secret under
 * a purpose of its own. It does not expire: a mail read months later must still work.
 */
export function unsubscribeToken(ctx: AppContext, accountId: number, topic: MailTopic): string {
  const payload = Buffer.from(`${accountId}:${topicCode(topic)}`).toString('base64url');
  return `${payload}.${hmac(ctx.secretKey, `unsubscribe:${payload}`)}`;
}

export const invalidUnsubscribeToken = () =>
  new HttpError(
    400,
    'invalid_unsubscribe_token',
    'This unsubscribe link is not valid; change what you receive in your notification settings',
  );

/** The account and topic a token names, or a 400 for anything forged, altered or cut short. */
export function readUnsubscribeToken(
  ctx: AppContext,
  token: string,
): { accountId: number; topic: MailTopic } {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) throw invalidUnsubscribeToken();
  if (!safeEqual(signature, hmac(ctx.secretKey, `unsubscribe:${payload}`))) {
    throw invalidUnsubscribeToken();
  }
  const decoded = Buffer.from(payload, 'base64url').toString('utf8');
  const match = /^(\d{1,16}):(.+)$/.exec(decoded);
  const topic = match?.[2] === undefined ? undefined : topicOf(match[2]);
  if (!match || !topic) throw invalidUnsubscribeToken();
  return { accountId: Number(match[1]), topic };
}

/**
 * The headers of RFC 2369 and RFC 8058 that let a mail app offer "Unsubscribe" and do it
 * with one POST. Only the https link: Rapport receives no mail, so a mailto: link would
 * lead nowhere.
 */
export function listUnsubscribeHeaders(
  ctx: AppContext,
  accountId: number,
  topic: MailTopic,
): Record<string, string> {
  const token = unsubscribeToken(ctx, accountId, topic);
  return {
    'List-Unsubscribe': `<${ctx.config.publicUrl}${API_UNSUBSCRIBE_PATH}?token=${token}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** The page in the web app that confirms, with undo (the footer link of every mail). */
export function unsubscribePageUrl(ctx: AppContext, accountId: number, topic: MailTopic): string {
  return `${ctx.config.publicUrl}/unsubscribe?token=${unsubscribeToken(ctx, accountId, topic)}`;
}

export const settingsUrl = (ctx: AppContext) => `${ctx.config.publicUrl}/settings/notifications`;
