/** Hand-drawn SVG charts for the analytics pages (no chart library): see each file. */
export { type Bar, BarChart, type BarChartProps } from './BarChart';
export type { ChartCommon, ChartTable } from './ChartFrame';
export {
  countFormat,
  decimalFormat,
  type NumberFormat,
  shareFormat,
  valueText,
} from './chart-format';
export { type ChartValue, isSuppressed, numberOf } from './chart-math';
export { Heatmap, type HeatmapProps } from './Heatmap';
export { Legend, LineChart, type LineChartProps, type LineSeries } from './LineChart';
export { LorenzChart, type LorenzChartProps } from './LorenzChart';
