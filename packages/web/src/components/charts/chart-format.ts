import type { Translate } from '../../i18n';
import { type ChartValue, isSuppressed } from './chart-math';

/** How a chart writes one of its numbers (an axis tick, a value, a table cell). */
export type NumberFormat = (value: number) => string;

/** Whole numbers in the reader's locale: "1,204". */
export function countFormat(locale: string): NumberFormat {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (value) => format.format(value);
}

/** A share 0..1 as a percentage: "85%", with a decimal below 10% ("2.5%"). */
export function shareFormat(locale: string): NumberFormat {
  const whole = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const fine = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return (value) => (Math.abs(value) < 0.1 && value !== 0 ? fine : whole).format(value);
}

/** A number with at most two decimals: "0.62". */
export function decimalFormat(locale: string, digits = 2): NumberFormat {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
  return (value) => format.format(value);
}

/**
 * A figure in words: the number, "Hidden: fewer than N people" when it was withheld for
 * privacy, or a dash when there is nothing to show.
 */
export function valueText(
  value: ChartValue | undefined,
  format: NumberFormat,
  t: Translate,
  minGroupSize: number,
): string {
  if (isSuppressed(value)) return t('analytics.chart.hidden', { count: minGroupSize });
  if (typeof value !== 'number' || !Number.isFinite(value)) return t('analytics.chart.none');
  return format(value);
}
