import {
  type DigestFrequency,
  DigestFrequency as DigestFrequencySchema,
  type Notification,
  QuietHours,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { idAt } from '../../db/ids';
import { viewerFrom } from '../../http/auth';
import { DAY_MS } from '../../lib/time';
import { isTimeZone, wallTimeAt } from '../../lib/time-zones';
import { announceMail, queueMail } from '../../mail/outbox';
import { unreadChatsAfter } from '../chats/chats.queries';
import { messagePreview } from '../chats/messages.service';
import { defaultPreferences, inQuietHours } from '../notification-preferences/preferences';
import { preferencesOf } from '../notification-preferences/preferences.service';
import { findMarkers } from '../notifications/markers.queries';
import { notificationsPage } from '../notifications/notifications.service';
import { unreadAmong } from '../notifications/read-state.service';
import { composeDigest, type DigestChat } from './digest.content';
import {
  type DigestCandidate,
  deleteDigestRunsBefore,
  findDigestRuns,
  insertDigestRun,
  lastDigest,
  listDigestCandidates,
} from './email.queries';
import { accountMail } from './notification-mail';

/** Digests go out from 08:00 on the person's own clock (their quiet-hours time zone). */
const DIGEST_HOUR = 8;
const MONDAY = 1;
/** The most notifications one digest reads; past that it says there is more. */
const DIGEST_LIMIT = 200;
/** The most conversations one digest names. */
const DIGEST_CHATS = 20;
const PAGE = 500;
/** A digest continues where the last one stopped if that one is this recent. */
const CONTINUE_WITHIN_MS = 15 * DAY_MS;
/** How far back a first digest (or one after a long pause) looks: the week it missed. */
const FIRST_LOOKBACK_MS = 7 * DAY_MS;

export interface DigestPeriod {
  /** `daily:2026-06-08`, or `weekly:2026-06-08` (a Monday): one digest per key. */
  key: string;
  frequency: Exclude<DigestFrequency, 'off'>;
}

export interface DigestChoices {
  digest: DigestFrequency;
  quiet_hours: QuietHours;
}

/** The two choices a digest needs, read from the stored preferences without the rest. */
export function digestChoices(stored: string | null): DigestChoices {
  const defaults = defaultPreferences();
  if (stored === null) return defaults;
  try {
    const value = JSON.parse(stored) as Record<string, unknown>;
    const digest = DigestFrequencySchema.safeParse(value.digest);
    const quiet = QuietHours.safeParse(value.quiet_hours);
    return {
      digest: digest.success ? digest.data : defaults.digest,
      quiet_hours: quiet.success ? quiet.data : defaults.quiet_hours,
    };
  } catch {
    return defaults;
  }
}

/**
 * The digest due at `now`, if any: daily every day and weekly on Mondays, from 08:00 in the
 * person's time zone until the end of that day (so a server that was down at eight still
 * sends it), and not during their quiet hours (it waits until they end).
 */
export function dueDigest(choices: DigestChoices, now: number): DigestPeriod | null {
  const period = digestPeriodOn(choices, now);
  if (!period) return null;
  if (wallTimeAt(zoneOf(choices), now).hour < DIGEST_HOUR) return null;
  if (inQuietHours({ ...choices.quiet_hours, time_zone: zoneOf(choices) }, now)) return null;
  return period;
}

const zoneOf = (choices: DigestChoices) =>
  isTimeZone(choices.quiet_hours.time_zone) ? choices.quiet_hours.time_zone : 'UTC';

/** The digest period of the person's calendar day at `now`, whatever the hour (none: null). */
export function digestPeriodOn(choices: DigestChoices, now: number): DigestPeriod | null {
  if (choices.digest === 'off') return null;
  const wall = wallTimeAt(zoneOf(choices), now);
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  if (choices.digest === 'weekly' && weekday !== MONDAY) return null;
  const date = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
  return {
    key: `${choices.digest}:${date}`,
    frequency: choices.digest,
  };
}

/**
 * Sends every digest due at `now` that was not sent yet, page by page over the accounts.
 * Safe to run on several nodes at once: the digest_runs row is claimed in the transaction
 * that queues the mail, so each person gets each period's digest once.
 */
export async function runDigests(ctx: AppContext, now = Date.now()): Promise<{ sent: number }> {
  let sent = 0;
  let after = 0;
  for (;;) {
    const page = await listDigestCandidates(ctx.db, after, PAGE);
    if (page.length === 0) break;
    after = page.at(-1)?.id ?? after;
    const due = page.flatMap((person) => {
      const period = dueDigest(digestChoices(person.preferences), now);
      return period ? [{ person, period }] : [];
    });
    const done = await findDigestRuns(
      ctx.db,
      due.map((d) => ({ accountId: d.person.id, period: d.period.key })),
    );
    for (const { person, period } of due) {
      if (done.has(`${person.id}:${period.key}`)) continue;
      // One person's failure is logged and leaves the rest to go; their digest is tried
      // again on the next run, as its period is not recorded.
      try {
        if (await sendDigest(ctx, person, period, now)) sent += 1;
      } catch (error) {
        ctx.log.error({ err: error, account_id: person.id }, 'digest failed');
      }
    }
  }
  // A period more than a few weeks old can never be due again.
  await deleteDigestRunsBefore(ctx.db, now - 40 * DAY_MS);
  return { sent };
}

/**
 * One person's digest: the notifications newer than both their notifications marker (what
 * they saw in the app) and where their last digest stopped (or, for a first digest or one
 * after a long pause, a week back), that they may still see. Nothing unseen: the
 * period is recorded and no mail goes.
 */
async function sendDigest(
  ctx: AppContext,
  person: DigestCandidate,
  period: DigestPeriod,
  now: number,
): Promise<boolean> {
  const viewer = viewerFrom(person);
  const [marker] = await findMarkers(ctx.db, person.id, ['notifications']);
  const last = await lastDigest(ctx.db, person.id);
  const since = Math.max(
    marker?.last_read_id ?? 0,
    last && last.at >= now - CONTINUE_WITHIN_MS && last.untilId !== null
      ? last.untilId
      : idAt(now - FIRST_LOOKBACK_MS),
  );
  const [page, prefs] = await Promise.all([
    notificationsPage(
      ctx,
      viewer,
      {},
      { sinceId: since, maxId: undefined, minId: undefined, limit: DIGEST_LIMIT },
    ),
    preferencesOf(ctx.db, person.id),
  ]);
  const { ids } = page;
  // What the person turned off in the app is not news to them in a digest either.
  // Nor is one they opened on its own in the inbox, above their marker.
  const unread = await unreadAmong(ctx, person.id, ids);
  const notifications = page.notifications.filter(
    (n) => prefs.types[n.type]?.in_app !== false && unread.has(Number(n.id)),
  );
  // Conversations with unread messages that arrived since then, unless chat messages are
  // turned off in the app.
  const chats =
    prefs.types.chat_message.in_app === false
      ? []
      : (await unreadChatsAfter(ctx.db, person.id, since, DIGEST_CHATS)).map((chat) => ({
          chatId: chat.chat_id,
          title: chat.title,
          senderName: chat.sender_name,
          unread: chat.unread_count,
          preview: messagePreview(chat.html, 1),
        }));
  // An empty digest still records where it stopped, so the next one continues from there.
  const untilId = ids.length > 0 ? Math.max(...ids) : since;
  const mail =
    notifications.length + chats.length === 0
      ? null
      : digestMail(ctx, person, period, notifications, chats, ids.length >= DIGEST_LIMIT);
  const mailIds = await ctx.db.transaction().execute(async (trx) => {
    const claimed = await insertDigestRun(trx, {
      accountId: person.id,
      period: period.key,
      untilId,
      items: notifications.length + chats.length,
      at: now,
    });
    // Queued for now whatever `now` the run was given (tests pick one): mail goes out at once.
    return claimed && mail ? queueMail(trx, [mail]) : [];
  });
  announceMail(ctx, mailIds);
  return mailIds.length > 0;
}

function digestMail(
  ctx: AppContext,
  person: DigestCandidate,
  period: DigestPeriod,
  notifications: Notification[],
  chats: DigestChat[],
  more: boolean,
) {
  const body = composeDigest(notifications, chats, person.id, ctx.config.publicUrl, more);
  return accountMail(
    ctx,
    person,
    { kind: 'digest', frequency: period.frequency },
    {
      subject: `Your ${period.frequency} digest: ${body.headline}`,
      heading: 'What you have not seen in Rapport yet',
      blocks: body.blocks,
      reason: `You get this ${period.frequency} digest because it is on in your notification settings. It lists only what you have not seen in Rapport yet.`,
    },
  );
}

/**
 * Runs the digests every ten minutes (a minute after start first), in-process. The timer
 * does not keep the process alive; the returned function stops it and waits for a run.
 */
export function startDigestScheduler(
  ctx: AppContext,
  everyMs = 10 * 60_000,
  firstAfterMs = 60_000,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = runDigests(ctx, Date.now())
      .then(({ sent }) => {
        if (sent > 0) ctx.log.info({ sent }, 'queued digests');
      })
      .catch((error: unknown) => ctx.log.error({ err: error }, 'sending digests failed'))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(run, firstAfterMs);
  first.unref();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
