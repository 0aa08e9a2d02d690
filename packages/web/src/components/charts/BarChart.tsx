import { useI18n } from '../../i18n/I18nProvider';
import { type ChartCommon, ChartFrame, useChartWidth } from './ChartFrame';
import { countFormat, type NumberFormat, valueText } from './chart-format';
import { barLayout } from './chart-layout';
import { type ChartValue, textWidth } from './chart-math';

export interface Bar {
  key: string;
  label: string;
  value: ChartValue;
  /** Replaces the formatted value after the bar ("42 people, 35%"). */
  valueText?: string;
  /** Drawn in the warning colour (a topic at risk, a department cut off). */
  highlight?: boolean;
  /** A second colour for a bar that is a reference rather than a measure (a target). */
  tone?: 'measure' | 'reference';
}

export interface BarChartProps extends ChartCommon {
  bars: readonly Bar[];
  /** The first column's heading in the data table ("Segment"). */
  labelTitle: string;
  /** The values' heading in the data table ("People"). */
  valueTitle: string;
  /** The value a full-width bar stands for (1 for shares); otherwise the largest value. */
  max?: number;
  /** A level drawn across every bar, such as a target. */
  marker?: { value: number; label: string };
  format?: NumberFormat;
}

/**
 * Horizontal bars with their labels and values written out: segments, personas,
 * communities, a measure beside its target. A withheld value shows as "Hidden: fewer than
 * N people" in place of its bar.
 */
export function BarChart(props: BarChartProps) {
  const { t, locale } = useI18n();
  const format = props.format ?? countFormat(locale);
  const minGroupSize = props.minGroupSize ?? 5;
  const [box, width] = useChartWidth<HTMLDivElement>();
  const texts = props.bars.map(
    (bar) => bar.valueText ?? valueText(bar.value, format, t, minGroupSize),
  );
  const layout = barLayout({
    width,
    values: props.bars.map((bar) => bar.value),
    valueTexts: texts,
    max: props.max,
  });
  const table = {
    columns: [props.labelTitle, props.valueTitle],
    rows: props.bars.map((bar, index) => [bar.label, texts[index] ?? '']),
  };
  const markerX = props.marker ? layout.x(props.marker.value) : null;
  const maxLabel = Math.floor((layout.trackWidth - 4) / textWidth('m', 13));

  return (
    <ChartFrame
      common={props}
      kind="bar"
      empty={props.bars.length === 0}
      emptyText={t('analytics.chart.empty')}
      table={table}
    >
      <div ref={box} className="chart-plot">
        <svg
          width={layout.width}
          height={layout.height + (props.marker ? 18 : 0)}
          viewBox={`0 0 ${layout.width} ${layout.height + (props.marker ? 18 : 0)}`}
          aria-hidden="true"
          focusable="false"
        >
          {props.bars.map((bar, index) => {
            const row = layout.rows[index];
            if (!row) return null;
            const tone = bar.highlight
              ? 'chart-bar-highlight'
              : bar.tone === 'reference'
                ? 'chart-bar-reference'
                : 'chart-bar-measure';
            return (
              <g key={bar.key} className={`chart-bar-row ${tone}`} data-value={texts[index]}>
                <title>{`${bar.label}: ${texts[index]}`}</title>
                <text className="chart-bar-label" x={layout.left} y={row.labelY}>
                  {clip(bar.label, maxLabel)}
                </text>
                <rect
                  className="chart-bar-track"
                  x={layout.left}
                  y={row.barY}
                  width={layout.trackWidth}
                  height={layout.barHeight}
                  rx={4}
                />
                {row.barWidth > 0 && (
                  <rect
                    className="chart-bar-fill"
                    x={layout.left}
                    y={row.barY}
                    width={row.barWidth}
                    height={layout.barHeight}
                    rx={4}
                  />
                )}
                <text
                  className={
                    row.suppressed
                      ? 'chart-bar-value chart-bar-withheld'
                      : row.valueInside
                        ? 'chart-bar-value chart-bar-value-inside'
                        : 'chart-bar-value'
                  }
                  x={row.suppressed ? layout.left + 8 : row.valueX}
                  y={row.barY + layout.barHeight / 2}
                  dy="0.34em"
                  textAnchor={row.valueInside && !row.suppressed ? 'end' : 'start'}
                >
                  {texts[index]}
                </text>
              </g>
            );
          })}
          {props.marker && markerX !== null && (
            <g className="chart-marker">
              {/* Across the bars only, so it never strikes through their labels. */}
              {layout.rows.map((row) => (
                <line
                  key={row.barY}
                  x1={markerX}
                  x2={markerX}
                  y1={row.barY - 4}
                  y2={row.barY + layout.barHeight + 4}
                />
              ))}
              <text
                x={markerX}
                y={layout.height + 14}
                textAnchor={
                  markerX < layout.width * 0.15
                    ? 'start'
                    : markerX > layout.width * 0.7
                      ? 'end'
                      : 'middle'
                }
              >
                {props.marker.label}
              </text>
            </g>
          )}
        </svg>
      </div>
    </ChartFrame>
  );
}

/** A label cut to fit on its line; the full one is in the bar's title and the table. */
function clip(label: string, max: number): string {
  return label.length > max && max > 3 ? `${label.slice(0, max - 1)}…` : label;
}
