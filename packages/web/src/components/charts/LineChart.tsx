import { useI18n } from '../../i18n/I18nProvider';
import { type ChartCommon, ChartFrame, useChartCursor, useChartWidth } from './ChartFrame';
import { countFormat, type NumberFormat, valueText } from './chart-format';
import { lineLayout } from './chart-layout';
import { type ChartValue, isSuppressed, textWidth } from './chart-math';

export interface LineSeries {
  key: string;
  label: string;
  /** One value per x position (week); null or withheld values break the line. */
  values: readonly ChartValue[];
}

export interface LineChartProps extends ChartCommon {
  series: readonly LineSeries[];
  /** Short labels along the x axis ("3 Mar"), one per position. */
  xLabels: readonly string[];
  /** Full labels for the table and the reading ("Week of 3 Mar 2026"); defaults to xLabels. */
  xLongLabels?: readonly string[];
  /** The first column's heading in the data table ("Week"). */
  xTitle: string;
  /** What the y axis counts, written above it ("People", "Share"). */
  yTitle?: string;
  /** A fixed top of the y axis (1 for shares); otherwise a round number above the data. */
  yMax?: number;
  /** The y axis reaches at least this high, so tiny values are not blown up (1 hour). */
  yAtLeast?: number;
  /** A level to compare against, drawn as a dashed line (a target). */
  reference?: { value: number; label: string };
  format?: NumberFormat;
  /** Fills under the first series. */
  area?: boolean;
  /** The values are not whole numbers (hours): the axis may tick at fractions. */
  fractional?: boolean;
}

/**
 * Weekly trends: one or more lines over the same weeks, with a legend, a y axis, the
 * weeks along the bottom, and each week's values shown on hover or while arrowing through
 * the chart with the keyboard. A withheld week leaves a gap in its line.
 */
export function LineChart(props: LineChartProps) {
  const { t, locale } = useI18n();
  const format = props.format ?? countFormat(locale);
  const minGroupSize = props.minGroupSize ?? 5;
  const [box, width] = useChartWidth<HTMLDivElement>();
  const count = props.xLabels.length;
  const longLabels = props.xLongLabels ?? props.xLabels;
  const integers = props.yMax === undefined && !props.fractional;
  const layout = lineLayout({
    width,
    count,
    series: props.series,
    yMax: props.yMax,
    reference: Math.max(props.reference?.value ?? 0, props.yAtLeast ?? 0),
    integers,
    tickText: format,
    xLabelWidth: Math.max(0, ...props.xLabels.map((label) => textWidth(label))),
  });
  const cursor = useChartCursor(layout.xs);
  const empty =
    count === 0 || props.series.every((s) => s.values.every((v) => v === null || v === undefined));
  const text = (value: ChartValue | undefined) => valueText(value, format, t, minGroupSize);
  const table = {
    columns: [props.xTitle, ...props.series.map((s) => s.label)],
    rows: longLabels.map((label, index) => [
      label,
      ...props.series.map((s) => text(s.values[index])),
    ]),
  };
  const active = cursor.active;
  const reading =
    active === null
      ? ''
      : [longLabels[active], ...props.series.map((s) => `${s.label}: ${text(s.values[active])}`)]
          .filter(Boolean)
          .join(', ');
  const { plot } = layout;
  const activeX = active === null ? 0 : (layout.xs[active] ?? 0);

  return (
    <ChartFrame
      common={props}
      kind="line"
      empty={empty}
      emptyText={t('analytics.chart.empty')}
      table={table}
      legend={props.series.length > 1 && <Legend series={props.series} />}
    >
      {props.yTitle && (
        <p className="chart-axis-title" aria-hidden="true">
          {props.yTitle}
        </p>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a drawing read point by point, not a set of form fields */}
      <div
        ref={box}
        className="chart-plot"
        role="group"
        aria-label={t('analytics.chart.explore', { name: props.title })}
        {...cursor.props}
      >
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          aria-hidden="true"
          focusable="false"
        >
          <g className="chart-grid">
            {layout.yTicks.map((tick) => (
              <g key={tick.value}>
                <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
                <text x={plot.left - 8} y={tick.y} dy="0.32em" textAnchor="end">
                  {format(tick.value)}
                </text>
              </g>
            ))}
          </g>
          <g className="chart-x-labels">
            {layout.xLabelIndices.map((index) => (
              <text key={index} x={layout.xs[index]} y={plot.bottom + 20} textAnchor="middle">
                {props.xLabels[index]}
              </text>
            ))}
          </g>
          {props.reference && (
            <g className="chart-reference">
              <line
                x1={plot.left}
                x2={plot.right}
                y1={layout.y(props.reference.value)}
                y2={layout.y(props.reference.value)}
              />
              <text x={plot.right} y={layout.y(props.reference.value) - 6} textAnchor="end">
                {props.reference.label}
              </text>
            </g>
          )}
          {props.area && layout.series[0] && (
            <path className="chart-area chart-tone-1" d={layout.series[0].area} />
          )}
          {layout.series.map((drawn, index) => (
            <g
              key={props.series[index]?.key}
              className={`chart-series chart-tone-${(index % 5) + 1}`}
              data-series={props.series[index]?.key}
            >
              <path className="chart-line" d={drawn.line} />
              {drawn.dots.map((dot) => (
                <circle key={dot.x} className="chart-dot" cx={dot.x} cy={dot.y} r={3.5} />
              ))}
              {props.series[index]?.values.map((value, week) =>
                isSuppressed(value) ? (
                  <circle
                    // biome-ignore lint/suspicious/noArrayIndexKey: one marker per week
                    key={week}
                    className="chart-withheld"
                    cx={layout.xs[week]}
                    cy={plot.bottom}
                    r={3}
                  />
                ) : null,
              )}
            </g>
          ))}
          {active !== null && (
            <g className="chart-cursor">
              <line x1={activeX} x2={activeX} y1={plot.top} y2={plot.bottom} />
              {layout.series.map((drawn, index) => {
                const point = drawn.points[active];
                return point ? (
                  <circle
                    key={props.series[index]?.key}
                    className={`chart-tone-${(index % 5) + 1}`}
                    cx={point.x}
                    cy={point.y}
                    r={4.5}
                  />
                ) : null;
              })}
            </g>
          )}
        </svg>
        {active !== null && (
          <div
            className="chart-tooltip"
            aria-hidden="true"
            style={{
              left: activeX,
              transform:
                activeX > layout.width / 2 ? 'translateX(calc(-100% - 10px))' : 'translateX(10px)',
            }}
          >
            <strong>{longLabels[active]}</strong>
            {props.series.map((s, index) => (
              <span key={s.key} className="chart-tooltip-row">
                <span className={`chart-swatch chart-tone-${(index % 5) + 1}`} />
                {s.label}: {text(s.values[active])}
              </span>
            ))}
          </div>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {reading}
      </p>
    </ChartFrame>
  );
}

/** The series' names with their colour and line style. */
export function Legend({ series }: { series: readonly { key: string; label: string }[] }) {
  return (
    <ul className="chart-legend">
      {series.map((s, index) => (
        <li key={s.key}>
          <svg width="22" height="10" aria-hidden="true" focusable="false">
            <line
              className={`chart-legend-line chart-tone-${(index % 5) + 1}`}
              x1="1"
              x2="21"
              y1="5"
              y2="5"
            />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
