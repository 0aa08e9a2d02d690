import { useI18n } from '../../i18n/I18nProvider';
import { type ChartCommon, ChartFrame, useChartWidth } from './ChartFrame';
import { countFormat, type NumberFormat, valueText } from './chart-format';
import { heatmapLayout } from './chart-layout';
import { type ChartValue, isSuppressed, numberOf } from './chart-math';

export interface HeatmapProps extends ChartCommon {
  /** The groups along both sides (departments), in the matrix's order. */
  labels: readonly string[];
  /** matrix[row][column]: from the row's group to the column's. */
  matrix: readonly (readonly ChartValue[])[];
  /** Rows to point out (a department cut off from the others). */
  highlightRows?: readonly number[];
  /** "From" and "To": what the rows and columns are. */
  rowTitle: string;
  columnTitle: string;
  format?: NumberFormat;
}

/**
 * A group-by-group matrix (departments talking to departments) as coloured squares with
 * their numbers: the darker, the more. The diagonal (within a group) is outlined. On a
 * narrow screen the matrix keeps legible squares and scrolls sideways.
 */
export function Heatmap(props: HeatmapProps) {
  const { t, locale } = useI18n();
  const format = props.format ?? countFormat(locale);
  const minGroupSize = props.minGroupSize ?? 5;
  const [box, width] = useChartWidth<HTMLDivElement>();
  const layout = heatmapLayout({ width, labels: props.labels, matrix: props.matrix });
  const scrolls = layout.width > width + 1;
  const highlighted = new Set(props.highlightRows ?? []);
  const text = (value: ChartValue | undefined) => valueText(value, format, t, minGroupSize);
  const table = {
    columns: [`${props.rowTitle} \\ ${props.columnTitle}`, ...props.labels],
    rows: props.labels.map((label, row) => [
      label,
      ...props.labels.map((_, column) => text(props.matrix[row]?.[column])),
    ]),
  };
  const { cell, labelWidth, headerHeight } = layout;

  return (
    <ChartFrame
      common={props}
      kind="heatmap"
      empty={props.labels.length === 0}
      emptyText={t('analytics.chart.empty')}
      table={table}
      legend={<HeatLegend max={layout.max} format={format} />}
    >
      <p className="chart-axis-title" aria-hidden="true">
        {t('analytics.chart.heatAxes', { rows: props.rowTitle, columns: props.columnTitle })}
      </p>
      <div
        ref={box}
        className="chart-plot chart-scroll"
        {...(scrolls
          ? {
              tabIndex: 0,
              role: 'region',
              'aria-label': t('analytics.chart.scroll', { name: props.title }),
            }
          : {})}
      >
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          aria-hidden="true"
          focusable="false"
        >
          {props.labels.map((label, index) => (
            <g key={label}>
              <text
                className={
                  highlighted.has(index)
                    ? 'chart-heat-label chart-heat-label-highlight'
                    : 'chart-heat-label'
                }
                x={labelWidth - 8}
                y={headerHeight + index * cell + cell / 2}
                dy="0.32em"
                textAnchor="end"
              >
                {clip(label, labelWidth - 12)}
              </text>
              <text
                className="chart-heat-label"
                transform={`translate(${labelWidth + index * cell + cell / 2} ${headerHeight - 8}) rotate(-45)`}
              >
                {clip(label, 150)}
              </text>
            </g>
          ))}
          {layout.cells.map((square) => {
            const value = props.matrix[square.row]?.[square.column];
            const number = numberOf(value ?? null);
            const from = props.labels[square.row] ?? '';
            const to = props.labels[square.column] ?? '';
            return (
              <g
                key={`${square.row}-${square.column}`}
                className={
                  square.row === square.column
                    ? 'chart-heat-cell chart-heat-self'
                    : 'chart-heat-cell'
                }
                data-value={number ?? ''}
              >
                <title>{t('analytics.chart.heatCell', { from, to, value: text(value) })}</title>
                <rect
                  x={square.x + 1}
                  y={square.y + 1}
                  width={cell - 2}
                  height={cell - 2}
                  rx={4}
                  style={{
                    fill: `color-mix(in srgb, var(--chart-heat) ${Math.round(square.intensity * 100)}%, var(--surface-2))`,
                  }}
                />
                <text
                  className={
                    square.intensity > 0.6
                      ? 'chart-heat-value chart-heat-strong'
                      : 'chart-heat-value'
                  }
                  x={square.x + cell / 2}
                  y={square.y + cell / 2}
                  dy="0.34em"
                  textAnchor="middle"
                >
                  {isSuppressed(value ?? null)
                    ? '–'
                    : number === null
                      ? ''
                      : compact(number, locale)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </ChartFrame>
  );
}

/** The colour scale: from none to the largest flow. */
function HeatLegend({ max, format }: { max: number; format: NumberFormat }) {
  const { t } = useI18n();
  return (
    <div className="chart-heat-legend" aria-hidden="true">
      <span>{format(0)}</span>
      <span className="chart-heat-ramp" />
      <span>{format(max)}</span>
      <span className="chart-heat-self-key">{t('analytics.chart.heatSelf')}</span>
    </div>
  );
}

/** 1234 -> "1.2K" so a number fits its square; the table has the exact figure. */
function compact(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(
    value,
  );
}

/** Cuts a label to roughly `pixels` wide; the table and the cell titles keep it whole. */
function clip(label: string, pixels: number): string {
  const max = Math.floor(pixels / 7);
  return label.length > max && max > 3 ? `${label.slice(0, max - 1)}…` : label;
}
