import type { AnalyticsPrivacy, AnalyticsSettings, MyInsights } from '@rapport/schema';
import { sendJson, withQuery } from '../../api/client';

const base = '/api/rapport/v1';

/** The period a page asks for: whole UTC days, `to` included (the server's convention). */
export interface InsightsPeriod {
  from: string;
  to: string;
}

/** The lengths of period the page offers, in weeks. */
export const PERIOD_WEEKS = [4, 12, 26, 52] as const;
export type PeriodWeeks = (typeof PERIOD_WEEKS)[number];
export const DEFAULT_WEEKS: PeriodWeeks = 12;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The last `weeks` whole weeks ending with today (UTC): from the day 7 x weeks - 1 days
 * ago to today included, so the server's weeks fall on the same days all day long (and
 * the query key stays the same until midnight).
 */
export function periodOf(weeks: number, now: number): InsightsPeriod {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(today - (7 * weeks - 1) * DAY_MS), to: day(today) };
}

/** `?weeks=` as one of the offered lengths (anything else: the default). */
export function weeksParam(value: string | null): PeriodWeeks {
  const weeks = Number(value);
  return (PERIOD_WEEKS as readonly number[]).includes(weeks)
    ? (weeks as PeriodWeeks)
    : DEFAULT_WEEKS;
}

/** Query keys of one's own insights and the analytics settings, kept with the requests. */
export const insightsKeys = {
  all: ['insights'] as const,
  mine: (period: InsightsPeriod) => ['insights', 'me', period.from, period.to] as const,
  privacy: ['insights', 'privacy'] as const,
  settings: ['insights', 'settings'] as const,
};

/** The signed-in person's own insights (the server answers about nobody else). */
export function getMyInsights(period: InsightsPeriod): Promise<MyInsights> {
  return sendJson<MyInsights>(`${base}/analytics/me`, { query: { ...period } });
}

/** The tables of one's insights that download as CSV. */
export const MY_CSV_TABLES = ['summary', 'weekly', 'communities'] as const;
export type MyCsvTable = (typeof MY_CSV_TABLES)[number];

/** A plain link to a CSV download, so the browser saves it under the server's file name. */
export function myInsightsCsvHref(period: InsightsPeriod, table: MyCsvTable): string {
  return withQuery(`${base}/analytics/me`, { ...period, format: 'csv', table });
}

/** Whether the person is counted in department and community analytics. */
export function getAnalyticsPrivacy(): Promise<AnalyticsPrivacy> {
  return sendJson<AnalyticsPrivacy>(`${base}/preferences/analytics`);
}

export function saveAnalyticsPrivacy(privacy: AnalyticsPrivacy): Promise<AnalyticsPrivacy> {
  return sendJson<AnalyticsPrivacy>(`${base}/preferences/analytics`, {
    method: 'PUT',
    json: privacy,
  });
}

/** The organisation's analytics settings (admins change them). */
export function getAnalyticsSettings(): Promise<AnalyticsSettings> {
  return sendJson<AnalyticsSettings>(`${base}/analytics/settings`);
}

export function saveAnalyticsSettings(settings: AnalyticsSettings): Promise<AnalyticsSettings> {
  return sendJson<AnalyticsSettings>(`${base}/analytics/settings`, {
    method: 'PUT',
    json: settings,
  });
}
