/**
 * The arithmetic of the charts, pure so it can be tested without a browser: scales, ticks,
 * paths, the heatmap's colour intensity. Charts lay out in real pixels (the measured width)
 * so their text stays readable on a 390 px phone instead of shrinking with a fixed viewBox.
 */

/** A figure as the analytics API sends it: a number, nothing, or withheld for privacy. */
export type ChartValue = number | null | { suppressed: true };

export function isSuppressed(value: ChartValue | undefined): value is { suppressed: true } {
  return value !== null && typeof value === 'object';
}

/** The number to draw, or null for nothing or withheld. */
export function numberOf(value: ChartValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Maps [d0, d1] onto [r0, r1] linearly; a zero-width domain maps to r0. */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/**
 * Ticks from 0 to a round top at or above `max`, about `count` steps of 1, 2, 2.5 or 5 x
 * 10^k. Whole counts get whole steps (so a chart of 0-3 people never labels 0.75 of one).
 */
export function ticks(max: number, count = 4, integers = false): number[] {
  const rough = (max > 0 ? max : 1) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const multiples = integers ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  let step = (multiples.find((m) => m * power >= rough - 1e-9) ?? 10) * power;
  if (integers) step = Math.max(1, Math.round(step));
  const steps = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: steps + 1 }, (_, index) => round(index * step, 6));
}

/**
 * Which of `count` x positions get a label when at most `fit` labels fit: the first, the
 * last, and evenly spaced ones between.
 */
export function labelIndices(count: number, fit: number): number[] {
  if (count <= 0) return [];
  if (count === 1) return [0];
  const slots = Math.max(2, Math.min(count, Math.floor(fit)));
  const every = Math.ceil((count - 1) / (slots - 1));
  const chosen: number[] = [];
  for (let index = 0; index < count - 1; index += every) chosen.push(index);
  // The last label replaces a neighbour that would crowd it.
  if (chosen.length > 1 && count - 1 - (chosen.at(-1) ?? 0) < every) chosen.pop();
  chosen.push(count - 1);
  return chosen;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * SVG path data for a line through the points, broken where a point is missing (a week
 * withheld or without data): each run of points is its own `M ... L ...` piece.
 */
export function linePath(points: readonly (Point | null)[]): string {
  return runs(points)
    .map((run) => run.map((p, index) => `${index === 0 ? 'M' : 'L'}${fmt(p.x)} ${fmt(p.y)}`))
    .map((parts) => parts.join(' '))
    .join(' ');
}

/** The area under each run of the line, down to `baseline`. */
export function areaPath(points: readonly (Point | null)[], baseline: number): string {
  return runs(points)
    .filter((run) => run.length > 1)
    .map((run) => {
      const first = run[0] as Point;
      const last = run.at(-1) as Point;
      const top = run.map((p) => `L${fmt(p.x)} ${fmt(p.y)}`).join(' ');
      return `M${fmt(first.x)} ${fmt(baseline)} ${top} L${fmt(last.x)} ${fmt(baseline)} Z`;
    })
    .join(' ');
}

/** Points standing alone between gaps: drawn as dots, since a line needs two. */
export function lonePoints(points: readonly (Point | null)[]): Point[] {
  return runs(points)
    .filter((run) => run.length === 1)
    .map((run) => run[0] as Point);
}

function runs(points: readonly (Point | null)[]): Point[][] {
  const result: Point[][] = [];
  let current: Point[] = [];
  for (const point of points) {
    if (point) {
      current.push(point);
    } else if (current.length > 0) {
      result.push(current);
      current = [];
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

/**
 * The gap between the line of equality and the Lorenz curve, as one closed shape: along the
 * diagonal from (0,0) to (1,1), then back along the curve. Its area is half the Gini.
 */
export function lorenzGapPath(
  curve: readonly (readonly [number, number])[],
  x: (share: number) => number,
  y: (share: number) => number,
): string {
  if (curve.length < 2) return '';
  const back = [...curve].reverse().map(([px, py]) => `L${fmt(x(px))} ${fmt(y(py))}`);
  return `M${fmt(x(0))} ${fmt(y(0))} L${fmt(x(1))} ${fmt(y(1))} ${back.join(' ')} Z`;
}

/**
 * How strongly a heatmap cell is coloured, 0..1. Square root, so the many small flows
 * between departments stay visible next to the large flows within them; 0 stays blank.
 */
export function heatIntensity(value: number | null, max: number): number {
  if (value === null || value <= 0 || max <= 0) return 0;
  return Math.min(1, 0.12 + 0.88 * Math.sqrt(value / max));
}

/** The index of the x position nearest to `at` (positions in ascending order). */
export function nearestIndex(positions: readonly number[], at: number): number {
  let best = 0;
  for (let index = 1; index < positions.length; index += 1) {
    const here = Math.abs((positions[index] ?? 0) - at);
    if (here < Math.abs((positions[best] ?? 0) - at)) best = index;
  }
  return best;
}

/** A rough width of a label in pixels at the chart font size (for layout, not for drawing). */
export function textWidth(text: string, fontSize = 12): number {
  return Math.ceil(text.length * fontSize * 0.58);
}

/** The largest number among the values (0 when none), ignoring withheld and missing ones. */
export function maxOf(values: readonly ChartValue[]): number {
  let max = 0;
  for (const value of values) {
    const number = numberOf(value);
    if (number !== null && number > max) max = number;
  }
  return max;
}

function fmt(value: number): string {
  return String(round(value, 2));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
