import type { AppContext } from '../context';
import { newId } from '../db/ids';
import type { Db } from '../db/tables';
import { createMailer, isPermanentFailure, type Mailer, type OutgoingMail } from './mailer';
import {
  claimMail,
  deleteFailedMailBefore,
  deleteMail,
  findDueMail,
  insertOutboxRows,
  type OutboxRow,
  recordMailFailure,
} from './outbox.queries';

export type MailKind = 'notification' | 'chat' | 'digest' | 'invitation' | 'password_reset';

export interface QueuedMail extends OutgoingMail {
  kind: MailKind;
  /** The person it is for; null for an address without an account yet (an invitation). */
  accountId: number | null;
}

/**
 * Waits between attempts: a minute, five, half an hour, two hours, twelve; then the mail is
 * given up on (about fifteen hours after the first try), as a mail server's queue would.
 */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];
/** How long a claimed mail is left to the process sending it before another may try. */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;
const KEEP_FAILED_MS = 30 * 24 * 3_600_000;

/**
 * Puts mail in the outbox, inside the caller's transaction when `db` is one, so a mail
 * exists exactly when what it tells about was saved. Announce it after commit.
 */
export async function queueMail(db: Db, mails: QueuedMail[], now = Date.now()): Promise<number[]> {
  const rows: OutboxRow[] = mails.map((mail) => ({
    id: newId(),
    kind: mail.kind,
    account_id: mail.accountId,
    to_address: mail.to,
    subject: mail.subject,
    text_body: mail.text,
    html_body: mail.html,
    headers: JSON.stringify(mail.headers),
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
    failed_at: null,
    created_at: now,
  }));
  await insertOutboxRows(db, rows);
  return rows.map((row) => row.id);
}

/** Tells the delivery job (after commit) that mail is waiting. */
export function announceMail(ctx: AppContext, ids: number[]): void {
  if (ids.length > 0) ctx.events.emit({ type: 'mail.queued', mail_ids: ids.map(String) });
}

/** Queues mail outside any transaction and announces it. */
export async function sendMail(ctx: AppContext, mails: QueuedMail[]): Promise<void> {
  announceMail(ctx, await queueMail(ctx.db, mails));
}

/**
 * Sends what is due: each mail is claimed first (so two nodes never send one twice), deleted
 * once the server accepted it, and on failure tried again later, or given up on when the
 * server refused it for good or the attempts ran out. Failures are logged, never thrown.
 */
export async function deliverDueMail(
  ctx: AppContext,
  mailer: Mailer,
  now = Date.now(),
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const due = await findDueMail(ctx.db, now, BATCH);
    if (due.length === 0) break;
    for (const row of due) {
      if (!(await claimMail(ctx.db, row, now + LEASE_MS))) continue;
      try {
        await mailer.send({
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
          headers: JSON.parse(row.headers) as Record<string, string>,
        });
        await deleteMail(ctx.db, row.id);
        sent += 1;
      } catch (error) {
        failed += 1;
        await recordFailure(ctx, row, error, now);
      }
    }
  }
  return { sent, failed };
}

async function recordFailure(ctx: AppContext, row: OutboxRow, error: unknown, now: number) {
  const attempts = row.attempts + 1;
  const delay = RETRY_DELAYS_MS[attempts - 1];
  const giveUp = isPermanentFailure(error) || delay === undefined;
  const message = error instanceof Error ? error.message : String(error);
  await recordMailFailure(ctx.db, row.id, message.slice(0, 1000), giveUp ? null : now + delay, now);
  const facts = { err: error, mail_id: row.id, kind: row.kind, attempts };
  if (giveUp) ctx.log.error(facts, 'mail could not be sent; gave up');
  else ctx.log.warn(facts, 'mail could not be sent; will try again');
}

/**
 * The delivery job: runs when mail is queued (the `mail.queued` event), every 30 s for
 * retries and mail queued by another node, and once at start for mail left from before a
 * restart. Runs never overlap; a request during a run gets one more run after it. Returns
 * a function that stops it and waits for the run in progress.
 */
export function startMailDelivery(
  ctx: AppContext,
  options: { everyMs?: number; mailer?: Mailer } = {},
): () => Promise<void> {
  const mailer = options.mailer ?? createMailer(ctx.config, ctx.log);
  let stopped = false;
  let tail: Promise<void> = Promise.resolve();
  let next: Promise<void> | null = null;
  const deliver = (): Promise<void> => {
    if (stopped) return tail;
    // Everyone asking while a run is under way shares the one run queued after it.
    next ??= tail.then(async () => {
      next = null;
      if (stopped) return;
      try {
        await deliverDueMail(ctx, mailer);
        await deleteFailedMailBefore(ctx.db, Date.now() - KEEP_FAILED_MS);
      } catch (error) {
        ctx.log.error({ err: error }, 'mail delivery failed');
      }
    });
    tail = next;
    return next;
  };
  ctx.events.on('mail.queued', () => deliver());
  const timer = setInterval(deliver, options.everyMs ?? 30_000);
  timer.unref();
  void deliver();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await tail;
    mailer.close();
  };
}
