import type {
  AnalyticsScopes,
  Community,
  KnowledgeRiskReport,
  ParticipationReport,
  ResponseTarget,
  ResponsivenessReport,
  SilosReport,
  UnansweredQuestion,
  UpdateResponseTarget,
} from '@rapport/schema';
import { type Page, sendJson, sendPage, withQuery } from '../../api/client';
import type { AnalyticsSelection } from './analytics-query';

const base = '/api/rapport/v1/analytics';

/** The dashboards, each an endpoint of its own. */
export type Dashboard =
  | 'participation'
  | 'responsiveness'
  | 'knowledge_risk'
  | 'silos'
  | 'unanswered';

/**
 * The tables each dashboard downloads as CSV (`?format=csv&table=NAME`), as the server
 * names them.
 */
export const CSV_TABLES = {
  participation: ['summary', 'segments', 'personas', 'lorenz', 'weekly'],
  responsiveness: ['summary', 'weekly'],
  knowledge_risk: ['topics'],
  silos: ['departments', 'matrix'],
  unanswered: ['queue'],
} as const satisfies Record<Dashboard, readonly string[]>;

export type CsvTable<D extends Dashboard> = (typeof CSV_TABLES)[D][number];

/** Query keys of analytics, kept with the requests they name. */
export const analyticsKeys = {
  all: ['analytics'] as const,
  scopes: ['analytics', 'scopes'] as const,
  report: (dashboard: Dashboard, selection: AnalyticsSelection) =>
    ['analytics', dashboard, selection.scope, selection.from, selection.to] as const,
  targets: ['analytics', 'targets'] as const,
  target: (scope: string) => ['analytics', 'targets', scope] as const,
  unanswered: (selection: AnalyticsSelection) =>
    ['analytics', 'unanswered', selection.scope, selection.from, selection.to] as const,
  communitySearch: (q: string) => ['analytics', 'community-search', q] as const,
};

/** The dashboards the viewer may open. */
export function getScopes(): Promise<AnalyticsScopes> {
  return sendJson<AnalyticsScopes>(`${base}/scopes`);
}

function reportQuery(selection: AnalyticsSelection) {
  return { scope: selection.scope, from: selection.from, to: selection.to };
}

export function getParticipation(selection: AnalyticsSelection): Promise<ParticipationReport> {
  return sendJson(`${base}/participation`, { query: reportQuery(selection) });
}

export function getResponsiveness(selection: AnalyticsSelection): Promise<ResponsivenessReport> {
  return sendJson(`${base}/responsiveness`, { query: reportQuery(selection) });
}

export function getKnowledgeRisk(selection: AnalyticsSelection): Promise<KnowledgeRiskReport> {
  return sendJson(`${base}/knowledge_risk`, { query: reportQuery(selection) });
}

/** Silos are about the whole organisation: the scope is not sent. */
export function getSilos(selection: AnalyticsSelection): Promise<SilosReport> {
  return sendJson(`${base}/silos`, { query: { from: selection.from, to: selection.to } });
}

export function getTarget(scope: string): Promise<ResponseTarget> {
  return sendJson<ResponseTarget>(`${base}/targets`, { query: { scope } });
}

export function saveTarget(target: UpdateResponseTarget): Promise<ResponseTarget> {
  return sendJson<ResponseTarget>(`${base}/targets`, { method: 'PUT', json: target });
}

/** How many waiting questions one page of the queue shows. */
export const UNANSWERED_PAGE_SIZE = 20;

/** The unanswered queue, oldest first; pass the `next` path (max_id, from the Link header). */
export function listUnanswered(
  selection: AnalyticsSelection,
  next?: string | null,
): Promise<Page<UnansweredQuestion>> {
  if (next) return sendPage<UnansweredQuestion>(next);
  return sendPage<UnansweredQuestion>(`${base}/unanswered`, {
    query: { ...reportQuery(selection), limit: UNANSWERED_PAGE_SIZE },
  });
}

/** Communities by name, for an admin picking any community's dashboard. */
export async function searchCommunities(q: string): Promise<Community[]> {
  const page = await sendPage<Community>('/api/rapport/v1/communities', {
    query: { q, limit: 10 },
  });
  return page.items;
}

/**
 * The address of a table's CSV download, for the same scope and period as the page: a
 * plain link, so the browser downloads it with the name the server gives.
 */
export function csvHref<D extends Dashboard>(
  dashboard: D,
  selection: AnalyticsSelection,
  table: CsvTable<D>,
): string {
  const scope = dashboard === 'silos' ? {} : { scope: selection.scope };
  return withQuery(`${base}/${dashboard}`, {
    ...scope,
    from: selection.from,
    to: selection.to,
    format: 'csv',
    // The queue is one table: the server takes no name for it.
    table: dashboard === 'unanswered' ? undefined : table,
  });
}
