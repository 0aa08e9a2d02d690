import type { Responsiveness } from '@rapport/schema';
import { BarChart, LineChart } from '../../components/charts';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { getResponsiveness } from './analytics-api';
import { type AnalyticsSelection, maySetTarget } from './analytics-query';
import {
  CsvLink,
  Definitions,
  Figure,
  Figures,
  ReportSection,
  ReportView,
  useAnalyticsContext,
  useFormats,
  useReport,
} from './parts';
import { TargetForm } from './TargetForm';
import { UnansweredQueue } from './UnansweredQueue';

/** `/analytics/responsiveness`: how quickly questions are answered, against the target. */
export function ResponsivenessPage() {
  const t = useT();
  usePageTitle(t('analytics.tab.responsiveness'));
  const { selection, scopes, isAdmin } = useAnalyticsContext();
  const query = useReport('responsiveness', selection, getResponsiveness);
  return (
    <ReportView query={query}>
      {(report) => (
        <ResponsivenessReport
          report={report}
          selection={selection}
          maySet={maySetTarget(selection.scope, isAdmin, scopes)}
        />
      )}
    </ReportView>
  );
}

function ResponsivenessReport({
  report,
  selection,
  maySet,
}: {
  report: Responsiveness;
  selection: AnalyticsSelection;
  maySet: boolean;
}) {
  const t = useT();
  const f = useFormats(report.min_group_size);
  const { target } = report;
  const hours = target.answer_within_hours;
  const actual = report.within_target_share;
  const weeks = report.weekly;
  const axis = f.weekAxis(weeks);
  const gap = actual === null ? null : Math.round((actual - target.answered_share) * 100);
  const csv = (table: 'summary' | 'weekly', name: string) => (
    <CsvLink dashboard="responsiveness" selection={selection} table={table} name={name} />
  );

  return (
    <div className="analytics-report">
      <ReportSection
        title={t('analytics.responsiveness.headline')}
        download={csv('summary', t('analytics.responsiveness.headline'))}
      >
        <Figures>
          <Figure label={t('analytics.figure.asked')} value={f.count(report.questions_asked)} />
          <Figure label={t('analytics.figure.answered')} value={f.count(report.answered)} />
          <Figure label={t('analytics.figure.accepted')} value={f.count(report.accepted)} />
          <Figure
            label={t('analytics.figure.unanswered')}
            value={f.count(report.unanswered)}
            tone={report.unanswered > 0 ? 'warning' : undefined}
          />
          <Figure
            label={t('analytics.figure.median')}
            value={f.hours(report.median_hours_to_first_answer)}
          />
          <Figure
            label={t('analytics.figure.p90')}
            value={f.hours(report.p90_hours_to_first_answer)}
            note={t('analytics.figure.p90Note')}
          />
        </Figures>
      </ReportSection>

      <ReportSection
        title={t('analytics.responsiveness.target')}
        intro={
          actual === null
            ? t('analytics.responsiveness.targetNone')
            : gap !== null && gap >= 0
              ? t('analytics.responsiveness.targetMet', {
                  actual: f.share(actual),
                  hours: f.hours(hours),
                  target: f.share(target.answered_share),
                })
              : t('analytics.responsiveness.targetMissed', {
                  actual: f.share(actual),
                  hours: f.hours(hours),
                  target: f.share(target.answered_share),
                  points: Math.abs(gap ?? 0),
                })
        }
      >
        <div className="analytics-columns">
          <BarChart
            title={t('analytics.responsiveness.targetChart', { hours: f.hours(hours) })}
            labelTitle={t('analytics.table.measure')}
            valueTitle={t('analytics.table.share')}
            max={1}
            format={f.share}
            marker={{
              value: target.answered_share,
              label: t('analytics.responsiveness.targetMark'),
            }}
            bars={[
              {
                key: 'actual',
                label: t('analytics.responsiveness.actualBar', { hours: f.hours(hours) }),
                value: actual,
                highlight: gap !== null && gap < 0,
              },
              {
                key: 'target',
                label: t('analytics.responsiveness.targetBar'),
                value: target.answered_share,
                tone: 'reference',
              },
            ]}
          />
          <div>
            <p className="muted small analytics-target-source">
              {t(`analytics.target.source.${target.source}`)}
            </p>
            {maySet && <TargetForm scope={selection.scope} target={target} />}
          </div>
        </div>
      </ReportSection>

      <ReportSection
        title={t('analytics.responsiveness.weekly')}
        download={csv('weekly', t('analytics.responsiveness.weekly'))}
      >
        <div className="analytics-columns">
          <LineChart
            title={t('analytics.responsiveness.weeklyQuestions')}
            {...axis}
            yTitle={t('analytics.table.questions')}
            area
            series={[
              {
                key: 'asked',
                label: t('analytics.series.asked'),
                values: weeks.map((w) => w.asked),
              },
              {
                key: 'answered',
                label: t('analytics.series.answered'),
                values: weeks.map((w) => w.answered),
              },
            ]}
          />
          <LineChart
            title={t('analytics.responsiveness.weeklyWithin', { hours: f.hours(hours) })}
            {...axis}
            yTitle={t('analytics.table.share')}
            yMax={1}
            format={f.share}
            reference={{
              value: target.answered_share,
              label: t('analytics.responsiveness.targetMark'),
            }}
            series={[
              {
                key: 'within',
                label: t('analytics.series.withinTarget'),
                values: weeks.map((w) => w.within_target_share),
              },
            ]}
          />
          <LineChart
            title={t('analytics.responsiveness.weeklyMedian')}
            {...axis}
            yTitle={t('analytics.table.hours')}
            fractional
            yAtLeast={1}
            format={f.hoursShort}
            series={[
              {
                key: 'median',
                label: t('analytics.series.median'),
                values: weeks.map((w) => w.median_hours),
              },
            ]}
          />
        </div>
      </ReportSection>

      <UnansweredQueue selection={selection} total={report.unanswered} />

      <Definitions
        title={t('analytics.definitions')}
        items={[
          { term: t('analytics.term.asked'), text: t('analytics.define.asked') },
          { term: t('analytics.term.firstAnswer'), text: t('analytics.define.firstAnswer') },
          { term: t('analytics.term.median'), text: t('analytics.define.median') },
          { term: t('analytics.term.target'), text: t('analytics.define.target') },
          { term: t('analytics.term.unanswered'), text: t('analytics.define.unanswered') },
        ]}
      />
    </div>
  );
}
