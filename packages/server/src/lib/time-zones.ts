/**
 * IANA time zones through Intl alone (no zone database of our own): checking a name,
 * a zone's UTC offset at an instant, wall-clock time to an instant, and the offset changes
 * (daylight saving) around a period, which iCalendar's VTIMEZONE needs.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

// Region/City names (and UTC); offsets such as "+01:00", which newer Intl accepts, are not
// IANA names and would give no daylight saving.
const IANA_NAME =
  /^(?:UTC|[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)+|[A-Za-z]{2,}[A-Za-z0-9]*)$/;

/** Whether `name` is an IANA time zone this server's Intl knows. */
export function isTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** Zones whose offset is always zero: exported in UTC form (`...Z`), without a VTIMEZONE. */
export function isUtc(zone: string): boolean {
  return ['UTC', 'Etc/UTC', 'Etc/UCT', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu'].includes(
    zone,
  );
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in `zone` at `ms`. */
export function wallTimeAt(zone: string, ms: number): WallTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const wallAsUtc = (wall: WallTime) =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);

/** The zone's offset from UTC at `ms`, in minutes (Lisbon in summer: 60). */
export function offsetAt(zone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallAsUtc(wallTimeAt(zone, whole)) - whole) / MINUTE_MS);
}

/**
 * The instant a wall-clock time in `zone` names. A time that happens twice (clocks going
 * back) is the earlier one; a time that never happens (clocks going forward) is moved
 * forward by the gap, as calendars and Temporal's "compatible" choice do.
 */
export function instantOf(zone: string, wall: WallTime): number {
  const local = wallAsUtc(wall);
  // Offset changes are never closer than a few days, so the offsets a day either side
  // are the only two candidates.
  const before = offsetAt(zone, local - DAY_MS);
  const after = offsetAt(zone, local + DAY_MS);
  const candidates = [local - before * MINUTE_MS, local - after * MINUTE_MS].filter(
    (ms) => wallAsUtc(wallTimeAt(zone, ms)) === local,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  return local - before * MINUTE_MS;
}

export interface OffsetChange {
  /** The instant the change happens. */
  at: number;
  fromMinutes: number;
  toMinutes: number;
}

/** Every offset change in `zone` between `from` and `to`, found day by day then to the minute. */
export function offsetChanges(zone: string, from: number, to: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  const start = Math.floor(from / MINUTE_MS) * MINUTE_MS;
  let previousAt = start;
  let previous = offsetAt(zone, start);
  for (let at = start + DAY_MS; at < to + DAY_MS; at += DAY_MS) {
    const offset = offsetAt(zone, at);
    if (offset !== previous) {
      let low = previousAt;
      let high = at;
      while (high - low > MINUTE_MS) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
        if (offsetAt(zone, middle) === previous) low = middle;
        else high = middle;
      }
      if (high <= to) changes.push({ at: high, fromMinutes: previous, toMinutes: offset });
      previous = offset;
    }
    previousAt = at;
  }
  return changes;
}
