import type { MyInsights } from '@rapport/schema';
import { describe, expect, it } from 'vitest';
import { periodOf, weeksParam } from './insights-api';
import { durationOf, groupSizeOf, hasActivity, weekLabels } from './insights-format';

describe('periodOf', () => {
  it('covers whole weeks ending with today, today included', () => {
    const now = Date.parse('2026-03-10T15:30:00Z');
    expect(periodOf(4, now)).toEqual({ from: '2026-02-11', to: '2026-03-10' });
    expect(periodOf(12, now)).toEqual({ from: '2025-12-17', to: '2026-03-10' });
    // The same all day long, so the page's query is the same all day.
    expect(periodOf(4, Date.parse('2026-03-10T00:00:00Z'))).toEqual(periodOf(4, now));
  });
});

describe('weeksParam', () => {
  it('accepts only the offered lengths', () => {
    expect(weeksParam('26')).toBe(26);
    expect(weeksParam('52')).toBe(52);
    expect(weeksParam('5')).toBe(12);
    expect(weeksParam(null)).toBe(12);
    expect(weeksParam('abc')).toBe(12);
  });
});

describe('durationOf', () => {
  it('writes a duration in the unit that reads best', () => {
    expect(durationOf(0.25)).toEqual({ unit: 'minutes', count: 15 });
    expect(durationOf(0.001)).toEqual({ unit: 'minutes', count: 1 });
    expect(durationOf(3)).toEqual({ unit: 'hours', count: 3 });
    expect(durationOf(2.46)).toEqual({ unit: 'hours', count: 2.5 });
    expect(durationOf(30.4)).toEqual({ unit: 'hours', count: 30 });
    expect(durationOf(60)).toEqual({ unit: 'days', count: 2.5 });
  });
});

const week = (week_start: string) => ({
  week_start,
  contributions: 0,
  reactions_given: 0,
  replies_received: 0,
  reactions_received: 0,
});

describe('weekLabels', () => {
  it('labels weeks by their first day in UTC', () => {
    const labels = weekLabels(
      [week('2026-03-02T00:00:00.000Z'), week('2026-03-09T00:00:00.000Z')],
      'en-GB',
    );
    expect(labels).toEqual({ short: ['2 Mar', '9 Mar'], long: ['2 Mar 2026', '9 Mar 2026'] });
  });
});

describe('hasActivity', () => {
  it('is false only when nothing was given or received', () => {
    const quiet = {
      contributions: 0,
      reactions_given: 0,
      replies_received: 0,
      reactions_received: 0,
    } as MyInsights;
    expect(hasActivity(quiet)).toBe(false);
    expect(hasActivity({ ...quiet, replies_received: 1 })).toBe(true);
  });
});

describe('groupSizeOf', () => {
  it('accepts whole numbers from 3 to 100', () => {
    expect(groupSizeOf('3')).toBe(3);
    expect(groupSizeOf(' 100 ')).toBe(100);
    expect(groupSizeOf('2')).toBeNull();
    expect(groupSizeOf('101')).toBeNull();
    expect(groupSizeOf('4.5')).toBeNull();
    expect(groupSizeOf('')).toBeNull();
    expect(groupSizeOf('five')).toBeNull();
  });
});
