import type { ResponsivenessReport, ResponsivenessWeek } from '@rapport/schema';
import { idTime } from '../../db/ids';
import type { Db } from '../../db/tables';
import { toIso } from '../../lib/time';
import { frameOf, type ReportInput, suppressedReport } from './analytics.service';
import { weekIndex, weekStarts } from './period';
import { type AskedQuestion, optedOutIds, questionsAsked } from './responsiveness.queries';
import { scopeMembers } from './scope.queries';
import { quantile, round } from './stats';
import { responseTarget } from './targets';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The questions of a scope asked in the period: everyone's for the organisation, those of
 * its members for a department (scopeMembers), those posted in it for a community. Beyond
 * the organisation, questions of people who opted out of analytics are not counted.
 */
export async function scopeQuestions(
  db: Db,
  input: ReportInput,
  members: number[],
): Promise<AskedQuestion[]> {
  const asked = await questionsAsked(db, input.scope, input.period);
  if (input.scope.kind === 'organisation') return asked;
  if (input.scope.kind === 'department') {
    const counted = new Set(members);
    return asked.filter((question) => counted.has(question.askerId));
  }
  const optedOut = await optedOutIds(db);
  return asked.filter((question) => !optedOut.has(question.askerId));
}

/**
 * Time to first answer, in hours: from the question to the first reply by someone other
 * than the asker (their own follow-ups are not answers). Null while there is none.
 */
export function hoursToFirstAnswer(question: AskedQuestion): number | null {
  if (question.firstAnswerAt === null) return null;
  return Math.max(0, question.firstAnswerAt - question.createdAt) / HOUR_MS;
}

interface Summary {
  asked: number;
  answered: number;
  accepted: number;
  median: number | null;
  p90: number | null;
  /** Of the questions asked, the share first answered within the target (unanswered: not). */
  withinTarget: number | null;
}

export function summarise(questions: AskedQuestion[], targetHours: number): Summary {
  const hours = questions.flatMap((question) => hoursToFirstAnswer(question) ?? []);
  const within = hours.filter((value) => value <= targetHours).length;
  const median = quantile(hours, 0.5);
  const p90 = quantile(hours, 0.9);
  return {
    asked: questions.length,
    answered: hours.length,
    accepted: questions.filter((question) => question.accepted).length,
    median: median === null ? null : round(median, 2),
    p90: p90 === null ? null : round(p90, 2),
    withinTarget: questions.length === 0 ? null : round(within / questions.length, 4),
  };
}

/**
 * THE RESPONSIVENESS REPORT: of the questions asked in the period (in the scope), how many
 * were answered by someone other than the asker (by now), how many had an answer accepted,
 * the median and 90th percentile of the time to the first answer, and the share answered
 * within the target the scope set for itself, week by week too. A scope with fewer than
 * `min_group_size` members is withheld whole.
 */
export async function computeResponsiveness(
  db: Db,
  input: ReportInput,
): Promise<ResponsivenessReport> {
  const members = await scopeMembers(db, input.scope, input.period.to);
  if (members.length < input.minGroupSize) return suppressedReport(input);
  const [questions, target] = await Promise.all([
    scopeQuestions(db, input, members),
    responseTarget(db, input.scope),
  ]);
  const hours = target.answer_within_hours;
  const whole = summarise(questions, hours);
  const starts = weekStarts(input.period);
  const byWeek = starts.map((): AskedQuestion[] => []);
  // A question's id says when it was asked (the period's range scan reads ids too).
  for (const question of questions)
    byWeek[weekIndex(input.period, idTime(question.id))]?.push(question);
  const weekly = starts.map((start, index): ResponsivenessWeek => {
    const week = summarise(byWeek[index] ?? [], hours);
    return {
      week_start: toIso(start),
      asked: week.asked,
      answered: week.answered,
      median_hours: week.median,
      within_target_share: week.withinTarget,
    };
  });
  return {
    ...frameOf(input),
    suppressed: false,
    questions_asked: whole.asked,
    answered: whole.answered,
    accepted: whole.accepted,
    median_hours_to_first_answer: whole.median,
    p90_hours_to_first_answer: whole.p90,
    within_target_share: whole.withinTarget,
    target,
    unanswered: whole.asked - whole.answered,
    weekly,
  };
}
