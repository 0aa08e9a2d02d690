import type { MyInsights } from '@rapport/schema';
import { useId } from 'react';
import { BarChart, LineChart } from '../../components/charts';
import { useI18n } from '../../i18n/I18nProvider';
import {
  type InsightsPeriod,
  MY_CSV_TABLES,
  type MyCsvTable,
  myInsightsCsvHref,
} from './insights-api';
import { durationOf, weekLabels } from './insights-format';

/** The four totals of the period, each with what it counts. */
export function InsightsFigures({ insights }: { insights: MyInsights }) {
  const { t } = useI18n();
  const titleId = useId();
  const figures = [
    ['contributions', insights.contributions, 'insights.figures.contributionsHint'],
    ['reactionsGiven', insights.reactions_given, 'insights.figures.reactionsGivenHint'],
    ['repliesReceived', insights.replies_received, 'insights.figures.repliesReceivedHint'],
    ['reactionsReceived', insights.reactions_received, 'insights.figures.reactionsReceivedHint'],
  ] as const;
  return (
    <section className="card insights-figures" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {t('insights.figures.title')}
      </h2>
      <dl className="insights-figure-list">
        {figures.map(([key, value, hint]) => (
          <div key={key} className="insights-figure">
            <dt>{t(`insights.figures.${key}`)}</dt>
            <dd className="insights-figure-value">{value}</dd>
            <dd className="muted small">{t(hint)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Contributions, reactions given and responses received, week by week. */
export function InsightsWeekly({ insights }: { insights: MyInsights }) {
  const { t, locale } = useI18n();
  const labels = weekLabels(insights.weekly, locale);
  return (
    <section className="card insights-weekly">
      <LineChart
        title={t('insights.weekly.title')}
        description={t('insights.weekly.description')}
        xTitle={t('insights.weekly.week')}
        xLabels={labels.short}
        xLongLabels={labels.long.map((date) => t('insights.weekly.weekOf', { date }))}
        yTitle={t('insights.weekly.people')}
        series={[
          {
            key: 'contributions',
            label: t('insights.weekly.contributions'),
            values: insights.weekly.map((week) => week.contributions),
          },
          {
            key: 'responses',
            label: t('insights.weekly.responses'),
            values: insights.weekly.map((week) => week.replies_received + week.reactions_received),
          },
          {
            key: 'reactions',
            label: t('insights.weekly.reactionsGiven'),
            values: insights.weekly.map((week) => week.reactions_given),
          },
        ]}
        area
      />
    </section>
  );
}

/** How quickly they answer questions, with their answers and accepted answers. */
export function InsightsAnswers({ insights }: { insights: MyInsights }) {
  const { t } = useI18n();
  const titleId = useId();
  const median = insights.median_hours_to_answer;
  const duration = median === null ? null : durationOf(median);
  return (
    <section className="card insights-answers" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {t('insights.answers.title')}
      </h2>
      <dl className="insights-figure-list">
        <div className="insights-figure insights-figure-wide">
          <dt>{t('insights.answers.median')}</dt>
          <dd className="insights-figure-value">
            {duration
              ? t(`insights.duration.${duration.unit}`, { count: duration.count })
              : t('analytics.chart.none')}
          </dd>
          <dd className="muted small">
            {duration ? t('insights.answers.medianHint') : t('insights.answers.none')}
          </dd>
        </div>
        <div className="insights-figure">
          <dt>{t('insights.answers.answers')}</dt>
          <dd className="insights-figure-value">{insights.answers}</dd>
        </div>
        <div className="insights-figure">
          <dt>{t('insights.answers.accepted')}</dt>
          <dd className="insights-figure-value">{insights.accepted_answers}</dd>
        </div>
      </dl>
    </section>
  );
}

/** The communities where they answer and reply to others most. */
export function InsightsCommunities({ insights }: { insights: MyInsights }) {
  const { t } = useI18n();
  // "3 answers · 1 reply", leaving out a kind they gave none of.
  const helpedText = (answers: number, replies: number) => {
    const answered = t('insights.communities.answers', { count: answers });
    const replied = t('insights.communities.replies', { count: replies });
    if (replies === 0) return answered;
    if (answers === 0) return replied;
    return t('insights.communities.value', { answers: answered, replies: replied });
  };
  return (
    <section className="card insights-communities">
      <BarChart
        title={t('insights.communities.title')}
        description={t('insights.communities.description')}
        labelTitle={t('insights.communities.community')}
        valueTitle={t('insights.communities.helped')}
        emptyText={t('insights.communities.empty')}
        bars={insights.communities.map((community) => ({
          key: community.id,
          label: community.name,
          value: community.answers + community.replies,
          valueText: helpedText(community.answers, community.replies),
        }))}
      />
    </section>
  );
}

const CSV_LABEL: Record<MyCsvTable, `insights.download.${MyCsvTable}`> = {
  summary: 'insights.download.summary',
  weekly: 'insights.download.weekly',
  communities: 'insights.download.communities',
};

/** Plain links to the CSV downloads of the same period. */
export function InsightsDownloads({ period }: { period: InsightsPeriod }) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <section className="card insights-downloads" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {t('insights.download.title')}
      </h2>
      <p className="muted">{t('insights.download.intro')}</p>
      <ul className="insights-download-list">
        {MY_CSV_TABLES.map((table) => (
          <li key={table}>
            <a className="button button-secondary" href={myInsightsCsvHref(period, table)} download>
              {t(CSV_LABEL[table])}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
