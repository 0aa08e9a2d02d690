import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  dateBadge,
  defaultTimes,
  formatEventRange,
  minutesBetween,
  sameWallTimes,
  timeZoneNames,
  wallTimeInput,
  zoneLabel,
} from './event-time';

const event = { starts_at: '2026-12-03T14:00:00.000Z', ends_at: '2026-12-03T15:30:00.000Z' };

describe('event times in the browser', () => {
  it('writes an instant as the wall-clock time of a zone, for datetime-local', () => {
    expect(wallTimeInput(event.starts_at, 'America/Toronto')).toBe('2026-12-03T09:00');
    expect(wallTimeInput(event.starts_at, 'Asia/Kolkata')).toBe('2026-12-03T19:30');
    expect(wallTimeInput('2026-12-31T23:30:00.000Z', 'Asia/Singapore')).toBe('2027-01-01T07:30');
  });

  it('keeps an event’s length when its start moves', () => {
    expect(minutesBetween('2026-12-03T09:00', '2026-12-03T10:30')).toBe(90);
    expect(addMinutes('2026-12-31T23:30', 90)).toBe('2027-01-01T01:00');
    expect(minutesBetween('', '2026-12-03T10:30')).toBeNull();
  });

  it('defaults a new event to tomorrow at ten for an hour', () => {
    expect(defaultTimes(new Date(2026, 11, 31, 15, 0))).toEqual({
      start: '2027-01-01T10:00',
      end: '2027-01-01T11:00',
    });
  });

  it('shows an event in a zone, and knows when two zones agree', () => {
    expect(formatEventRange(event, 'America/Toronto')).toContain('9:00');
    expect(formatEventRange(event, 'America/Toronto')).toContain('10:30');
    expect(sameWallTimes(event, 'Europe/London', 'Europe/Lisbon')).toBe(true);
    expect(sameWallTimes(event, 'Europe/London', 'Europe/Berlin')).toBe(false);
    expect(dateBadge(event.starts_at, 'Pacific/Kiritimati')).toEqual({ month: 'Dec', day: '4' });
  });

  it('lists every zone with its offset, keeping the ones asked for', () => {
    const names = timeZoneNames('Etc/GMT+5');
    expect(names).toContain('Europe/Lisbon');
    expect(names).toContain('Etc/GMT+5');
    expect(names).toContain('UTC');
    expect(zoneLabel('America/Sao_Paulo', new Date(event.starts_at))).toBe(
      'America/Sao Paulo (GMT-3)',
    );
  });
});
