import type { AnalyticsQuery, Responsiveness, ResponsivenessReport } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { type CsvTable, reportCsv, reportInput } from './analytics.service';
import { analyticsRunner } from './runner';

/** `GET /analytics/responsiveness`: computed off the request thread (runner.ts). */
export async function responsivenessReport(
  ctx: AppContext,
  viewer: Viewer,
  query: AnalyticsQuery,
): Promise<ResponsivenessReport> {
  const input = await reportInput(ctx, viewer, query);
  return analyticsRunner(ctx).run('responsiveness', input, input.asked);
}

/** The report's CSV tables: `summary` (one row) and `weekly`. */
const TABLES: Record<string, (report: Responsiveness) => CsvTable> = {
  summary: (report) => ({
    header: [
      'scope',
      'from',
      'to',
      'questions_asked',
      'answered',
      'accepted',
      'unanswered',
      'median_hours_to_first_answer',
      'p90_hours_to_first_answer',
      'within_target_share',
      'target_answer_within_hours',
      'target_answered_share',
      'target_source',
    ],
    rows: [
      [
        report.scope,
        report.from,
        report.to,
        report.questions_asked,
        report.answered,
        report.accepted,
        report.unanswered,
        report.median_hours_to_first_answer,
        report.p90_hours_to_first_answer,
        report.within_target_share,
        report.target.answer_within_hours,
        report.target.answered_share,
        report.target.source,
      ],
    ],
  }),
  weekly: (report) => ({
    header: ['week_start', 'asked', 'answered', 'median_hours', 'within_target_share'],
    rows: report.weekly.map((week) => [
      week.week_start,
      week.asked,
      week.answered,
      week.median_hours,
      week.within_target_share,
    ]),
  }),
};

export function responsivenessCsv(report: ResponsivenessReport, table: string | undefined) {
  return reportCsv(report, TABLES, table);
}
