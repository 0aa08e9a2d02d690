import type { AnalyticsScopes, SuppressedReport } from '@rapport/schema';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useOutletContext } from 'react-router';
import { type ChartValue, countFormat, shareFormat, valueText } from '../../components/charts';
import { ErrorState } from '../../components/FormMessage';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { analyticsKeys, type CsvTable, csvHref, type Dashboard } from './analytics-api';
import type { AnalyticsSelection } from './analytics-query';

/** What the analytics layout hands each tab. */
export interface AnalyticsContext {
  selection: AnalyticsSelection;
  scopes: AnalyticsScopes;
  isAdmin: boolean;
}

export function useAnalyticsContext(): AnalyticsContext {
  return useOutletContext<AnalyticsContext>();
}

/** One dashboard's report for the chosen scope and period. */
export function useReport<R>(
  dashboard: Dashboard,
  selection: AnalyticsSelection,
  load: (selection: AnalyticsSelection) => Promise<R>,
  enabled = true,
): UseQueryResult<R> {
  return useQuery({
    queryKey: analyticsKeys.report(dashboard, selection),
    queryFn: () => load(selection),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * The states every report goes through: a skeleton while it loads, an error with a retry,
 * the privacy notice when the whole group is too small, else the dashboard itself.
 */
export function ReportView<R extends { suppressed: boolean }>({
  query,
  children,
}: {
  query: UseQueryResult<R>;
  children: (report: Exclude<R, SuppressedReport>) => ReactNode;
}) {
  if (query.isPending) return <ReportSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const report = query.data;
  if (report.suppressed) return <Withheld report={report as unknown as SuppressedReport} />;
  return <>{children(report as Exclude<R, SuppressedReport>)}</>;
}

/** A whole report withheld: the group is smaller than the minimum the organisation set. */
export function Withheld({ report }: { report: SuppressedReport }) {
  const t = useT();
  return (
    <div className="analytics-withheld" role="status">
      <p className="analytics-withheld-title">{t('analytics.withheld.title')}</p>
      <p>{t('analytics.withheld.body', { count: report.min_group_size })}</p>
    </div>
  );
}

/** Grey shapes of figures and a chart while a report loads. */
export function ReportSkeleton() {
  const t = useT();
  return (
    <div className="analytics-skeleton" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('app.loading')}
      </span>
      <div className="analytics-figures" aria-hidden="true">
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className="analytics-figure">
            <span className="skeleton skeleton-line short" />
            <span className="skeleton analytics-skeleton-number" />
          </div>
        ))}
      </div>
      <span className="skeleton analytics-skeleton-chart" aria-hidden="true" />
    </div>
  );
}

/** A headline number with what it counts. */
export function Figure({
  label,
  value,
  note,
  tone,
  withheld = false,
}: {
  label: string;
  value: string;
  note?: ReactNode;
  tone?: 'warning' | 'good';
  /** Hidden for privacy: the sentence saying so, smaller than a number. */
  withheld?: boolean;
}) {
  return (
    <div className={tone ? `analytics-figure analytics-figure-${tone}` : 'analytics-figure'}>
      <dt>{label}</dt>
      <dd className={withheld ? 'analytics-figure-withheld' : 'analytics-figure-value'}>{value}</dd>
      {note && <dd className="analytics-figure-note">{note}</dd>}
    </div>
  );
}

/** A row of headline numbers (a description list: each label with its figure). */
export function Figures({ children }: { children: ReactNode }) {
  return <dl className="analytics-figures">{children}</dl>;
}

/** A titled part of a dashboard, with its CSV download at the top right. */
export function ReportSection({
  title,
  intro,
  download,
  children,
}: {
  title: string;
  intro?: ReactNode;
  download?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="analytics-section">
      <div className="analytics-section-heading">
        <h2 className="section-title">{title}</h2>
        {download}
      </div>
      {intro && <p className="analytics-section-intro">{intro}</p>}
      {children}
    </section>
  );
}

/** "Download CSV" of one table, for the same scope and period as the page. */
export function CsvLink<D extends Dashboard>({
  dashboard,
  selection,
  table,
  name,
}: {
  dashboard: D;
  selection: AnalyticsSelection;
  table: CsvTable<D>;
  /** What the table holds, said to screen readers so each link has its own name. */
  name: string;
}) {
  const t = useT();
  return (
    <a
      className="button button-secondary button-sm csv-link"
      href={csvHref(dashboard, selection, table)}
      download
      aria-label={t('analytics.csvOf', { name })}
    >
      {t('analytics.csv')}
    </a>
  );
}

/** Terms and what they mean, written out on the page. */
export function Definitions({
  title,
  items,
}: {
  title: string;
  items: readonly { term: string; text: string }[];
}) {
  return (
    <details className="analytics-definitions">
      <summary>{title}</summary>
      <dl>
        {items.map((item) => (
          <div key={item.term}>
            <dt>{item.term}</dt>
            <dd>{item.text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** The number formats of the dashboards, in the reader's locale. */
export function useFormats(minGroupSize: number) {
  const { t, locale } = useI18n();
  const count = countFormat(locale);
  const share = shareFormat(locale);
  const shortDate = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    count,
    share,
    /** A people count or share as words, "Hidden: fewer than 5 people" when withheld. */
    people: (value: ChartValue) => valueText(value, count, t, minGroupSize),
    shareOf: (value: ChartValue) => valueText(value, share, t, minGroupSize),
    gini: (value: number | null) =>
      value === null ? t('analytics.chart.none') : decimal.format(value),
    /** Minutes under an hour, hours, or days past two days: "40 minutes", "5.5 hours", "3 days". */
    hours: (value: number | null) => {
      if (value === null) return t('analytics.chart.none');
      if (value < 1) {
        const minutes = Math.round(value * 60);
        return t('analytics.minutes', { count: minutes });
      }
      if (value < 48) return t('analytics.hours', { count: value, hours: decimal.format(value) });
      const days = value / 24;
      return t('analytics.days', { count: Math.round(days), days: decimal.format(days) });
    },
    hoursShort: (value: number) => t('analytics.hoursShort', { hours: decimal.format(value) }),
    date: (iso: string) => longDate.format(new Date(iso)),
    /** The x axis every weekly chart shares: its title and each week's short and long label. */
    weekAxis: (weeks: { week_start: string }[]) => ({
      xTitle: t('analytics.table.week'),
      xLabels: weeks.map((week) => shortDate.format(new Date(week.week_start))),
      xLongLabels: weeks.map((week) =>
        t('analytics.weekOf', { date: longDate.format(new Date(week.week_start)) }),
      ),
    }),
  };
}
