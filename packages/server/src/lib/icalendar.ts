import { isUtc, offsetAt, offsetChanges } from './time-zones';

/**
 * Writing iCalendar (RFC 5545): text escaping, line folding, date-times, and a VTIMEZONE
 * built from Intl for the period a calendar object needs.
 */

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const DAY_MS = 24 * 60 * 60 * 1000;

/** TEXT values (section 3.3.11): backslash, semicolon, comma and newlines escaped; other controls dropped. */
export function escapeText(text: string): string {
  return withoutControls(text.replace(/\r\n?/g, '\n'))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** TEXT may not hold control characters other than tab (and newlines, escaped above). */
function withoutControls(text: string): string {
  let kept = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code === 9 || code === 10 || (code >= 32 && code !== 127)) kept += char;
  }
  return kept;
}

/**
 * A content line folded at 75 octets (section 3.1): each continuation starts with a space,
 * and a multi-byte UTF-8 character is never split between lines.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines begin with a space, which counts towards their 75 octets.
    const limit = lines.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYYMMDDTHHMMSS` of the UTC fields of `ms` (shifted first for local times). */
function basicDateTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

/** A UTC date-time value, e.g. `20261203T090000Z`. */
export function utcDateTime(ms: number): string {
  return `${basicDateTime(Math.floor(ms / 1000) * 1000)}Z`;
}

/**
 * A DATE-TIME property (DTSTART, DTEND) in `zone`: `NAME;TZID=Europe/Lisbon:20261203T090000`,
 * or `NAME:...Z` for UTC zones.
 */
export function zonedProperty(name: string, zone: string, ms: number): string {
  const whole = Math.floor(ms / 1000) * 1000;
  if (isUtc(zone)) return `${name}:${utcDateTime(whole)}`;
  return `${name};TZID=${zone}:${basicDateTime(whole + offsetAt(zone, whole) * 60_000)}`;
}

/** `+0100`, `-0330`. */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/**
 * A VTIMEZONE for `zone` covering `from`..`to` (section 3.6.5): the observance in force a
 * year before `from`, then every offset change until `to`, each with its
 * exact start. No RRULE is needed for a calendar object confined to that period, and the
 * offsets come from the same Intl data the server used to compute the instants. Observances
 * are DAYLIGHT when they move clocks forward, STANDARD otherwise. Empty for UTC zones.
 */
export function timeZoneComponent(zone: string, from: number, to: number): string[] {
  if (isUtc(zone)) return [];
  const start = from - 366 * DAY_MS;
  const changes = offsetChanges(zone, start, to);
  const initial = offsetAt(zone, start);
  const firstChange = changes[0];
  const initialKind =
    firstChange && firstChange.toMinutes < firstChange.fromMinutes ? 'DAYLIGHT' : 'STANDARD';
  const observance = (kind: string, at: number, fromMinutes: number, toMinutes: number) => [
    `BEGIN:${kind}`,
    // Observance starts are local times in the offset in force before them.
    `DTSTART:${basicDateTime(at + fromMinutes * 60_000)}`,
    `TZOFFSETFROM:${utcOffset(fromMinutes)}`,
    `TZOFFSETTO:${utcOffset(toMinutes)}`,
    `END:${kind}`,
  ];
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...observance(initialKind, Math.floor(start / 60_000) * 60_000, initial, initial),
    ...changes.flatMap((change) =>
      observance(
        change.toMinutes > change.fromMinutes ? 'DAYLIGHT' : 'STANDARD',
        change.at,
        change.fromMinutes,
        change.toMinutes,
      ),
    ),
    'END:VTIMEZONE',
  ];
}

/** Content lines to an iCalendar stream: folded, CRLF-terminated. */
export function serializeLines(lines: string[]): string {
  return lines.map((line) => `${foldLine(line)}${CRLF}`).join('');
}
