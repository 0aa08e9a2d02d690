import type { AppContext } from '../context';
import { EventBus } from '../events';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { regroupNotifications } from '../features/notifications/notification-keys.queries';
import { markNotificationRead } from '../features/notifications/read-state.service';
import { favourite, reblog } from '../features/statuses/reactions.service';
import { createStatus } from '../features/statuses/statuses.service';
import { viewerFrom } from '../http/auth';
import { DAY_MS } from '../lib/time';
import { HOUR_MS, MINUTE_MS } from './clock';
import { restampHistory, type Stamps } from './demo.queries';
import { communityOfMember, notificationAbout } from './inbox.queries';
import type { Random } from './random';

export interface InboxSummary {
  /** Ana's mentions, replies and answers written by this step. */
  items: number;
  /** Colleagues who favourited her launch status in one burst (one group). */
  favourites: number;
}

/** Groups span twelve-hour windows of the clock (`regroupNotifications`). */
const WINDOW_MS = 12 * HOUR_MS;

/**
 * What needs Ana this morning: answers to the two questions she asked, a reply to her launch
 * status, a mention in one of her communities, and a burst of colleagues favouriting the
 * launch (one group: "Bruno and 4 others favourited your status"). The answer she already
 * opened yesterday is read; the rest is new. Then every groupable notification of the
 * replayed history gets its group key from its own time, which the replays changed.
 */
export async function seedInbox(
  ctx: AppContext,
  s: { random: Random; now: number; accounts: AccountRow[]; ana: string },
): Promise<InboxSummary> {
  // Written quietly, as the rest of the history (nobody listens while a demo is made).
  const quiet: AppContext = { ...ctx, events: new EventBus(ctx.log) };
  const since = Date.now();
  const ana = s.accounts.find((row) => row.username === s.ana);
  if (!ana) return { items: 0, favourites: 0 };
  const staff = s.accounts.filter(
    (row) => row.role === 'member' && row.suspended === 0 && row.id !== ana.id,
  );
  const [bruno, carla, dev, erin, femi, gwen, hana] = s.random.sample(staff, 7) as AccountRow[];
  if (!bruno || !carla || !dev || !erin || !femi || !gwen || !hana) {
    return { items: 0, favourites: 0 };
  }
  const stamps: Stamps = {
    statuses: new Map(),
    favourites: new Map(),
    bookmarks: new Map(),
    reblogs: new Map(),
    follows: new Map(),
    votes: new Map(),
    edits: new Map(),
    pollsEnded: new Map(),
  };
  const post = async (
    author: AccountRow,
    at: number,
    status: string,
    extra: { kind?: 'question'; in_reply_to_id?: string; community_id?: string } = {},
  ) => {
    const posted = await createStatus(
      quiet,
      viewerFrom(author),
      { status, visibility: 'public', ...extra },
      { applicationId: null, at },
    );
    stamps.statuses.set(posted.id, at);
    return posted;
  };
  const at = (username: string) => `@${username}`;

  // The burst of favourites lies inside one twelve-hour window, the last one long enough.
  const windowStart = s.now - (s.now % WINDOW_MS);
  const burstEnd =
    s.now - windowStart >= 4 * HOUR_MS ? s.now - 10 * MINUTE_MS : windowStart - HOUR_MS;
  const launch = await post(
    ana,
    burstEnd - 3 * HOUR_MS,
    'The onboarding checklist is live for every new admin 🎉 Thank you to everyone who tested it with customers. #onboarding',
  );
  const fans = [hana, gwen, erin, dev, bruno];
  for (const [i, fan] of fans.entries()) {
    await favourite(quiet, viewerFrom(fan), launch.id);
    stamps.favourites.set(
      `${fan.id}:${launch.id}`,
      burstEnd - (fans.length - 1 - i) * 35 * MINUTE_MS,
    );
  }
  // And one colleague boosts it, so the morning has a boost among its notifications.
  const boostedAt = burstEnd - 20 * MINUTE_MS;
  await reblog(quiet, viewerFrom(carla), launch.id, 'public', boostedAt);
  stamps.reblogs.set(`${carla.id}:${launch.id}`, boostedAt);

  const interviews = await post(
    ana,
    s.now - 2 * DAY_MS,
    'What is your best setup for remote customer interviews with screen sharing? Recording, notes, consent… #research',
    { kind: 'question' },
  );
  const opened = await post(
    carla,
    s.now - DAY_MS + 2 * HOUR_MS,
    `${at(ana.username)} a shared doc for notes, the call recorded with consent asked at the start, and one person only asking questions.`,
    { in_reply_to_id: String(interviews.id) },
  );
  await post(
    femi,
    s.now - 50 * MINUTE_MS,
    `${at(ana.username)} we send the consent form with the invite, so the call starts with the interview, not with paperwork.`,
    { in_reply_to_id: String(interviews.id) },
  );
  const survey = await post(
    ana,
    s.now - 20 * HOUR_MS,
    'Does anyone have a template for an NPS survey after onboarding? #onboarding',
    { kind: 'question' },
  );
  await post(
    dev,
    s.now - 2 * HOUR_MS,
    `${at(ana.username)} yes: the one Support used last quarter, two questions and a free-text box. I'll share it in the handbook.`,
    { in_reply_to_id: String(survey.id) },
  );
  await post(
    gwen,
    s.now - 35 * MINUTE_MS,
    `${at(ana.username)} congratulations! Can the checklist also be shown to existing admins who skipped it?`,
    { in_reply_to_id: String(launch.id) },
  );
  let items = 5;
  const community = await communityOfMember(ctx.db, ana.id);
  if (community) {
    const author = s.accounts.find((row) => row.id === community.otherMemberId);
    if (author) {
      await post(
        author,
        s.now - 3 * HOUR_MS,
        `${at(ana.username)} could you walk us through the onboarding metrics at Thursday's sync?`,
        { community_id: String(community.communityId) },
      );
      items += 1;
    }
  }

  await restampHistory(ctx.db, since, stamps);
  await regroupNotifications(ctx.db, 0);
  // Yesterday Ana opened Carla's answer from the inbox: read, though older ones are not.
  const read = await notificationAbout(ctx.db, ana.id, opened.id);
  if (read !== undefined) await markNotificationRead(quiet, viewerFrom(ana), read);
  return { items, favourites: fans.length };
}
