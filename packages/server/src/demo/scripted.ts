import { DAY_MS } from '../lib/time';
import { type Member, weightedPick } from './cast';
import { HOUR_MS, localMidnight, localWeekday, MINUTE_MS, workingMoment } from './clock';
import { ACTIVITY_DAYS, draft, windowStart } from './drafting';
import { introduction, POLLS, welcome } from './occasions';
import type { Plan } from './plan';

/**
 * The planned moments of the quarter, as opposed to everyday posting: weekly welcomes and
 * introductions, ten polls, Ana's last few days, and the launch announcement's fix.
 */

/** People & Culture welcomes each week's new joiners; many introduce themselves. */
export function planNewcomers(plan: Plan, admin: Member) {
  const { random, now } = plan;
  const start = windowStart(plan);
  const welcomers = plan.members.filter(
    (m) => (m.department === 'People & Culture' && m.writes > 0) || m === admin,
  );
  for (let week = Math.floor(ACTIVITY_DAYS / 7); week >= 0; week--) {
    let monday = localMidnight('Europe/London', now, week * 7);
    while (localWeekday('Europe/London', monday + 12 * HOUR_MS) !== 1) monday -= DAY_MS;
    const at = monday + random.int(9 * HOUR_MS, 11 * HOUR_MS);
    if (at >= now || at < start) continue;
    const newcomers = plan.members
      .filter((m) => m.joinedAt < at && m.joinedAt >= at - 7 * DAY_MS)
      .slice(0, 6);
    const author = weightedPick(random, welcomers, (m) => (m.joinedAt < at ? m.writes + 0.01 : 0));
    if (newcomers.length === 0 || !author) continue;
    draft(plan, author, at, 'welcome', (w) => welcome(w, newcomers));
  }
  for (const newcomer of plan.members) {
    if (newcomer.joinedAt < start || newcomer.writes <= 0 || !random.chance(0.7)) continue;
    const at = workingMoment(random, newcomer.zone, {
      from: newcomer.joinedAt + 2 * HOUR_MS,
      to: Math.min(now - 10 * MINUTE_MS, newcomer.joinedAt + 6 * DAY_MS),
      now,
    });
    if (at !== undefined) draft(plan, newcomer, at, 'intro', introduction);
  }
}

/**
 * Ten polls over the quarter: most have ended (their time was long enough ago), one ended
 * yesterday with Ana's vote in it, and a few are still open.
 */
export function planPolls(plan: Plan, ana: Member, admin: Member, bookClubMembers: Set<Member>) {
  const { random, members, now } = plan;
  const writers = (department?: string) =>
    members.filter((m) => m.writes > 0 && (!department || m.department === department));
  const schedule: Array<{ poll: number; days: number; hours: number; by: Member[] }> = [
    { poll: 0, days: 68, hours: 72, by: [...writers('People & Culture'), admin] },
    { poll: 1, days: 57, hours: 48, by: [...bookClubMembers].filter((m) => m.writes > 0) },
    { poll: 2, days: 46, hours: 96, by: [admin] },
    { poll: 3, days: 33, hours: 48, by: [ana] },
    { poll: 6, days: 26, hours: 24, by: writers('Engineering') },
    { poll: 4, days: 17, hours: 48, by: writers('Marketing') },
    { poll: 5, days: 3.2, hours: 54, by: writers() },
    { poll: 9, days: 2, hours: 120, by: [...writers('People & Culture'), admin] },
    { poll: 7, days: 1, hours: 96, by: writers('People & Culture') },
    { poll: 8, days: 0.2, hours: 72, by: [ana] },
  ];
  for (const { poll: index, days, hours, by } of schedule) {
    const poll = POLLS[index];
    const at = now - days * DAY_MS + random.int(-HOUR_MS, HOUR_MS);
    const author = weightedPick(random, by, (m) => (m.joinedAt < at ? m.writes + 0.01 : 0));
    if (!poll || !author || at >= now) continue;
    draft(plan, author, Math.min(at, now - 30 * MINUTE_MS), 'poll', () => poll.text, {
      poll: { options: poll.options, expiresIn: hours * 3600, multiple: poll.multiple },
    });
  }
}

/**
 * `hour` (local) on the last working day at least `days` before today in the member's
 * time zone that is already over by an hour.
 */
function recentWorkday(plan: Plan, member: Member, days: number, hour: number): number {
  for (let back = days; ; back++) {
    const midnight = localMidnight(member.zone, plan.now, back);
    const weekday = localWeekday(member.zone, midnight + 12 * HOUR_MS);
    const at = midnight + hour * HOUR_MS + plan.random.int(0, 20 * MINUTE_MS);
    if (weekday !== 0 && weekday !== 6 && at < plan.now - HOUR_MS) return at;
  }
}

/**
 * Ana's last few days, so that signing in as her shows a lively, partly unread
 * notification list: her update with an edit, a question and a direct message for her,
 * a shout-out, and her own question to colleagues.
 */
export function planAnasWeek(plan: Plan, ana: Member) {
  const { random } = plan;
  const others = (department: string) =>
    plan.members.filter((m) => m.department === department && m.writes > 0 && m !== ana);
  const pickFrom = (department: string) =>
    weightedPick(random, others(department), (m) => m.writes) ?? ana;
  const atlas = draft(
    plan,
    ana,
    recentWorkday(plan, ana, 2, 10.25),
    'update',
    (w) =>
      `Atlas beta: the first 20 customer workspaces are on the new onboarding flow, and time to first invitation is down to under a day. Thank you ${w.colleague()} and ${w.someoneElse()} for the late nights! Readout: ${w.wiki('product/atlas/beta-readout')} #onboarding #product`,
    { replies: 5 },
  );
  atlas.appeal = 5;
  plan.anaReadUntil = atlas.at;
  plan.schedule({
    type: 'edit',
    at: atlas.at + 25 * MINUTE_MS,
    draft: atlas,
    text: atlas.text.replace(
      'the first 20 customer workspaces',
      'the first 24 customer workspaces (4 more signed up this morning)',
    ),
  });
  draft(
    plan,
    ana,
    recentWorkday(plan, ana, 3, 15),
    'question',
    () =>
      "Has anyone built a Salesforce report of seats per customer? I'd like to compare the Atlas beta customers with everyone else. #help",
    { skill: 'Salesforce', replies: 4 },
  );
  const asker = pickFrom('Customer Success');
  draft(
    plan,
    asker,
    recentWorkday(plan, asker, 1, 11.6),
    'question',
    (w) =>
      `${w.mention(ana)} is the Atlas checklist ready for ${w.customer()}'s rollout next week? Their admins keep asking and I'd love to say yes. #onboarding`,
    { replies: 3 },
  );
  const designer = pickFrom('Design');
  const kudos = draft(
    plan,
    designer,
    recentWorkday(plan, designer, 0, 9.5),
    'kudos',
    (w) =>
      `Shout-out to ${w.mention(ana)} for running twelve customer interviews in two weeks and writing a readout everyone actually read. #kudos`,
    { replies: 3 },
  );
  kudos.appeal = 3.5;
  const colleague = pickFrom('Product');
  const message = plan.writer(colleague, recentWorkday(plan, colleague, 1, 16));
  plan.post({
    kind: 'direct',
    author: colleague,
    at: message.at,
    text: `${message.mention(ana)} do you have ten minutes before the roadmap review? I'd like to check the Compass scope with you.`,
    visibility: 'direct',
    mentioned: message.mentioned,
    appeal: 1,
    replies: 2,
  });
}

/** The release announcement went out with a broken link, fixed a few minutes later. */
export function planLaunchCorrection(plan: Plan) {
  const announcement = plan.drafts.find((d) => d.kind === 'launch' && d.text.includes(' is out!'));
  if (!announcement) return;
  plan.schedule({
    type: 'edit',
    at: announcement.at + plan.random.int(8, 20) * MINUTE_MS,
    draft: announcement,
    text: announcement.text.replace('releases/meridian-5', 'releases/meridian-5/notes'),
  });
}
