import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { BarChart } from './BarChart';
import { shareFormat, valueText } from './chart-format';
import { Heatmap } from './Heatmap';
import { LineChart } from './LineChart';
import { LorenzChart } from './LorenzChart';

const hidden = { suppressed: true } as const;
const render = (node: ReactNode) =>
  renderToStaticMarkup(<I18nProvider locale="en">{node}</I18nProvider>);

/** The text of the visually hidden table screen readers get. */
function tableText(html: string): string {
  const table = /<div class="visually-hidden"><table>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return table
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('valueText', () => {
  it('writes withheld values as hidden, with the group size', () => {
    const t = ((key: string, vars?: { count: number }) =>
      key === 'analytics.chart.hidden' ? `Hidden: fewer than ${vars?.count} people` : '–') as never;
    expect(valueText(hidden, String, t, 5)).toBe('Hidden: fewer than 5 people');
    expect(valueText(null, String, t, 5)).toBe('–');
    expect(valueText(0.5, shareFormat('en'), t, 5)).toBe('50%');
    expect(shareFormat('en')(0.025)).toBe('2.5%');
  });
});

describe('LineChart', () => {
  const props = {
    title: 'People each week',
    xTitle: 'Week',
    xLabels: ['3 Mar', '10 Mar', '17 Mar'],
    series: [
      { key: 'active', label: 'Active', values: [40, 42, hidden] },
      { key: 'contributors', label: 'Contributors', values: [12, null, 15] },
    ],
  };

  it('names the chart, draws each series and gives the numbers as a table', () => {
    const html = render(<LineChart {...props} minGroupSize={6} />);
    expect(html).toContain('<figcaption');
    expect(html).toContain('People each week');
    expect(html).toContain('data-series="active"');
    expect(html).toContain('data-series="contributors"');
    expect(html).toContain('class="chart-line"');
    expect(tableText(html)).toContain(
      'Week Active Contributors 3 Mar 40 12 10 Mar 42 – 17 Mar Hidden: fewer than 6 people 15',
    );
    expect(html).toContain('class="chart-legend"');
  });

  it('says so when there is nothing to draw', () => {
    const html = render(<LineChart {...props} xLabels={[]} series={[]} />);
    expect(html).toContain('No data for this period yet.');
    expect(html).not.toContain('<svg');
  });
});

describe('BarChart', () => {
  it('draws a bar per value and writes withheld ones out', () => {
    const html = render(
      <BarChart
        title="Segments"
        labelTitle="Segment"
        valueTitle="People"
        bars={[
          { key: 'heavy', label: 'Heavy contributors', value: 12 },
          { key: 'occasional', label: 'Occasional contributors', value: hidden },
        ]}
        marker={{ value: 10, label: 'Target' }}
      />,
    );
    expect(html.match(/class="chart-bar-fill"/g)).toHaveLength(1);
    expect(html).toContain('Hidden: fewer than 5 people');
    expect(html).toContain('Target');
    expect(tableText(html)).toBe(
      'Segments Segment People Heavy contributors 12 Occasional contributors Hidden: fewer than 5 people',
    );
  });

  it('says so when there are no bars', () => {
    expect(render(<BarChart title="X" labelTitle="a" valueTitle="b" bars={[]} />)).toContain(
      'No data for this period yet.',
    );
  });
});

describe('LorenzChart', () => {
  it('draws the curve against the diagonal with the gap shaded, and marks the top 15%', () => {
    const points = Array.from({ length: 21 }, (_, i) => {
      const x = i / 20;
      return [x, x ** 4] as [number, number];
    });
    const html = render(<LorenzChart title="Lorenz curve" points={points} tops={[0.15]} />);
    expect(html).toContain('class="chart-gap"');
    expect(html).toContain('class="chart-equality"');
    expect(html).toContain('chart-lorenz-curve');
    expect(html).toContain('Top 15% made 48%');
    expect(tableText(html)).toContain('50% 6.3%');
  });
});

describe('Heatmap', () => {
  it('colours a square per pair, outlines the diagonal and lists the matrix', () => {
    const html = render(
      <Heatmap
        title="Interactions between departments"
        labels={['Engineering', 'Sales']}
        matrix={[
          [120, 8],
          [3, hidden],
        ]}
        rowTitle="From"
        columnTitle="To"
        highlightRows={[1]}
      />,
    );
    expect(html.match(/class="chart-heat-cell/g)).toHaveLength(4);
    expect(html.match(/chart-heat-self/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('chart-heat-label-highlight');
    expect(html).toContain('color-mix(in srgb, var(--chart-heat) 100%');
    expect(tableText(html)).toContain('Sales 3 Hidden: fewer than 5 people');
  });
});
