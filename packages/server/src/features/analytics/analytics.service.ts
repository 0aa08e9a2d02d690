import type {
  AnalyticsFrame,
  AnalyticsPrivacy,
  AnalyticsQuery,
  AnalyticsScopes,
  AnalyticsSettings,
  SuppressedReport,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { forbidden, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { toIso } from '../../lib/time';
import { toCsv } from './csv';
import { type Period, parsePeriod } from './period';
import { DEFAULT_MIN_GROUP_SIZE } from './privacy';
import { analyticsRunner } from './runner';
import { type AnalyticsScope, authorisedScope, scopeKey, scopeName } from './scope';
import { departments, moderatedCommunities } from './scope.queries';
import { isCounted, setCounted, storedMinGroupSize, storeMinGroupSize } from './settings.queries';

/** What every scoped computation is given (plain data: it may cross to the analytics thread). */
export interface ReportInput {
  scope: AnalyticsScope;
  period: Period;
  minGroupSize: number;
  now: number;
  /**
   * The question as the request asked it: the scope and the period as given. "The last
   * twelve weeks" asked again a minute later is the same question, which the runner
   * answers from its kept report for a few minutes.
   */
  asked: string;
}

/** Reads and checks a dashboard request: the scope the viewer may see, the period, the minimum. */
export async function reportInput(
  ctx: AppContext,
  viewer: Viewer,
  query: Pick<AnalyticsQuery, 'scope' | 'from' | 'to'>,
): Promise<ReportInput> {
  const now = Date.now();
  const period = parsePeriod(query, now);
  const scope = await authorisedScope(ctx, viewer, query.scope);
  const asked = askedPeriod(scopeKey(scope), query);
  return { scope, period, minGroupSize: await minGroupSize(ctx), now, asked };
}

/** A request's question in words the runner keys its kept reports by. */
export function askedPeriod(who: string, query: { from?: string; to?: string }): string {
  return `${who}|${query.from ?? ''}|${query.to ?? ''}`;
}

/** What a report says about itself. */
export function frameOf(input: ReportInput): AnalyticsFrame {
  return {
    scope: scopeKey(input.scope),
    scope_name: scopeName(input.scope),
    from: toIso(input.period.from),
    to: toIso(input.period.to),
    generated_at: toIso(input.now),
    min_group_size: input.minGroupSize,
  };
}

/** A whole report withheld because its scope has fewer than the minimum of people. */
export function suppressedReport(input: ReportInput): SuppressedReport {
  return { ...frameOf(input), suppressed: true };
}

/** A table a report can be downloaded as. */
export interface CsvTable {
  header: string[];
  rows: (string | number | boolean | null)[][];
}

/**
 * The CSV download of one of a report's tables (`?format=csv&table=NAME`; the first
 * table when none is named). A withheld report downloads as its frame and `suppressed`.
 */
export function reportCsv<R extends { suppressed: boolean }>(
  report: R,
  tables: Record<string, (report: Exclude<R, SuppressedReport>) => CsvTable>,
  table: string | undefined,
): string {
  const names = Object.keys(tables);
  const name = table ?? names[0];
  if (!name || !tables[name]) {
    throw validationFailed({ table: [`must be one of ${names.join(', ')}`] });
  }
  if (report.suppressed) {
    const frame = report as unknown as SuppressedReport;
    return toCsv(
      ['scope', 'from', 'to', 'suppressed', 'min_group_size'],
      [[frame.scope, frame.from, frame.to, true, frame.min_group_size]],
    );
  }
  const { header, rows } = tables[name](report as Exclude<R, SuppressedReport>);
  return toCsv(header, rows);
}

export async function minGroupSize(ctx: AppContext): Promise<number> {
  return (await storedMinGroupSize(ctx.db)) ?? DEFAULT_MIN_GROUP_SIZE;
}

export async function analyticsSettings(ctx: AppContext): Promise<AnalyticsSettings> {
  return { min_group_size: await minGroupSize(ctx) };
}

export async function updateAnalyticsSettings(
  ctx: AppContext,
  viewer: Viewer,
  settings: AnalyticsSettings,
): Promise<AnalyticsSettings> {
  if (viewer.role !== 'admin') throw forbidden('Only admins can change analytics settings');
  await storeMinGroupSize(ctx.db, settings.min_group_size, Date.now());
  analyticsRunner(ctx).forget();
  return analyticsSettings(ctx);
}

/** The dashboards this person may open: all of them for admins, their communities for owners. */
export async function analyticsScopes(ctx: AppContext, viewer: Viewer): Promise<AnalyticsScopes> {
  const admin = viewer.role === 'admin';
  const communities = await moderatedCommunities(ctx.db, viewer.id);
  return {
    organisation: admin,
    departments: admin ? (await departments(ctx.db)).map((row) => row.name) : [],
    communities: communities.map((row) => ({ id: String(row.id), name: row.name })),
  };
}

export async function analyticsPrivacy(ctx: AppContext, viewer: Viewer): Promise<AnalyticsPrivacy> {
  return { counted: await isCounted(ctx.db, viewer.id) };
}

export async function setAnalyticsPrivacy(
  ctx: AppContext,
  viewer: Viewer,
  privacy: AnalyticsPrivacy,
): Promise<AnalyticsPrivacy> {
  await setCounted(ctx.db, viewer.id, privacy.counted, Date.now());
  analyticsRunner(ctx).forget();
  return analyticsPrivacy(ctx, viewer);
}
