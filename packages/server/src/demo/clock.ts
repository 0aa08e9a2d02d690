import { DAY_MS } from '../lib/time';
import type { Random } from './random';

export const HOUR_MS = 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;

/** Where each office keeps time; remote staff keep the organisation's (London) time. */
const ZONES: Record<string, string> = {
  London: 'Europe/London',
  Berlin: 'Europe/Berlin',
  Lisbon: 'Europe/Lisbon',
  Toronto: 'America/Toronto',
  Singapore: 'Asia/Singapore',
  Nairobi: 'Africa/Nairobi',
  'São Paulo': 'America/Sao_Paulo',
  Remote: 'Europe/London',
};

export function zoneOf(location: string): string {
  return ZONES[location] ?? 'Europe/London';
}

/**
 * How likely someone is to post in each local hour (0-23): mornings and early afternoons
 * peak, lunch dips, a little in the evening, almost nothing at night.
 */
const HOURLY = [
  0, 0, 0, 0, 0, 0, 0.05, 0.25, 0.7, 1.1, 1.3, 1.2, 0.6, 0.8, 1.2, 1.2, 1, 0.65, 0.3, 0.15, 0.12,
  0.1, 0.05, 0,
];
const HOURLY_TOTAL = HOURLY.reduce((sum, weight) => sum + weight, 0);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `at`, in milliseconds (daylight saving included). */
function offsetAt(zone: string, at: number): number {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const local = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
  );
  return local - (at - (at % MINUTE_MS));
}

/** Local midnight, `daysAgo` local days before the local day containing `now`. */
export function localMidnight(zone: string, now: number, daysAgo: number): number {
  const offset = offsetAt(zone, now);
  const localNow = now + offset;
  const localDay = localNow - (localNow % DAY_MS) - daysAgo * DAY_MS;
  return localDay - offsetAt(zone, localDay - offset);
}

/** 0 = Sunday ... 6 = Saturday, on the local calendar. */
export function localWeekday(zone: string, at: number): number {
  return new Date(at + offsetAt(zone, at)).getUTCDay();
}

export function localHour(zone: string, at: number): number {
  return new Date(at + offsetAt(zone, at)).getUTCHours();
}

function pickHour(random: Random): number {
  let left = random.next() * HOURLY_TOTAL;
  for (let hour = 0; hour < HOURLY.length; hour++) {
    left -= HOURLY[hour] ?? 0;
    if (left < 0) return hour;
  }
  return 10;
}

/**
 * A moment in someone's working life between `from` and `to`: a weekday far more often
 * than a weekend, at a working hour of their own time zone. Undefined when the window has
 * no room (it closes before it opens).
 */
export function workingMoment(
  random: Random,
  zone: string,
  window: { from: number; to: number; now: number },
): number | undefined {
  if (window.to <= window.from) return undefined;
  const spanDays = Math.ceil((window.now - window.from) / DAY_MS) + 1;
  const firstDay = Math.max(0, Math.floor((window.now - window.to) / DAY_MS) - 1);
  for (let attempt = 0; attempt < 40; attempt++) {
    const daysAgo = random.int(firstDay, spanDays);
    const midnight = localMidnight(zone, window.now, daysAgo);
    const weekday = localWeekday(zone, midnight + 12 * HOUR_MS);
    if ((weekday === 0 || weekday === 6) && !random.chance(0.08)) continue;
    const at = midnight + pickHour(random) * HOUR_MS + random.int(0, HOUR_MS - 1);
    if (at >= window.from && at <= window.to) return at;
  }
  return undefined;
}

/**
 * How long after something people react to it: mostly within the hour, often the same
 * day, sometimes the next (a long-tailed delay, as attention is).
 */
export function reactionDelay(random: Random, scale = 1): number {
  const roll = random.next();
  const minutes =
    roll < 0.45
      ? random.int(2, 45)
      : roll < 0.8
        ? random.int(45, 240)
        : roll < 0.95
          ? random.int(240, 1200)
          : random.int(1200, 2880);
  return Math.round(minutes * scale * MINUTE_MS) + random.int(0, MINUTE_MS);
}
