import type { MyInsights, MyInsightsWeek } from '@rapport/schema';
import type { Db } from '../../db/tables';
import { toIso } from '../../lib/time';
import type { CsvTable } from './analytics.service';
import {
  answeredBefore,
  communityNames,
  favouriteTimes,
  type OwnStatus,
  ownRevisionTimes,
  ownStatuses,
  reactionsReceivedTimes,
  repliesReceivedTimes,
} from './my-insights.queries';
import { type Period, weekIndex, weekStarts } from './period';
import { personaOf, quantile, round, THRESHOLDS } from './stats';

/** What a person's insights are computed from: themselves and a period (plain JSON). */
export interface MyInsightsInput {
  accountId: number;
  period: Period;
  now: number;
}

/** The communities shown where someone helps most. */
export const TOP_COMMUNITIES = 5;
const HOUR_MS = 60 * 60 * 1000;

/**
 * One person's own insights: never about anyone else, and not subject to the minimum group
 * size since the only person in it is the one asking. The words match the participation
 * dashboard's:
 * - contributions: statuses they wrote (replies, questions and answers included; boosts
 *   and direct messages, which are private conversation, not) plus page revisions;
 * - posts (for the persona): those statuses that reply to nobody else (a thread they
 *   continue is still theirs); replies: to someone else's status;
 * - reactions given: favourites and boosts; responses received: replies by others to their
 *   statuses (direct messages aside), and favourites and boosts of them by others;
 * - answers: their replies to others' questions; accepted: those chosen as the answer;
 * - time to answer: from a question to their first answer to it.
 */
export async function computeMyInsights(db: Db, input: MyInsightsInput): Promise<MyInsights> {
  const { accountId, period } = input;
  const [statuses, revisions, favourites, repliesReceived, reactionsReceived] = await Promise.all([
    ownStatuses(db, accountId, period),
    ownRevisionTimes(db, accountId, period),
    favouriteTimes(db, accountId, period),
    repliesReceivedTimes(db, accountId, period),
    reactionsReceivedTimes(db, accountId, period),
  ]);
  const written = statuses.filter((status) => status.reblog_of_id === null && !status.direct);
  const boosts = statuses.filter((status) => status.reblog_of_id !== null);
  const toOthers = written.filter((status) => isToOthers(status, accountId));
  const answers = toOthers.filter((status) => status.parent_kind === 'question');
  const reactionsGiven = [...favourites, ...boosts.map((status) => status.created_at)];
  const contributions = [...written.map((status) => status.created_at), ...revisions];

  const persona = personaOf({
    posts: written.length - toOthers.length,
    replies: toOthers.length,
    reactionsGiven: reactionsGiven.length,
    repliesReceived: repliesReceived.length,
    reactionsReceived: reactionsReceived.length,
  });
  const hoursToAnswer = await firstAnswerHours(db, accountId, period, answers);
  const median = quantile(hoursToAnswer, 0.5);

  return {
    from: toIso(period.from),
    to: toIso(period.to),
    generated_at: toIso(input.now),
    persona,
    thresholds: THRESHOLDS,
    contributions: contributions.length,
    reactions_given: reactionsGiven.length,
    replies_received: repliesReceived.length,
    reactions_received: reactionsReceived.length,
    answers: answers.length,
    accepted_answers: answers.filter((status) => status.accepted_answer_id === status.id).length,
    median_hours_to_answer: median === null ? null : round(median, 2),
    weekly: weekly(period, {
      contributions,
      reactions_given: reactionsGiven,
      replies_received: repliesReceived,
      reactions_received: reactionsReceived,
    }),
    communities: await helpedCommunities(db, toOthers),
  };
}

function isToOthers(status: OwnStatus, accountId: number): boolean {
  return status.in_reply_to_account_id !== null && status.in_reply_to_account_id !== accountId;
}

/**
 * Hours from each question to the person's first answer to it, for the questions first
 * answered by them in the period (a question they had already answered before is left out).
 */
async function firstAnswerHours(
  db: Db,
  accountId: number,
  period: Period,
  answers: OwnStatus[],
): Promise<number[]> {
  const first = new Map<number, OwnStatus>();
  for (const answer of answers) {
    const question = answer.in_reply_to_id as number;
    if (!first.has(question)) first.set(question, answer);
  }
  const earlier = await answeredBefore(db, accountId, [...first.keys()], period.from);
  return [...first.entries()]
    .filter(([question]) => !earlier.has(question))
    .map(
      ([, answer]) =>
        (answer.created_at - (answer.parent_created_at ?? answer.created_at)) / HOUR_MS,
    );
}

/** The period's weeks, each with what happened in it. */
function weekly(
  period: Period,
  times: Record<Exclude<keyof MyInsightsWeek, 'week_start'>, number[]>,
) {
  const starts = weekStarts(period);
  const rows: MyInsightsWeek[] = starts.map((start) => ({
    week_start: toIso(start),
    contributions: 0,
    reactions_given: 0,
    replies_received: 0,
    reactions_received: 0,
  }));
  for (const [key, list] of Object.entries(times) as [keyof typeof times, number[]][]) {
    for (const at of list) {
      const week = rows[Math.min(Math.max(weekIndex(period, at), 0), rows.length - 1)];
      if (week) week[key] += 1;
    }
  }
  return rows;
}

/** Where they help most: their answers and other replies to others, by community, top five. */
async function helpedCommunities(
  db: Db,
  toOthers: OwnStatus[],
): Promise<MyInsights['communities']> {
  const counts = new Map<number, { answers: number; replies: number }>();
  for (const status of toOthers) {
    if (status.community_id === null) continue;
    const count = counts.get(status.community_id) ?? { answers: 0, replies: 0 };
    if (status.parent_kind === 'question') count.answers += 1;
    else count.replies += 1;
    counts.set(status.community_id, count);
  }
  const names = await communityNames(db, [...counts.keys()]);
  return [...counts.entries()]
    .map(([id, count]) => ({ id: String(id), name: names.get(id) ?? '', ...count }))
    .sort(
      (a, b) =>
        b.answers + b.replies - (a.answers + a.replies) ||
        b.answers - a.answers ||
        a.name.localeCompare(b.name),
    )
    .slice(0, TOP_COMMUNITIES);
}

/** The CSV downloads of someone's own insights. */
export const MY_INSIGHTS_TABLES: Record<string, (report: MyInsights) => CsvTable> = {
  summary: (report) => ({
    header: ['measure', 'value'],
    rows: [
      ['from', report.from],
      ['to', report.to],
      ['persona', report.persona],
      ['contributions', report.contributions],
      ['reactions_given', report.reactions_given],
      ['replies_received', report.replies_received],
      ['reactions_received', report.reactions_received],
      ['answers', report.answers],
      ['accepted_answers', report.accepted_answers],
      ['median_hours_to_answer', report.median_hours_to_answer],
    ],
  }),
  weekly: (report) => ({
    header: [
      'week_start',
      'contributions',
      'reactions_given',
      'replies_received',
      'reactions_received',
    ],
    rows: report.weekly.map((week) => [
      week.week_start,
      week.contributions,
      week.reactions_given,
      week.replies_received,
      week.reactions_received,
    ]),
  }),
  communities: (report) => ({
    header: ['community_id', 'community', 'answers', 'replies'],
    rows: report.communities.map((row) => [row.id, row.name, row.answers, row.replies]),
  }),
};
