import type { AnalyticsScopes } from '@rapport/schema';

/** The periods offered: the last 4, 12, 26 or 52 weeks, today included. */
export const PERIOD_WEEKS = [4, 12, 26, 52] as const;
export type PeriodWeeks = (typeof PERIOD_WEEKS)[number];
export const DEFAULT_WEEKS: PeriodWeeks = 12;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a dashboard asks the API for: whose figures, and over which days. */
export interface AnalyticsSelection {
  /** `organisation`, `department:NAME` or `community:ID`, as the API spells it. */
  scope: string;
  /** First and last day (YYYY-MM-DD, UTC), both included: the API reads `to` as a whole day. */
  from: string;
  to: string;
  weeks: PeriodWeeks;
}

/**
 * The last `weeks` whole weeks ending with today (UTC). Dates rather than instants keep
 * the request (and its cache key) the same all day, and give exactly `weeks` weeks.
 */
export function periodOf(weeks: PeriodWeeks, now: number): { from: string; to: string } {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const from = today - (weeks * 7 - 1) * DAY_MS;
  return { from: day(from), to: day(today) };
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function weeksFrom(value: string | null): PeriodWeeks {
  const weeks = Number(value);
  return (PERIOD_WEEKS as readonly number[]).includes(weeks)
    ? (weeks as PeriodWeeks)
    : DEFAULT_WEEKS;
}

/** The dashboard someone sees first: the organisation for admins, else their first community. */
export function defaultScope(scopes: AnalyticsScopes): string | null {
  if (scopes.organisation) return 'organisation';
  const department = scopes.departments[0];
  if (department !== undefined) return `department:${department}`;
  const community = scopes.communities[0];
  return community ? `community:${community.id}` : null;
}

/** Whether the viewer may open any dashboard at all. */
export function hasAnyScope(scopes: AnalyticsScopes | undefined): boolean {
  return (
    !!scopes &&
    (scopes.organisation || scopes.departments.length > 0 || scopes.communities.length > 0)
  );
}

/**
 * Whether the viewer may open a scope's dashboard, as far as the page knows: the server
 * decides in the end (an admin may open any community it lets them see).
 */
export function mayOpen(scope: string, scopes: AnalyticsScopes, isAdmin: boolean): boolean {
  const kind = scopeKind(scope);
  if (kind === 'organisation') return scopes.organisation;
  if (kind === 'department') return scopes.departments.includes(scope.slice('department:'.length));
  return isAdmin || scopes.communities.some((community) => community.id === communityIdOf(scope));
}

/** A well-formed scope from the address bar, or null (the page then picks the default). */
export function scopeFrom(value: string | null): string | null {
  if (!value) return null;
  return /^(organisation|department:.{1,100}|community:\d{1,16})$/.test(value) ? value : null;
}

export type ScopeKind = 'organisation' | 'department' | 'community';

export function scopeKind(scope: string): ScopeKind {
  if (scope.startsWith('department:')) return 'department';
  if (scope.startsWith('community:')) return 'community';
  return 'organisation';
}

/** The community id of a `community:ID` scope, else null. */
export function communityIdOf(scope: string): string | null {
  return scope.startsWith('community:') ? scope.slice('community:'.length) : null;
}

/**
 * Who may set the response target of a scope: admins for the organisation and any
 * community, a community's owners and moderators for theirs. Departments follow the
 * organisation's target.
 */
export function maySetTarget(scope: string, isAdmin: boolean, scopes: AnalyticsScopes): boolean {
  const kind = scopeKind(scope);
  if (kind === 'organisation') return isAdmin;
  if (kind === 'department') return false;
  const id = communityIdOf(scope);
  return isAdmin || scopes.communities.some((community) => community.id === id);
}

/** The query string of a dashboard address: scope and period travel from tab to tab. */
export function selectionSearch(scope: string, weeks: PeriodWeeks): string {
  const params = new URLSearchParams({ scope, weeks: String(weeks) });
  return `?${params.toString()}`;
}
