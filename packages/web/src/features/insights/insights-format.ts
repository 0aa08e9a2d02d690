import type { MyInsights } from '@rapport/schema';

/**
 * A duration in hours as the unit a person reads best: minutes under an hour, hours under
 * two days (one decimal below ten), days beyond.
 */
export function durationOf(hours: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  if (hours < 1) return { unit: 'minutes', count: Math.max(1, Math.round(hours * 60)) };
  if (hours < 10) return { unit: 'hours', count: Math.round(hours * 10) / 10 };
  if (hours < 48) return { unit: 'hours', count: Math.round(hours) };
  return { unit: 'days', count: Math.round((hours / 24) * 10) / 10 };
}

/** Each week's label along the chart ("3 Mar") and in its table ("3 Mar 2026"), in UTC. */
export function weekLabels(
  weekly: MyInsights['weekly'],
  locale: string,
): { short: string[]; long: string[] } {
  const short = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const long = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    short: weekly.map((week) => short.format(new Date(week.week_start))),
    long: weekly.map((week) => long.format(new Date(week.week_start))),
  };
}

/** Whether the period holds anything at all to show. */
export function hasActivity(insights: MyInsights): boolean {
  return (
    insights.contributions +
      insights.reactions_given +
      insights.replies_received +
      insights.reactions_received >
    0
  );
}

/** The bounds the server accepts (never below 3: a pair could point at one person). */
export const MIN_GROUP_SIZE = { min: 3, max: 100 } as const;

/** A whole number within the bounds, or null. */
export function groupSizeOf(text: string): number | null {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim())) return null;
  return value >= MIN_GROUP_SIZE.min && value <= MIN_GROUP_SIZE.max ? value : null;
}
