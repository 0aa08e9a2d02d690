import { validationFailed } from '../../errors';
import { DAY_MS } from '../../lib/time';

export const WEEK_MS = 7 * DAY_MS;
/** With no `from`, a report covers the twelve weeks before `to`. */
export const DEFAULT_WEEKS = 12;
/** The longest period one report covers. */
export const MAX_PERIOD_DAYS = 366;

/** The half-open interval [from, to) a report covers, in epoch milliseconds. */
export interface Period {
  from: number;
  to: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period a query asks for. A date alone means that whole UTC day: `from=2026-01-05`
 * starts at its midnight, `to=2026-01-11` ends at the next one, so both days are included.
 */
export function parsePeriod(query: { from?: string; to?: string }, now: number): Period {
  const to = query.to === undefined ? now : bound(query.to, 'to', true);
  const from =
    query.from === undefined ? to - DEFAULT_WEEKS * WEEK_MS : bound(query.from, 'from', false);
  if (from >= to) throw validationFailed({ from: ['must be before to'] });
  if (to - from > MAX_PERIOD_DAYS * DAY_MS) {
    throw validationFailed({ from: [`a period covers at most ${MAX_PERIOD_DAYS} days`] });
  }
  return { from, to };
}

function bound(text: string, field: string, endOfDay: boolean): number {
  const at = Date.parse(DATE_ONLY.test(text) ? `${text}T00:00:00.000Z` : text);
  if (Number.isNaN(at)) throw validationFailed({ [field]: ['is not a date'] });
  return DATE_ONLY.test(text) && endOfDay ? at + DAY_MS : at;
}

/** The start of each week of the period, counted from its first day (the last may be short). */
export function weekStarts(period: Period): number[] {
  const starts: number[] = [];
  for (let at = period.from; at < period.to; at += WEEK_MS) starts.push(at);
  return starts;
}

/** Which of the period's weeks a moment falls in. */
export function weekIndex(period: Period, at: number): number {
  return Math.floor((at - period.from) / WEEK_MS);
}

/** How many weeks the period spans, a short last week counting in proportion. */
export function periodWeeks(period: Period): number {
  return (period.to - period.from) / WEEK_MS;
}
