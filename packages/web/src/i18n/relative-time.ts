import type { Translate } from './index';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Older than this, a status shows its date rather than "3d". */
const RELATIVE_LIMIT = 7 * DAY;

export type Elapsed =
  | { unit: 'now' }
  | { unit: 'seconds' | 'minutes' | 'hours' | 'days'; value: number }
  | { unit: 'date'; sameYear: boolean };

/**
 * How long ago `then` was, in the largest whole unit, as timelines show it: "now" under
 * ten seconds, then 42s, 5m, 3h, 6d, and the date from a week on. A time slightly in the
 * future (another clock running fast) counts as now.
 */
export function elapsedSince(then: Date, now: Date): Elapsed {
  const diff = now.getTime() - then.getTime();
  if (diff < 10 * SECOND) return { unit: 'now' };
  if (diff < MINUTE) return { unit: 'seconds', value: Math.floor(diff / SECOND) };
  if (diff < HOUR) return { unit: 'minutes', value: Math.floor(diff / MINUTE) };
  if (diff < DAY) return { unit: 'hours', value: Math.floor(diff / HOUR) };
  if (diff < RELATIVE_LIMIT) return { unit: 'days', value: Math.floor(diff / DAY) };
  return { unit: 'date', sameYear: then.getFullYear() === now.getFullYear() };
}

export interface RelativeTimeText {
  /** What the eye reads: "5m", "Nov 23". */
  short: string;
  /** What a screen reader says: "5 minutes ago", "Nov 23, 2025". */
  long: string;
}

export function formatRelativeTime(
  t: Translate,
  locale: string,
  iso: string,
  now: Date,
): RelativeTimeText {
  const then = new Date(iso);
  const elapsed = elapsedSince(then, now);
  switch (elapsed.unit) {
    case 'now':
      return { short: t('time.now'), long: t('time.justNow') };
    case 'seconds':
      return {
        short: t('time.seconds', { count: elapsed.value }),
        long: t('time.secondsAgo', { count: elapsed.value }),
      };
    case 'minutes':
      return {
        short: t('time.minutes', { count: elapsed.value }),
        long: t('time.minutesAgo', { count: elapsed.value }),
      };
    case 'hours':
      return {
        short: t('time.hours', { count: elapsed.value }),
        long: t('time.hoursAgo', { count: elapsed.value }),
      };
    case 'days':
      return {
        short: t('time.days', { count: elapsed.value }),
        long: t('time.daysAgo', { count: elapsed.value }),
      };
    case 'date': {
      const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(then);
      const short = elapsed.sameYear
        ? new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(then)
        : full;
      return { short, long: full };
    }
  }
}

/** "3 days left", "5 minutes left", rounding up so a poll never says 0 while still open. */
export function formatTimeLeft(t: Translate, iso: string, now: Date): string {
  const left = new Date(iso).getTime() - now.getTime();
  if (left <= MINUTE) return t('time.closingSoon');
  if (left < HOUR) return t('time.minutesLeft', { count: Math.ceil(left / MINUTE) });
  if (left < DAY) return t('time.hoursLeft', { count: Math.ceil(left / HOUR) });
  return t('time.daysLeft', { count: Math.ceil(left / DAY) });
}
