import { z } from 'zod';
import { Email, Password } from './accounts';
import { DigestFrequency, PreferenceType } from './notification-preferences';

/** `POST /api/rapport/v1/password/forgot`: the address of the account to reset. */
export const ForgotPasswordInput = z.object({ email: Email });

/** The same answer whether or not an account uses the address (no account enumeration). */
export const ForgotPasswordAccepted = z.object({ message: z.string() });
export type ForgotPasswordAccepted = z.infer<typeof ForgotPasswordAccepted>;

/** `POST /api/rapport/v1/password/reset`: the token from the emailed link and the new password. */
export const ResetPasswordInput = z.object({
  token: z.string().min(1, 'must not be blank').max(200),
  password: Password,
});

/** The signed token of an unsubscribe link, from a mail's List-Unsubscribe header or footer. */
export const UnsubscribeQuery = z.object({ token: z.string().min(1).max(500) });

/**
 * What an unsubscribe link is about, and whether that mail is on now: the digest (at the
 * frequency it was sent with), or the immediate email for one notification type.
 */
export const MailSubscription = z.object({
  kind: z.enum(['digest', 'notification']),
  /** For `notification`: the type whose emails the link turns off. */
  type: PreferenceType.nullable(),
  /** For `digest`: the frequency the mail was sent with (what undoing restores). */
  frequency: DigestFrequency.nullable(),
  subscribed: z.boolean(),
});
export type MailSubscription = z.infer<typeof MailSubscription>;
