import { EVENT_LIMITS } from '@rapport/schema';
import { validationFailed } from '../../errors';
import { instantOf, isTimeZone } from '../../lib/time-zones';

/** An event's own fields, checked and normalised, as stored. */
export interface EventFields {
  title: string;
  description: string;
  location: string;
  online_url: string | null;
  starts_at: number;
  ends_at: number;
  time_zone: string;
}

/** What a request may send for those fields (all optional on an update). */
export interface EventFieldsInput {
  title?: string | undefined;
  description?: string | undefined;
  location?: string | undefined;
  online_url?: string | null | undefined;
  starts_at?: string | undefined;
  ends_at?: string | undefined;
  time_zone?: string | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// ISO 8601 date and time, with an optional offset: 2026-12-03T09:00, 2026-12-03T09:00:00Z,
// 2026-12-03T09:00:00.000+01:00.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

type Parsed = { ok: true; ms: number } | { ok: false; problem: string };

/**
 * An ISO 8601 time as an instant. With `Z` or an offset it is one already; without, it is
 * a wall-clock time in `zone` (null when the zone itself is wrong, which is reported apart).
 */
export function parseEventTime(value: string, zone: string | null): Parsed | null {
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return { ok: false, problem: 'must be an ISO 8601 date and time' };
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const millis = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const wall = {
    year: year as number,
    month: month as number,
    day: day as number,
    hour: hour as number,
    minute: minute as number,
    second: second as number,
  };
  const probe = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
  if (
    probe.getUTCMonth() !== wall.month - 1 ||
    probe.getUTCDate() !== wall.day ||
    wall.hour > 23 ||
    wall.minute > 59 ||
    wall.second > 59
  ) {
    return { ok: false, problem: 'is not a real date and time' };
  }
  const offset = match[8];
  if (offset) {
    const utc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
    if (offset.toUpperCase() === 'Z') return { ok: true, ms: utc + millis };
    const digits = offset.replace(':', '');
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    const sign = digits.startsWith('-') ? -1 : 1;
    return { ok: true, ms: utc + millis - sign * minutes * 60_000 };
  }
  if (zone === null) return null;
  return { ok: true, ms: instantOf(zone, wall) + millis };
}

function httpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const tooLong = (max: number) => `must be at most ${max} characters`;

/**
 * The fields of a new event (`current` absent) or of an edited one (`input` over
 * `current`), or a 422 naming every field at fault. Times given without an offset are read
 * in the event's (new) time zone; changing only the zone keeps the instants.
 */
export function checkEventFields(
  input: EventFieldsInput,
  current: EventFields | undefined,
  now: number,
): EventFields {
  const problems: Record<string, string[]> = {};
  const problem = (field: string, text: string) => {
    problems[field] = [...(problems[field] ?? []), text];
  };

  const title = (input.title ?? current?.title ?? '').trim();
  if (title === '') problem('title', "can't be blank");
  else if ([...title].length > EVENT_LIMITS.title) problem('title', tooLong(EVENT_LIMITS.title));

  const description = (input.description ?? current?.description ?? '').trim();
  if ([...description].length > EVENT_LIMITS.description) {
    problem('description', tooLong(EVENT_LIMITS.description));
  }

  const location = (input.location ?? current?.location ?? '').trim();
  if ([...location].length > EVENT_LIMITS.location) {
    problem('location', tooLong(EVENT_LIMITS.location));
  }

  const link = input.online_url === undefined ? current?.online_url : input.online_url;
  const onlineUrl = link?.trim() ? link.trim() : null;
  if (onlineUrl !== null) {
    if (onlineUrl.length > EVENT_LIMITS.onlineUrl) {
      problem('online_url', tooLong(EVENT_LIMITS.onlineUrl));
    } else if (!httpUrl(onlineUrl)) {
      problem('online_url', 'must be a web address starting with http:// or https://');
    }
  }

  const zone = (input.time_zone ?? current?.time_zone ?? '').trim();
  const zoneOk = isTimeZone(zone);
  if (!zoneOk) problem('time_zone', 'must be an IANA time zone such as Europe/Lisbon');

  const time = (field: 'starts_at' | 'ends_at'): number | null => {
    const given = input[field];
    if (given === undefined) return current ? current[field] : null;
    if (given.trim() === '') {
      problem(field, "can't be blank");
      return null;
    }
    const parsed = parseEventTime(given, zoneOk ? zone : null);
    if (parsed === null) return null;
    if (!parsed.ok) {
      problem(field, parsed.problem);
      return null;
    }
    return parsed.ms;
  };
  const startsAt = time('starts_at');
  const endsAt = time('ends_at');
  if (startsAt !== null && endsAt !== null) {
    if (endsAt <= startsAt) problem('ends_at', 'must be after the start');
    else if (endsAt - startsAt > EVENT_LIMITS.maxDays * DAY_MS) {
      problem('ends_at', `must be at most ${EVENT_LIMITS.maxDays} days after the start`);
    } else if (!current && endsAt <= now) {
      problem('ends_at', 'must be in the future');
    }
  }

  if (Object.keys(problems).length > 0 || startsAt === null || endsAt === null) {
    throw validationFailed(problems);
  }
  return {
    title,
    description,
    location,
    online_url: onlineUrl,
    starts_at: startsAt,
    ends_at: endsAt,
    time_zone: zone,
  };
}
