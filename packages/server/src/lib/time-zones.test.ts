import { describe, expect, it } from 'vitest';
import { foldLine } from './icalendar';
import { instantOf, isTimeZone, offsetAt, offsetChanges } from './time-zones';

const iso = (ms: number) => new Date(ms).toISOString();

describe('time zones through Intl', () => {
  it('knows IANA names and refuses anything else', () => {
    for (const zone of ['Europe/Lisbon', 'America/Argentina/Buenos_Aires', 'UTC', 'Asia/Kolkata']) {
      expect(isTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ['Mars/Olympus', '+01:00', '', 'Europe/', 'europe lisbon']) {
      expect(isTimeZone(zone), zone).toBe(false);
    }
  });

  it('gives offsets, including half hours and daylight saving', () => {
    expect(offsetAt('Europe/Lisbon', Date.UTC(2026, 6, 1))).toBe(60);
    expect(offsetAt('Europe/Lisbon', Date.UTC(2026, 0, 1))).toBe(0);
    expect(offsetAt('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(330);
    expect(offsetAt('America/Sao_Paulo', Date.UTC(2026, 0, 1))).toBe(-180);
  });

  it('turns wall-clock time into the instant, as calendars do at the changes of the clock', () => {
    const wall = (month: number, day: number, hour: number, minute = 0) => ({
      year: 2026,
      month,
      day,
      hour,
      minute,
      second: 0,
    });
    expect(iso(instantOf('America/Toronto', wall(12, 3, 9)))).toBe('2026-12-03T14:00:00.000Z');
    // 01:30 on 29 March does not exist in London: it is moved forward by the hour skipped.
    expect(iso(instantOf('Europe/London', wall(3, 29, 1, 30)))).toBe('2026-03-29T01:30:00.000Z');
    // 01:30 on 25 October happens twice: the first one.
    expect(iso(instantOf('Europe/London', wall(10, 25, 1, 30)))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('finds the changes of the clock to the minute', () => {
    const changes = offsetChanges('Europe/Berlin', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(changes.map((c) => [iso(c.at), c.fromMinutes, c.toMinutes])).toEqual([
      ['2026-03-29T01:00:00.000Z', 60, 120],
      ['2026-10-25T01:00:00.000Z', 120, 60],
    ]);
    expect(offsetChanges('Asia/Singapore', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([]);
  });
});

describe('iCalendar lines', () => {
  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'日本語'.repeat(30)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });
});
