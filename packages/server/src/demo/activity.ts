import { type Member, weightedPick, weightedSample } from './cast';
import { HOUR_MS, MINUTE_MS, workingMoment } from './clock';
import { appealOf, daysAgo, draft, windowStart } from './drafting';
import { planFollows } from './follows';
import {
  bookClub,
  conferenceNotes,
  DIRECT,
  type Kind,
  KUDOS,
  LAUNCH,
  LAUNCH_DAYS_AGO,
  OFFICE,
  PLANNING,
  PLANNING_DAYS_AGO,
  PRIVATE,
  SECURITY,
  WIKI,
} from './occasions';
import { planPictures } from './pictures';
import { type Draft, Plan } from './plan';
import type { Random } from './random';
import { planReactions } from './reactions';
import { planAnasWeek, planLaunchCorrection, planNewcomers, planPolls } from './scripted';
import { planThread } from './threads';
import { TOPICS } from './topics';

/** How many statuses start a thread over the whole history (replies come on top). */
const ROOT_STATUSES = 1100;
/** Statuses that carry a rendered image (dashboards, office snapshots). */
const PICTURES = 16;

export interface Characters {
  ana: string;
  admin: string;
}

/**
 * Plans ninety days of the organisation's life: the follow graph, statuses with threads,
 * polls, reactions and a few edits, around the demo's characters. Nothing is written
 * here; `replayActivity` writes it through the services, in time order.
 */
export function planActivity(
  random: Random,
  now: number,
  members: Member[],
  characters: Characters,
): Plan {
  const plan = new Plan(random, now, members);
  const ana = plan.member(characters.ana);
  const bookClubMembers = new Set(
    weightedSample(random, members, 14, (m) => (m.segment === 'dormant' ? 0 : 1 + m.reacts)),
  );
  planFollows(plan, ana);
  planRootStatuses(plan, bookClubMembers);
  planNewcomers(plan, plan.member(characters.admin));
  planPolls(plan, ana, plan.member(characters.admin), bookClubMembers);
  planAnasWeek(plan, ana);
  for (const root of [...plan.drafts]) planThread(plan, root, bookClubMembers);
  planLaunchCorrection(plan);
  planPictures(plan, PICTURES);
  planReactions(plan, ana);
  return plan;
}

function kindWeights(m: Member, bookClubMembers: Set<Member>): Array<[Kind, number]> {
  const launchDepartments = ['Marketing', 'Product', 'Engineering', 'Sales', 'Customer Success'];
  return [
    ['update', 30],
    ['question', 14],
    ['learnt', 4],
    ['kudos', 9],
    ['wiki', 5],
    ['conference', m.segment === 'heavy' ? 3 : 1],
    ['office', 7],
    ['private', 3],
    ['direct', 2.5],
    ['security', m.skills.includes('Security') || m.role === 'admin' ? 8 : 0],
    ['planning', m.lead || m.department === 'Finance' ? 5 : m.department === 'Product' ? 2 : 0],
    ['launch', launchDepartments.includes(m.department) ? 3 : 0],
    ['bookclub', bookClubMembers.has(m) ? 4 : 0],
  ];
}

/**
 * Statuses that start threads, shared out by how much each person writes (the 85/15
 * pattern comes from there), each at a working hour of its author's time zone.
 */
function planRootStatuses(plan: Plan, bookClubMembers: Set<Member>) {
  const { random, now } = plan;
  const start = windowStart(plan);
  for (const author of plan.members) {
    if (author.writes <= 0) continue;
    const from = Math.max(author.joinedAt + 2 * HOUR_MS, start);
    if (from >= now) continue;
    const expected = (author.writes * ROOT_STATUSES * (now - from)) / (now - start);
    const count = Math.floor(expected) + (random.chance(expected % 1) ? 1 : 0);
    const kinds = kindWeights(author, bookClubMembers);
    for (let i = 0; i < count; i++) {
      const kind = weightedPick(random, kinds, ([, weight]) => weight)?.[0] ?? 'update';
      rootStatus(plan, author, kind, from);
    }
  }
}

function rootStatus(plan: Plan, author: Member, kind: Kind, from: number): Draft | undefined {
  const { random, now } = plan;
  const moment = (window: { from: number; to: number }) =>
    workingMoment(random, author.zone, {
      from: Math.max(from, window.from),
      to: Math.min(now - 10 * MINUTE_MS, window.to),
      now,
    });
  if (kind === 'launch') {
    const options = LAUNCH.filter(
      (l) => !l.departments || l.departments.includes(author.department),
    );
    const launch = random.pick(options);
    const at = moment({
      from: daysAgo(plan, LAUNCH_DAYS_AGO - launch.days[0] + 0.5),
      to: daysAgo(plan, LAUNCH_DAYS_AGO - launch.days[1] - 0.5),
    });
    return at === undefined ? undefined : draft(plan, author, at, kind, launch.text);
  }
  if (kind === 'planning') {
    const at = moment({
      from: daysAgo(plan, PLANNING_DAYS_AGO[0]),
      to: daysAgo(plan, PLANNING_DAYS_AGO[1]),
    });
    return at === undefined ? undefined : draft(plan, author, at, kind, (w) => w.pick(PLANNING)(w));
  }
  const at = moment({ from, to: now });
  if (at === undefined) return undefined;
  const topics = TOPICS[author.department] ?? TOPICS.Engineering;
  if (!topics) return undefined;
  switch (kind) {
    case 'update':
      return draft(plan, author, at, kind, (w) => w.pick(topics.updates)(w));
    case 'question': {
      const question = random.pick(topics.questions);
      return draft(plan, author, at, kind, question.text, { skill: question.skill });
    }
    case 'learnt':
      return draft(plan, author, at, kind, (w) => w.pick(topics.learnt)(w));
    case 'kudos':
      return draft(plan, author, at, kind, (w) => w.pick(KUDOS)(w));
    case 'wiki':
      return draft(plan, author, at, kind, (w) => w.pick(WIKI)(w));
    case 'conference':
      return draft(plan, author, at, kind, conferenceNotes);
    case 'office':
      return draft(plan, author, at, kind, (w) => w.pick(OFFICE)(w));
    case 'security':
      return draft(plan, author, at, kind, (w) => w.pick(SECURITY)(w));
    case 'bookclub':
      return draft(plan, author, at, kind, (w) => bookClub(w, random.chance(0.75)));
    case 'private':
      return draft(plan, author, at, kind, (w) => w.pick(PRIVATE)(w), { visibility: 'private' });
    case 'direct': {
      const w = plan.writer(author, at);
      const text = w.pick(DIRECT)(w);
      // A direct status with nobody to address is not sent.
      if (w.mentioned.length === 0) return undefined;
      return plan.post({
        kind,
        author,
        at,
        text,
        visibility: 'direct',
        mentioned: w.mentioned,
        appeal: appealOf(random, kind, author),
      });
    }
    default:
      return undefined;
  }
}
