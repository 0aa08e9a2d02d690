import { describe, expect, it } from 'vitest';
import { HttpError } from '../../errors';
import { parsePeriod, WEEK_MS, weekIndex, weekStarts } from './period';

const NOW = Date.parse('2026-12-07T12:00:00.000Z');

function failure(query: { from?: string; to?: string }): string {
  try {
    parsePeriod(query, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    return (error as HttpError).message;
  }
  throw new Error('expected the period to be refused');
}

describe('analytics periods', () => {
  it('defaults to the twelve weeks before now', () => {
    expect(parsePeriod({}, NOW)).toEqual({ from: NOW - 12 * WEEK_MS, to: NOW });
  });

  it('takes whole days: from its midnight, to the midnight after the last day', () => {
    expect(parsePeriod({ from: '2026-11-01', to: '2026-11-30' }, NOW)).toEqual({
      from: Date.parse('2026-11-01T00:00:00.000Z'),
      to: Date.parse('2026-12-01T00:00:00.000Z'),
    });
    expect(
      parsePeriod({ from: '2026-11-01T08:00:00.000Z', to: '2026-11-02T08:00:00Z' }, NOW),
    ).toEqual({
      from: Date.parse('2026-11-01T08:00:00.000Z'),
      to: Date.parse('2026-11-02T08:00:00.000Z'),
    });
  });

  it('refuses a period that ends before it starts, is over 366 days, or is not a date', () => {
    expect(failure({ from: '2026-11-05', to: '2026-11-01' })).toBe(
      'Validation failed: From must be before to',
    );
    expect(failure({ from: '2025-01-01', to: '2026-06-01' })).toMatch(/at most 366 days/);
    expect(failure({ from: '2026-13-45' })).toMatch(/is not a date/);
  });

  it('cuts a period into weeks from its first day, the last one possibly short', () => {
    const period = { from: 0, to: 2 * WEEK_MS + 1 };
    expect(weekStarts(period)).toEqual([0, WEEK_MS, 2 * WEEK_MS]);
    expect(weekIndex(period, WEEK_MS - 1)).toBe(0);
    expect(weekIndex(period, WEEK_MS)).toBe(1);
  });
});
