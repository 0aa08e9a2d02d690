import { useI18n } from '../../i18n/I18nProvider';
import { type ChartCommon, ChartFrame, useChartCursor, useChartWidth } from './ChartFrame';
import { shareFormat } from './chart-format';
import { lorenzAt } from './chart-layout';
import { linearScale, linePath, lorenzGapPath } from './chart-math';

export interface LorenzChartProps extends ChartCommon {
  /** [share of members, share of contributions], from [0, 0] to [1, 1], least active first. */
  points: readonly (readonly [number, number])[];
  /**
   * Shares of members to point out, as the share the most active make: 0.15 marks where
   * the top 15% begin and writes what they made.
   */
  tops?: readonly number[];
}

const TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * The Lorenz curve: members from the least to the most active along the bottom, the share
 * of all contributions they made so far up the side. The diagonal is everyone contributing
 * alike; the shaded gap between the two is the inequality (twice its area is the Gini).
 */
export function LorenzChart(props: LorenzChartProps) {
  const { t, locale } = useI18n();
  const share = shareFormat(locale);
  const [box, measured] = useChartWidth<HTMLDivElement>();
  const size = Math.min(measured, 460);
  const tickWidth = 38;
  const plot = { left: tickWidth + 8, right: size - 14, top: 14, bottom: size - 44 };
  const x = linearScale([0, 1], [plot.left, plot.right]);
  const y = linearScale([0, 1], [plot.bottom, plot.top]);
  const xs = props.points.map(([px]) => x(px));
  const cursor = useChartCursor(xs);
  const curve = linePath(props.points.map(([px, py]) => ({ x: x(px), y: y(py) })));
  const reading = (index: number) => {
    const point = props.points[index];
    return point
      ? t('analytics.chart.lorenzPoint', {
          members: share(point[0]),
          contributions: share(point[1]),
        })
      : '';
  };
  const table = {
    columns: [t('analytics.chart.lorenzMembers'), t('analytics.chart.lorenzContributions')],
    rows: props.points.map(([px, py]) => [share(px), share(py)]),
  };
  const active = cursor.active;
  const activePoint = active === null ? null : props.points[active];

  return (
    <ChartFrame
      common={props}
      kind="lorenz"
      empty={props.points.length < 2}
      emptyText={t('analytics.chart.empty')}
      table={table}
      legend={
        <ul className="chart-legend">
          <li>
            <span className="chart-swatch chart-tone-1" aria-hidden="true" />
            {t('analytics.chart.lorenzCurve')}
          </li>
          <li>
            <span className="chart-swatch chart-swatch-equality" aria-hidden="true" />
            {t('analytics.chart.equality')}
          </li>
          <li>
            <span className="chart-swatch chart-swatch-gap" aria-hidden="true" />
            {t('analytics.chart.gap')}
          </li>
        </ul>
      }
    >
      <p className="chart-axis-title" aria-hidden="true">
        {t('analytics.chart.lorenzContributionsAxis')}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: a drawing read point by point, not a set of form fields */}
      <div
        ref={box}
        className="chart-plot chart-plot-square"
        role="group"
        aria-label={t('analytics.chart.explore', { name: props.title })}
        {...cursor.props}
      >
        <svg
          width={size}
          height={size}
          viewBox={`0 0 ${size} ${size}`}
          aria-hidden="true"
          focusable="false"
        >
          <g className="chart-grid">
            {TICKS.map((tick) => (
              <g key={tick}>
                <line x1={plot.left} x2={plot.right} y1={y(tick)} y2={y(tick)} />
                <text x={plot.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
                  {share(tick)}
                </text>
                <text x={x(tick)} y={plot.bottom + 16} textAnchor="middle">
                  {share(tick)}
                </text>
              </g>
            ))}
          </g>
          <text
            className="chart-axis-label"
            x={(plot.left + plot.right) / 2}
            y={size - 6}
            textAnchor="middle"
          >
            {t('analytics.chart.lorenzMembersAxis')}
          </text>
          <path className="chart-gap" d={lorenzGapPath(props.points, x, y)} />
          <line className="chart-equality" x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} />
          <path className="chart-line chart-lorenz-curve chart-tone-1" d={curve} />
          {(props.tops ?? []).map((top) => {
            const at = 1 - top;
            const made = 1 - lorenzAt(props.points, at);
            return (
              <g key={top} className="chart-top-mark">
                <line x1={x(at)} x2={x(at)} y1={plot.bottom} y2={y(lorenzAt(props.points, at))} />
                <circle cx={x(at)} cy={y(lorenzAt(props.points, at))} r={4} />
                <text x={x(at) - 6} y={y(lorenzAt(props.points, at)) - 8} textAnchor="end">
                  {t('analytics.chart.topMade', { top: share(top), made: share(made) })}
                </text>
              </g>
            );
          })}
          {activePoint && (
            <g className="chart-cursor">
              <line x1={x(activePoint[0])} x2={x(activePoint[0])} y1={plot.top} y2={plot.bottom} />
              <circle
                className="chart-tone-1"
                cx={x(activePoint[0])}
                cy={y(activePoint[1])}
                r={5}
              />
            </g>
          )}
        </svg>
        {active !== null && activePoint && (
          <div
            className="chart-tooltip"
            aria-hidden="true"
            style={{
              left: x(activePoint[0]),
              top: plot.top,
              transform:
                x(activePoint[0]) > size / 2
                  ? 'translateX(calc(-100% - 10px))'
                  : 'translateX(10px)',
            }}
          >
            {reading(active)}
          </div>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {active === null ? '' : reading(active)}
      </p>
    </ChartFrame>
  );
}
