import type { PushMessage } from '@rapport/schema';
import webpush from 'web-push';
import type { AppContext } from '../../context';
import { FetchRefused, safePost } from '../../lib/safe-fetch';
import { deleteSubscription, findSubscription, type PushSubscriptionRow } from './push.queries';
import type { PushContent } from './push-message';
import { unsealToken, vapidSubject } from './vapid';

/** How long a push service keeps a message for an offline device, as Mastodon: 48 hours. */
const TTL_SECONDS = 48 * 3600;
const SEND_TIMEOUT_MS = 10_000;
/** After a failed attempt: half a minute, two minutes, ten minutes; then it is dropped. */
const RETRY_DELAYS_MS = [30_000, 120_000, 600_000];
/** A push service asking to wait longer than this (Retry-After) is not waited for. */
const LONGEST_WAIT_MS = 3_600_000;
/** The admin's address changes rarely; looking it up for every push would be waste. */
const SUBJECT_TTL_MS = 10 * 60_000;

export type Urgency = 'normal' | 'high';

/**
 * Encrypts (RFC 8291 aes128gcm, or Mastodon's legacy aesgcm for an app that did not ask for
 * the standard), signs (RFC 8292 VAPID) and POSTs one message to one subscription, through
 * the same SSRF rules as link previews. 404 and 410 mean the subscription is gone (RFC 8030
 * section 7.3): it is deleted. Timeouts, network errors, 408, 429 and 5xx are retried a few
 * times in this process (a restart drops pending retries: a push is a nudge, the
 * notification itself is kept). Any other answer would fail again the same way: logged.
 */
export class PushSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private subject: { value: Promise<string>; at: number } | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  async send(
    subscription: PushSubscriptionRow,
    content: PushContent,
    urgency: Urgency,
    attempt = 0,
  ): Promise<void> {
    const log = this.ctx.log.child({ push_subscription_id: subscription.id, attempt });
    let status: number;
    let retryAfter: string | undefined;
    try {
      const request = await this.request(subscription, content, urgency);
      const answer = await safePost(subscription.endpoint, {
        headers: request.headers,
        body: request.body,
        allow: this.ctx.config.push.allow,
        timeoutMs: SEND_TIMEOUT_MS,
      });
      status = answer.status;
      const header = answer.headers['retry-after'];
      retryAfter = Array.isArray(header) ? header[0] : header;
    } catch (error) {
      const permanent = error instanceof FetchRefused && ['url', 'address'].includes(error.reason);
      log.warn({ err: error }, 'push delivery failed');
      if (!permanent) this.retry(subscription, content, urgency, attempt, undefined);
      return;
    }
    if (status >= 200 && status < 300) return;
    if (status === 404 || status === 410) {
      log.info({ status }, 'push subscription expired; deleted');
      await deleteSubscription(this.ctx.db, subscription.id);
      return;
    }
    log.warn({ status }, 'push service refused the message');
    if (status === 408 || status === 429 || status >= 500) {
      this.retry(subscription, content, urgency, attempt, retryAfter);
    }
  }

  /** Forgets pending retries (server shutdown). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async request(subscription: PushSubscriptionRow, content: PushContent, urgency: Urgency) {
    const message: PushMessage =
      subscription.kind === 'mastodon' && subscription.sealed_token
        ? { access_token: unsealToken(this.ctx.secretKey, subscription.sealed_token), ...content }
        : content;
    const details = webpush.generateRequestDetails(
      {
        endpoint: subscription.endpoint,
        keys: { p256dh: subscription.key_p256dh, auth: subscription.key_auth },
      },
      JSON.stringify(message),
      {
        vapidDetails: {
          subject: await this.vapidSubject(),
          publicKey: this.ctx.vapid.publicKey,
          privateKey: this.ctx.vapid.privateKey,
        },
        TTL: TTL_SECONDS,
        urgency,
        contentEncoding: subscription.standard === 1 ? 'aes128gcm' : 'aesgcm',
      },
    );
    const headers: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(details.headers)) headers[name] = value;
    return { headers, body: details.body };
  }

  private vapidSubject(): Promise<string> {
    if (!this.subject || Date.now() - this.subject.at > SUBJECT_TTL_MS) {
      this.subject = { value: vapidSubject(this.ctx), at: Date.now() };
    }
    return this.subject.value;
  }

  private retry(
    subscription: PushSubscriptionRow,
    content: PushContent,
    urgency: Urgency,
    attempt: number,
    retryAfter: string | undefined,
  ): void {
    const delay = this.retryDelaysMs[attempt];
    if (delay === undefined) {
      this.ctx.log.warn({ push_subscription_id: subscription.id }, 'push given up after retries');
      return;
    }
    const asked = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void this.resend(subscription, content, urgency, attempt + 1);
      },
      Math.min(Math.max(delay, asked), LONGEST_WAIT_MS),
    );
    timer.unref();
    this.timers.add(timer);
  }

  /** Retries only while the subscription still exists unchanged (not replaced or removed). */
  private async resend(
    previous: PushSubscriptionRow,
    content: PushContent,
    urgency: Urgency,
    attempt: number,
  ): Promise<void> {
    try {
      const current = await findSubscription(this.ctx.db, previous.id);
      if (current?.endpoint !== previous.endpoint) return;
      await this.send(current, content, urgency, attempt);
    } catch (error) {
      this.ctx.log.error({ err: error }, 'push retry failed');
    }
  }
}
