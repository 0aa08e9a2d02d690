import {
  areaPath,
  type ChartValue,
  heatIntensity,
  isSuppressed,
  labelIndices,
  linearScale,
  linePath,
  lonePoints,
  maxOf,
  numberOf,
  type Point,
  textWidth,
  ticks,
} from './chart-math';

/**
 * Where everything of a chart goes for a given width, in pixels. Kept apart from the
 * components so the geometry is tested without a browser.
 */

export interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface LineSeriesInput {
  values: readonly ChartValue[];
}

export interface LineLayout {
  width: number;
  height: number;
  plot: Plot;
  xs: number[];
  yTicks: { value: number; y: number }[];
  xLabelIndices: number[];
  series: { line: string; area: string; dots: Point[]; points: (Point | null)[] }[];
  y: (value: number) => number;
}

/**
 * A line chart of weekly figures: one x position per week, a y axis from 0 to a round top
 * (or `yMax`, e.g. 1 for shares), as many x labels as fit without overlapping.
 */
export function lineLayout(options: {
  width: number;
  count: number;
  series: readonly LineSeriesInput[];
  yMax?: number;
  reference?: number;
  integers?: boolean;
  tickText: (value: number) => string;
  xLabelWidth: number;
}): LineLayout {
  const { width, count } = options;
  const height = Math.round(Math.min(280, Math.max(190, width * 0.45)));
  const dataMax = Math.max(
    ...options.series.map((s) => maxOf(s.values)),
    options.reference ?? 0,
    0,
  );
  const yTickValues = options.yMax
    ? ticks(options.yMax, 4)
    : ticks(dataMax, 4, options.integers ?? false);
  const top = yTickValues.at(-1) ?? 1;
  const tickWidth = Math.max(...yTickValues.map((v) => textWidth(options.tickText(v))));
  const plot: Plot = { left: tickWidth + 10, right: width - 12, top: 12, bottom: height - 28 };
  const x =
    count > 1
      ? linearScale([0, count - 1], [plot.left + 4, plot.right - 4])
      : () => (plot.left + plot.right) / 2;
  const y = linearScale([0, top], [plot.bottom, plot.top]);
  const xs = Array.from({ length: count }, (_, index) => x(index));
  const fit = (plot.right - plot.left) / (options.xLabelWidth + 12);
  return {
    width,
    height,
    plot,
    xs,
    y,
    yTicks: yTickValues.map((value) => ({ value, y: y(value) })),
    xLabelIndices: labelIndices(count, fit),
    series: options.series.map((s) => {
      const points = xs.map((px, index) => {
        const value = numberOf(s.values[index]);
        return value === null ? null : { x: px, y: y(Math.min(value, top)) };
      });
      return {
        points,
        line: linePath(points),
        area: areaPath(points, plot.bottom),
        dots: lonePoints(points),
      };
    }),
  };
}

export interface BarRowLayout {
  labelY: number;
  barY: number;
  barWidth: number;
  valueX: number;
  /** Whether the value is written inside the bar's end (a long bar) rather than after it. */
  valueInside: boolean;
  suppressed: boolean;
}

export interface BarLayout {
  width: number;
  height: number;
  barHeight: number;
  left: number;
  trackWidth: number;
  rows: BarRowLayout[];
  x: (value: number) => number;
}

/**
 * Horizontal bars, each with its label on a line above it so long names (communities,
 * personas) keep the full width on a phone; the value follows the bar's end.
 */
export function barLayout(options: {
  width: number;
  values: readonly ChartValue[];
  valueTexts: readonly string[];
  max?: number;
}): BarLayout {
  const { width, values } = options;
  const barHeight = 16;
  const rowHeight = 46;
  const left = 0;
  const trackWidth = Math.max(40, width - 2);
  const max = options.max ?? Math.max(maxOf(values), 0);
  const x = linearScale([0, max > 0 ? max : 1], [0, trackWidth]);
  const rows = values.map((value, index) => {
    const number = numberOf(value);
    const barWidth = number === null ? 0 : Math.max(number > 0 ? 2 : 0, x(Math.max(0, number)));
    const text = textWidth(options.valueTexts[index] ?? '');
    const valueInside = barWidth + text + 10 > trackWidth;
    return {
      labelY: index * rowHeight + 14,
      barY: index * rowHeight + 20,
      barWidth,
      valueX: valueInside ? left + barWidth - 6 : left + barWidth + 6,
      valueInside,
      suppressed: isSuppressed(value),
    };
  });
  return { width, height: values.length * rowHeight + 4, barHeight, left, trackWidth, rows, x };
}

export interface HeatmapLayout {
  width: number;
  height: number;
  labelWidth: number;
  headerHeight: number;
  cell: number;
  max: number;
  cells: { row: number; column: number; x: number; y: number; intensity: number }[];
}

/**
 * A square matrix: row labels on the left, column labels slanted above, one square per
 * pair. Cells are 34 to 80 px, at least big enough for their numbers; wider than the screen, the
 * chart scrolls sideways inside its frame.
 */
export function heatmapLayout(options: {
  width: number;
  labels: readonly string[];
  matrix: readonly (readonly ChartValue[])[];
}): HeatmapLayout {
  const n = options.labels.length;
  const longest = Math.max(0, ...options.labels.map((label) => textWidth(label)));
  const labelWidth = Math.min(Math.max(60, longest + 12), Math.max(90, options.width * 0.32));
  const cell = Math.max(
    34,
    Math.min(80, Math.floor((options.width - labelWidth) / Math.max(n, 1))),
  );
  // Column labels slant at 45 degrees: their height is their width times sin 45.
  const headerHeight = Math.min(130, Math.round(Math.min(longest, 150) * 0.71) + 16);
  const max = Math.max(0, ...options.matrix.map((row) => maxOf(row)));
  const cells = options.matrix.flatMap((row, r) =>
    row.map((value, c) => ({
      row: r,
      column: c,
      x: labelWidth + c * cell,
      y: headerHeight + r * cell,
      intensity: heatIntensity(numberOf(value), max),
    })),
  );
  return {
    width: labelWidth + n * cell + 4,
    height: headerHeight + n * cell + 4,
    labelWidth,
    headerHeight,
    cell,
    max,
    cells,
  };
}

/** The share of contributions made by the least active `share` of members, read off the curve. */
export function lorenzAt(curve: readonly (readonly [number, number])[], share: number): number {
  const first = curve[0];
  if (!first) return share;
  for (let index = 1; index < curve.length; index += 1) {
    const [x0, y0] = curve[index - 1] as readonly [number, number];
    const [x1, y1] = curve[index] as readonly [number, number];
    if (share <= x1) return x1 === x0 ? y1 : y0 + ((share - x0) / (x1 - x0)) * (y1 - y0);
  }
  return curve.at(-1)?.[1] ?? share;
}
