import { describe, expect, it } from 'vitest';
import {
  areaPath,
  heatIntensity,
  isSuppressed,
  labelIndices,
  linearScale,
  linePath,
  lonePoints,
  lorenzGapPath,
  maxOf,
  nearestIndex,
  numberOf,
  ticks,
} from './chart-math';

const hidden = { suppressed: true } as const;

describe('chart values', () => {
  it('tells withheld values from numbers and nothing', () => {
    expect(isSuppressed(hidden)).toBe(true);
    expect(isSuppressed(0)).toBe(false);
    expect(isSuppressed(null)).toBe(false);
    expect(numberOf(hidden)).toBeNull();
    expect(numberOf(3)).toBe(3);
    expect(numberOf(Number.NaN)).toBeNull();
    expect(maxOf([1, hidden, null, 7, 2])).toBe(7);
    expect(maxOf([])).toBe(0);
  });
});

describe('scales and ticks', () => {
  it('maps a domain onto a range, flat for an empty domain', () => {
    const x = linearScale([0, 10], [100, 200]);
    expect(x(5)).toBe(150);
    expect(linearScale([3, 3], [0, 50])(3)).toBe(0);
  });

  it('ends the axis on a round number at or above the data', () => {
    expect(ticks(0)).toEqual([0, 0.25]);
    expect(ticks(180)).toEqual([0, 50, 100, 150, 200]);
    expect(ticks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('ticks whole numbers when counting people', () => {
    expect(ticks(2, 4, true)).toEqual([0, 1, 2]);
    expect(ticks(0, 4, true)).toEqual([0, 1]);
    expect(ticks(40, 4, true)).toEqual([0, 10, 20, 30, 40]);
    expect(ticks(7, 4, true)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(0.62)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('labels the first and last positions and evenly spaced ones that fit', () => {
    expect(labelIndices(0, 5)).toEqual([]);
    expect(labelIndices(1, 5)).toEqual([0]);
    expect(labelIndices(4, 10)).toEqual([0, 1, 2, 3]);
    const chosen = labelIndices(52, 6);
    expect(chosen[0]).toBe(0);
    expect(chosen.at(-1)).toBe(51);
    expect(chosen.length).toBeLessThanOrEqual(6);
  });

  it('finds the position nearest the pointer', () => {
    expect(nearestIndex([0, 10, 20, 30], 14)).toBe(1);
    expect(nearestIndex([0, 10, 20, 30], 99)).toBe(3);
  });
});

describe('paths', () => {
  it('breaks the line where a week is missing and draws lone weeks as dots', () => {
    const points = [{ x: 0, y: 10 }, { x: 10, y: 5 }, null, { x: 30, y: 1 }, null];
    expect(linePath(points)).toBe('M0 10 L10 5 M30 1');
    expect(lonePoints(points)).toEqual([{ x: 30, y: 1 }]);
    expect(areaPath(points, 20)).toBe('M0 20 L0 10 L10 5 L10 20 Z');
    expect(linePath([])).toBe('');
  });

  it('shades the gap between the diagonal and the Lorenz curve', () => {
    const same = (v: number) => v * 100;
    const path = lorenzGapPath(
      [
        [0, 0],
        [0.5, 0.2],
        [1, 1],
      ],
      same,
      same,
    );
    expect(path).toBe('M0 0 L100 100 L100 100 L50 20 L0 0 Z');
    expect(lorenzGapPath([[0, 0]], same, same)).toBe('');
  });

  it('colours heatmap cells by the square root of their share of the largest', () => {
    expect(heatIntensity(0, 100)).toBe(0);
    expect(heatIntensity(null, 100)).toBe(0);
    expect(heatIntensity(100, 100)).toBe(1);
    expect(heatIntensity(25, 100)).toBeCloseTo(0.12 + 0.88 * 0.5);
    expect(heatIntensity(1, 100)).toBeGreaterThan(0.12);
  });
});
