import type { Participation } from '@rapport/schema';
import { BarChart, isSuppressed, LineChart, LorenzChart, numberOf } from '../../components/charts';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { getParticipation } from './analytics-api';
import type { AnalyticsSelection } from './analytics-query';
import { PersonaGuide, SegmentGuide } from './PersonaGuide';
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

/** `/analytics`: how participation is spread across the chosen group. */
export function ParticipationPage() {
  const t = useT();
  usePageTitle(t('analytics.tab.participation'));
  const { selection } = useAnalyticsContext();
  const query = useReport('participation', selection, getParticipation);
  return (
    <ReportView query={query}>
      {(report) => <ParticipationReport report={report} selection={selection} />}
    </ReportView>
  );
}

function ParticipationReport({
  report,
  selection,
}: {
  report: Participation;
  selection: AnalyticsSelection;
}) {
  const t = useT();
  const f = useFormats(report.min_group_size);
  const hidden = report.min_group_size;
  const top15 = numberOf(report.top15_share);
  const weeks = report.weekly;
  const axis = f.weekAxis(weeks);
  const csv = (table: 'summary' | 'segments' | 'personas' | 'lorenz' | 'weekly', name: string) => (
    <CsvLink dashboard="participation" selection={selection} table={table} name={name} />
  );

  return (
    <div className="analytics-report">
      <ReportSection
        title={t('analytics.participation.headline')}
        download={csv('summary', t('analytics.participation.headline'))}
      >
        <Figures>
          <Figure label={t('analytics.figure.members')} value={f.count(report.members)} />
          <Figure
            label={t('analytics.figure.contributors')}
            value={f.people(report.contributors)}
            withheld={isSuppressed(report.contributors)}
          />
          <Figure
            label={t('analytics.figure.contributions')}
            value={f.count(report.contributions)}
          />
          <Figure
            label={t('analytics.figure.reactions')}
            value={f.count(report.reactions)}
            note={t('analytics.figure.reactionsNote')}
          />
          <Figure
            label={t('analytics.figure.top1')}
            value={f.shareOf(report.top1_share)}
            withheld={isSuppressed(report.top1_share)}
          />
          <Figure
            label={t('analytics.figure.top10')}
            value={f.shareOf(report.top10_share)}
            withheld={isSuppressed(report.top10_share)}
          />
          <Figure
            label={t('analytics.figure.top15')}
            value={f.shareOf(report.top15_share)}
            withheld={isSuppressed(report.top15_share)}
            tone={top15 !== null && top15 >= 0.85 ? 'warning' : undefined}
          />
          <Figure
            label={t('analytics.figure.gini')}
            value={f.gini(report.gini)}
            note={t('analytics.figure.giniNote')}
          />
        </Figures>
        <p className="analytics-callout">
          {isSuppressed(report.top15_share)
            ? t('analytics.participation.patternHidden', { count: hidden })
            : top15 === null
              ? t('analytics.participation.patternNone')
              : t('analytics.participation.pattern', { share: f.share(top15) })}{' '}
          {t('analytics.participation.patternWhy')}
        </p>
      </ReportSection>

      <div className="analytics-columns">
        <ReportSection
          title={t('analytics.participation.lorenz')}
          download={csv('lorenz', t('analytics.participation.lorenz'))}
        >
          <LorenzChart
            title={t('analytics.participation.lorenz')}
            hideTitle
            description={t('analytics.participation.lorenzHow')}
            points={report.lorenz}
            tops={top15 === null ? [] : [0.15]}
            minGroupSize={hidden}
          />
        </ReportSection>

        <ReportSection
          title={t('analytics.participation.segments')}
          download={csv('segments', t('analytics.participation.segments'))}
        >
          <BarChart
            title={t('analytics.participation.segments')}
            hideTitle
            labelTitle={t('analytics.table.segment')}
            valueTitle={t('analytics.table.people')}
            minGroupSize={hidden}
            bars={[
              {
                key: 'inactive',
                label: t('analytics.segment.inactive'),
                value: report.segments.inactive,
              },
              {
                key: 'observers',
                label: t('analytics.segment.observers'),
                value: report.segments.observers,
              },
              {
                key: 'occasional',
                label: t('analytics.segment.occasional'),
                value: report.segments.occasional,
              },
              { key: 'heavy', label: t('analytics.segment.heavy'), value: report.segments.heavy },
            ]}
          />
          <SegmentGuide thresholds={report.thresholds} />
          <Figures>
            <Figure
              label={t('analytics.figure.firstTime')}
              value={f.people(report.first_time_contributors)}
              withheld={isSuppressed(report.first_time_contributors)}
            />
            <Figure
              label={t('analytics.figure.cameBack')}
              value={f.people(report.returning_first_time_contributors)}
              withheld={isSuppressed(report.returning_first_time_contributors)}
              note={t('analytics.figure.cameBackNote')}
            />
          </Figures>
        </ReportSection>
      </div>

      <ReportSection
        title={t('analytics.participation.personas')}
        intro={t('analytics.participation.personasIntro')}
        download={csv('personas', t('analytics.participation.personas'))}
      >
        <div className="analytics-columns">
          <BarChart
            title={t('analytics.participation.personas')}
            hideTitle
            labelTitle={t('analytics.table.persona')}
            valueTitle={t('analytics.table.people')}
            minGroupSize={hidden}
            bars={(['observer', 'broadcaster', 'responder', 'catalyst', 'engager'] as const).map(
              (name) => ({
                key: name,
                label: t(`analytics.persona.${name}`),
                value: report.personas[name],
              }),
            )}
          />
          <PersonaGuide thresholds={report.thresholds} />
        </div>
      </ReportSection>

      <ReportSection
        title={t('analytics.participation.weekly')}
        download={csv('weekly', t('analytics.participation.weekly'))}
      >
        <div className="analytics-columns">
          <LineChart
            title={t('analytics.participation.weeklyPeople')}
            {...axis}
            yTitle={t('analytics.table.people')}
            minGroupSize={hidden}
            area
            series={[
              {
                key: 'active',
                label: t('analytics.series.active'),
                values: weeks.map((w) => w.active),
              },
              {
                key: 'contributors',
                label: t('analytics.series.contributors'),
                values: weeks.map((w) => w.contributors),
              },
              {
                key: 'first',
                label: t('analytics.series.firstTime'),
                values: weeks.map((w) => w.first_time_contributors),
              },
            ]}
          />
          <LineChart
            title={t('analytics.participation.weeklyContributions')}
            {...axis}
            yTitle={t('analytics.table.count')}
            minGroupSize={hidden}
            series={[
              {
                key: 'contributions',
                label: t('analytics.series.contributions'),
                values: weeks.map((w) => w.contributions),
              },
              {
                key: 'reactions',
                label: t('analytics.series.reactions'),
                values: weeks.map((w) => w.reactions),
              },
            ]}
          />
          <LineChart
            title={t('analytics.participation.weeklyTop15')}
            {...axis}
            yTitle={t('analytics.table.share')}
            minGroupSize={hidden}
            yMax={1}
            format={f.share}
            reference={{ value: 0.85, label: t('analytics.participation.usual') }}
            series={[
              {
                key: 'top15',
                label: t('analytics.series.top15'),
                values: weeks.map((w) => w.top15_share),
              },
            ]}
          />
        </div>
      </ReportSection>

      <Definitions
        title={t('analytics.definitions')}
        items={[
          { term: t('analytics.term.members'), text: t('analytics.define.members') },
          { term: t('analytics.term.contributions'), text: t('analytics.define.contributions') },
          { term: t('analytics.term.reactions'), text: t('analytics.define.reactions') },
          { term: t('analytics.term.topShare'), text: t('analytics.define.topShare') },
          { term: t('analytics.term.gini'), text: t('analytics.define.gini') },
          { term: t('analytics.term.lorenz'), text: t('analytics.define.lorenz') },
          { term: t('analytics.term.firstTime'), text: t('analytics.define.firstTime') },
          {
            term: t('analytics.term.privacy'),
            text: t('analytics.define.privacy', { count: hidden }),
          },
        ]}
      />
    </div>
  );
}
