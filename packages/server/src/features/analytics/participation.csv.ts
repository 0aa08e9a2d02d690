import type { Participation } from '@rapport/schema';
import type { CsvTable } from './analytics.service';
import { cell } from './csv';

/**
 * The participation report's CSV tables (`?format=csv&table=NAME`, `summary` when none is
 * named). Withheld figures read "suppressed", as on the page.
 */
export const PARTICIPATION_TABLES: Record<string, (report: Participation) => CsvTable> = {
  summary: (report) => ({
    header: [
      'scope',
      'from',
      'to',
      'members',
      'contributors',
      'contributions',
      'reactions',
      'top1_share',
      'top10_share',
      'top15_share',
      'gini',
      'first_time_contributors',
      'returning_first_time_contributors',
    ],
    rows: [
      [
        report.scope,
        report.from,
        report.to,
        report.members,
        cell(report.contributors),
        report.contributions,
        report.reactions,
        cell(report.top1_share),
        cell(report.top10_share),
        cell(report.top15_share),
        report.gini,
        cell(report.first_time_contributors),
        cell(report.returning_first_time_contributors),
      ],
    ],
  }),
  weekly: (report) => ({
    header: [
      'week_start',
      'contributors',
      'contributions',
      'reactions',
      'active',
      'first_time_contributors',
      'top15_share',
      'gini',
    ],
    rows: report.weekly.map((week) => [
      week.week_start,
      cell(week.contributors),
      week.contributions,
      week.reactions,
      cell(week.active),
      cell(week.first_time_contributors),
      cell(week.top15_share),
      week.gini,
    ]),
  }),
  lorenz: (report) => ({
    header: ['members_share', 'contributions_share'],
    rows: report.lorenz.map(([members, contributions]) => [members, contributions]),
  }),
  segments: (report) => ({
    header: ['segment', 'people'],
    rows: Object.entries(report.segments).map(([segment, people]) => [segment, cell(people)]),
  }),
  personas: (report) => ({
    header: ['persona', 'people'],
    rows: Object.entries(report.personas).map(([persona, people]) => [persona, cell(people)]),
  }),
};
