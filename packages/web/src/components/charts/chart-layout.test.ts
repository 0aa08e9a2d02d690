import { describe, expect, it } from 'vitest';
import { barLayout, heatmapLayout, lineLayout, lorenzAt } from './chart-layout';

const hidden = { suppressed: true } as const;
const tickText = (value: number) => String(value);

describe('lineLayout', () => {
  it('spreads the weeks across the plot and leaves gaps for withheld weeks', () => {
    const layout = lineLayout({
      width: 390,
      count: 4,
      series: [{ values: [10, hidden, 30, 40] }],
      tickText,
      xLabelWidth: 40,
    });
    expect(layout.xs).toHaveLength(4);
    expect(layout.xs[0]).toBeLessThan(layout.xs[3] ?? 0);
    expect(layout.plot.right).toBeLessThanOrEqual(390);
    expect(layout.series[0]?.points[1]).toBeNull();
    expect(layout.series[0]?.line.match(/M/g)).toHaveLength(2);
    expect(layout.series[0]?.dots).toHaveLength(1);
    expect(layout.yTicks.at(-1)?.value).toBe(40);
    // Readable on a phone: not squashed below 190 px high.
    expect(layout.height).toBeGreaterThanOrEqual(190);
  });

  it('keeps shares on a 0-100% axis and fits the labels of a year of weeks', () => {
    const values = Array.from({ length: 52 }, (_, i) => (i % 10) / 10);
    const layout = lineLayout({
      width: 390,
      count: 52,
      series: [{ values }],
      yMax: 1,
      tickText,
      xLabelWidth: 40,
    });
    expect(layout.yTicks.map((tick) => tick.value)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(layout.xLabelIndices.length).toBeLessThan(8);
    expect(layout.xLabelIndices.at(-1)).toBe(51);
  });

  it('places a single week in the middle', () => {
    const layout = lineLayout({
      width: 400,
      count: 1,
      series: [{ values: [3] }],
      tickText,
      xLabelWidth: 40,
    });
    expect(layout.xs[0]).toBeCloseTo((layout.plot.left + layout.plot.right) / 2);
  });
});

describe('barLayout', () => {
  it('scales bars to the largest value and writes long bars’ values inside', () => {
    const layout = barLayout({
      width: 300,
      values: [100, 50, hidden, 0, null],
      valueTexts: ['100', '50', 'Hidden: fewer than 5 people', '0', '–'],
    });
    expect(layout.rows[0]?.barWidth).toBeCloseTo(layout.trackWidth);
    expect(layout.rows[1]?.barWidth).toBeCloseTo(layout.trackWidth / 2);
    expect(layout.rows[0]?.valueInside).toBe(true);
    expect(layout.rows[1]?.valueInside).toBe(false);
    expect(layout.rows[2]).toMatchObject({ suppressed: true, barWidth: 0 });
    expect(layout.rows[3]?.barWidth).toBe(0);
    expect(layout.height).toBeGreaterThan(5 * 40);
  });

  it('uses a fixed maximum for shares', () => {
    const layout = barLayout({ width: 202, values: [0.5], valueTexts: ['50%'], max: 1 });
    expect(layout.rows[0]?.barWidth).toBeCloseTo(100);
  });
});

describe('heatmapLayout', () => {
  const labels = ['Engineering', 'Sales', 'Support'];
  const matrix = [
    [90, 10, 0],
    [5, 40, hidden],
    [0, 2, 30],
  ];

  it('lays out one legible square per pair, coloured by size', () => {
    const layout = heatmapLayout({ width: 600, labels, matrix });
    expect(layout.cells).toHaveLength(9);
    expect(layout.cell).toBeGreaterThanOrEqual(34);
    expect(layout.max).toBe(90);
    expect(layout.cells[0]?.intensity).toBe(1);
    expect(layout.cells[2]?.intensity).toBe(0);
    expect(layout.cells[5]?.intensity).toBe(0);
    expect(layout.width).toBeLessThanOrEqual(600);
  });

  it('keeps squares legible on a phone even when that makes it wider than the screen', () => {
    const many = Array.from({ length: 12 }, (_, i) => `Department ${i}`);
    const grid = many.map(() => many.map(() => 1));
    const layout = heatmapLayout({ width: 350, labels: many, matrix: grid });
    expect(layout.cell).toBe(34);
    expect(layout.width).toBeGreaterThan(350);
  });
});

describe('lorenzAt', () => {
  it('reads the curve between its points', () => {
    const curve = [
      [0, 0],
      [0.5, 0.1],
      [1, 1],
    ] as const;
    expect(lorenzAt(curve, 0.25)).toBeCloseTo(0.05);
    expect(lorenzAt(curve, 0.75)).toBeCloseTo(0.55);
    expect(lorenzAt(curve, 1)).toBe(1);
    expect(lorenzAt([], 0.3)).toBe(0.3);
  });
});
