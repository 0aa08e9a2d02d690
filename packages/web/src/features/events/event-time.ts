/**
 * Times of events in the browser. The server stores instants and the organiser's time
 * zone; the form speaks wall-clock time in a chosen zone (what `datetime-local` gives), and
 * pages show an event in the reader's zone and, when it differs, in the event's own.
 */

/** The reader's time zone, as the browser knows it. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every zone Intl knows, with `extra` (the event's or the browser's) kept even if missing. */
export function timeZoneNames(...extra: string[]): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const names = new Set([...known, 'UTC', ...extra.filter(Boolean)]);
  return [...names].sort((a, b) => a.localeCompare(b));
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** "GMT+1", "GMT-3:30", "GMT" for `zone` at the instant `at`. */
export function zoneOffsetName(zone: string, at: Date, locale = 'en'): string {
  const key = `${locale} ${zone}`;
  let format = offsetFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'shortOffset' });
    offsetFormats.set(key, format);
  }
  return format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** "Europe/Lisbon (GMT+1)": a zone as the picker lists it. */
export function zoneLabel(zone: string, at: Date, locale = 'en'): string {
  return `${zone.replaceAll('_', ' ')} (${zoneOffsetName(zone, at, locale)})`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock time of `iso` in `zone`, as a `datetime-local` value: "2026-12-03T09:00". */
export function wallTimeInput(iso: string, zone: string): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  for (const part of format.formatToParts(new Date(iso))) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Minutes from one wall-clock value to another (the event's length in the form). */
export function minutesBetween(from: string, to: string): number | null {
  const a = wallMs(from);
  const b = wallMs(to);
  return a === null || b === null ? null : Math.round((b - a) / 60_000);
}

/** A wall-clock value moved by `minutes` (keeping an event's length when its start moves). */
export function addMinutes(wall: string, minutes: number): string {
  const ms = wallMs(wall);
  if (ms === null) return wall;
  const d = new Date(ms + minutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function wallMs(wall: string): number | null {
  const match = WALL.exec(wall);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi);
}

/** A new event's default: tomorrow 10:00–11:00 in the reader's own calendar. */
export function defaultTimes(now = new Date()): { start: string; end: string } {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const day = `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}`;
  return { start: `${day}T10:00`, end: `${day}T11:00` };
}

/**
 * When an event happens, written for `zone`: "Thursday, December 3, 2026, 9:00 – 10:30 AM",
 * or both dates when it spans days.
 */
export function formatEventRange(
  event: { starts_at: string; ends_at: string },
  zone: string,
  locale = 'en',
): string {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  return format.formatRange(new Date(event.starts_at), new Date(event.ends_at));
}

/** A short form for lists: "Thu, Dec 3, 9:00 – 10:30 AM". */
export function formatEventShort(
  event: { starts_at: string; ends_at: string },
  zone: string,
  locale = 'en',
): string {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  return format.formatRange(new Date(event.starts_at), new Date(event.ends_at));
}

/** Whether two zones show the event at the same wall-clock times (then one line is enough). */
export function sameWallTimes(
  event: { starts_at: string; ends_at: string },
  zoneA: string,
  zoneB: string,
): boolean {
  return formatEventRange(event, zoneA) === formatEventRange(event, zoneB);
}

/** The month and day of the start in `zone`, for a calendar-page badge. */
export function dateBadge(
  iso: string,
  zone: string,
  locale = 'en',
): { month: string; day: string } {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    month: 'short',
    day: 'numeric',
  });
  for (const part of format.formatToParts(new Date(iso))) parts[part.type] = part.value;
  return { month: parts.month ?? '', day: parts.day ?? '' };
}
