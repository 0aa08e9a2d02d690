import type { ForgotPasswordAccepted, MailSubscription } from '@rapport/schema';
import { sendEmpty, sendJson } from './client';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function forgotPassword(email: string): Promise<ForgotPasswordAccepted> {
  return sendJson('/api/rapport/v1/password/forgot', { method: 'POST', json: { email } });
}

export function resetPassword(input: { token: string; password: string }): Promise<void> {
  return sendEmpty('/api/rapport/v1/password/reset', { method: 'POST', json: input });
}

/** What an unsubscribe link (from a mail's footer) is about, and whether that mail is on. */
export function getMailSubscription(token: string): Promise<MailSubscription> {
  return sendJson('/api/rapport/v1/mail/subscription', { query: { token } });
}

export function changeMailSubscription(
  token: string,
  subscribed: boolean,
): Promise<MailSubscription> {
  return sendJson(`/api/rapport/v1/mail/${subscribed ? 'resubscribe' : 'unsubscribe'}`, {
    method: 'POST',
    query: { token },
    json: {},
  });
}
