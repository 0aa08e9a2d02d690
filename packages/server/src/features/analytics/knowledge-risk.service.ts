import type { AnalyticsQuery, KnowledgeRisk, KnowledgeRiskReport } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { DAY_MS } from '../../lib/time';
import { type CsvTable, reportCsv, reportInput } from './analytics.service';
import { analyticsRunner } from './runner';

/**
 * Knowledge builds up slowly, so with no `from` the report covers the year before `to`
 * (other dashboards default to twelve weeks).
 */
export const KNOWLEDGE_DEFAULT_DAYS = 365;

/** `GET /analytics/knowledge_risk`: computed off the request thread (runner.ts). */
export async function knowledgeRiskReport(
  ctx: AppContext,
  viewer: Viewer,
  query: AnalyticsQuery,
): Promise<KnowledgeRiskReport> {
  const input = await reportInput(ctx, viewer, query);
  const period =
    query.from === undefined
      ? { from: input.period.to - KNOWLEDGE_DEFAULT_DAYS * DAY_MS, to: input.period.to }
      : input.period;
  return analyticsRunner(ctx).run(
    'knowledge_risk',
    {
      ...input,
      period,
      publicUrl: ctx.config.publicUrl,
    },
    input.asked,
  );
}

/** The report's one CSV table, `topics`. */
const TABLES: Record<string, (report: KnowledgeRisk) => CsvTable> = {
  topics: (report) => ({
    header: [
      'kind',
      'key',
      'name',
      'url',
      'bus_factor',
      'contributors',
      'answers',
      'pages',
      'questions_asked',
      'unanswered',
      'listed_by',
      'at_risk',
      'remedies',
    ],
    rows: report.topics.map((topic) => [
      topic.kind,
      topic.key,
      topic.name,
      topic.url,
      topic.bus_factor,
      topic.contributors,
      topic.answers,
      topic.pages,
      topic.questions_asked,
      topic.unanswered,
      topic.listed_by,
      topic.at_risk,
      topic.remedies.join(' '),
    ]),
  }),
};

export function knowledgeRiskCsv(report: KnowledgeRiskReport, table: string | undefined) {
  return reportCsv(report, TABLES, table);
}
