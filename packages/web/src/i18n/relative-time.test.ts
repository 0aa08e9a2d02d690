import { describe, expect, it } from 'vitest';
import { en } from './en';
import { elapsedSince, formatRelativeTime, formatTimeLeft } from './relative-time';
import { createTranslator } from './translate';

const { t } = createTranslator('en', en, en);
const now = new Date('2026-03-10T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('elapsedSince', () => {
  it('uses the largest whole unit', () => {
    expect(elapsedSince(ago(3 * SECOND), now)).toEqual({ unit: 'now' });
    expect(elapsedSince(ago(42 * SECOND), now)).toEqual({ unit: 'seconds', value: 42 });
    expect(elapsedSince(ago(59 * MINUTE + 59 * SECOND), now)).toEqual({
      unit: 'minutes',
      value: 59,
    });
    expect(elapsedSince(ago(HOUR), now)).toEqual({ unit: 'hours', value: 1 });
    expect(elapsedSince(ago(23 * HOUR), now)).toEqual({ unit: 'hours', value: 23 });
    expect(elapsedSince(ago(6 * DAY + 23 * HOUR), now)).toEqual({ unit: 'days', value: 6 });
  });

  it('switches to the date after a week, noting whether the year is the same', () => {
    expect(elapsedSince(ago(7 * DAY), now)).toEqual({ unit: 'date', sameYear: true });
    expect(elapsedSince(new Date('2025-12-01T12:00:00.000Z'), now)).toEqual({
      unit: 'date',
      sameYear: false,
    });
  });

  it('treats a time slightly in the future as now', () => {
    expect(elapsedSince(new Date(now.getTime() + 5 * SECOND), now)).toEqual({ unit: 'now' });
  });
});

describe('formatRelativeTime', () => {
  const format = (date: Date) => formatRelativeTime(t, 'en', date.toISOString(), now);

  it('writes a short form for the eye and a long one for screen readers', () => {
    expect(format(ago(2 * SECOND))).toEqual({ short: 'now', long: 'just now' });
    expect(format(ago(5 * MINUTE))).toEqual({ short: '5m', long: '5 minutes ago' });
    expect(format(ago(HOUR))).toEqual({ short: '1h', long: '1 hour ago' });
    expect(format(ago(3 * DAY))).toEqual({ short: '3d', long: '3 days ago' });
  });

  it('writes the date for older statuses, with the year only when it differs', () => {
    const sameYear = format(new Date('2026-01-15T12:00:00.000Z'));
    expect(sameYear.short).toMatch(/Jan 15|15 Jan/);
    expect(sameYear.short).not.toMatch(/2026/);
    expect(sameYear.long).toMatch(/2026/);
    expect(format(new Date('2024-06-02T12:00:00.000Z')).short).toMatch(/2024/);
  });
});

describe('formatTimeLeft', () => {
  const left = (ms: number) => formatTimeLeft(t, new Date(now.getTime() + ms).toISOString(), now);

  it('rounds up, so an open poll never says zero', () => {
    expect(left(30 * SECOND)).toBe('Closing in under a minute');
    expect(left(90 * SECOND)).toBe('2 minutes left');
    expect(left(HOUR + MINUTE)).toBe('2 hours left');
    expect(left(DAY)).toBe('1 day left');
    expect(left(2 * DAY + HOUR)).toBe('3 days left');
  });
});
