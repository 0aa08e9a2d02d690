import type { Silos } from '@rapport/schema';
import { Link } from 'react-router';
import { BarChart, Heatmap, isSuppressed } from '../../components/charts';
import { EmptyState } from '../../components/EmptyState';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { getSilos } from './analytics-api';
import { type AnalyticsSelection, scopeKind, selectionSearch } from './analytics-query';
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

/** `/analytics/silos`: how departments reach one another (the organisation only, admins). */
export function SilosPage() {
  const t = useT();
  usePageTitle(t('analytics.tab.silos'));
  const { selection, scopes } = useAnalyticsContext();
  const organisation = scopeKind(selection.scope) === 'organisation';
  const query = useReport('silos', selection, getSilos, organisation && scopes.organisation);
  if (!organisation || !scopes.organisation) {
    return (
      <EmptyState title={t('analytics.silos.organisationOnly')}>
        {scopes.organisation && (
          <Link
            to={{
              pathname: '/analytics/silos',
              search: selectionSearch('organisation', selection.weeks),
            }}
          >
            {t('analytics.silos.openOrganisation')}
          </Link>
        )}
      </EmptyState>
    );
  }
  return (
    <ReportView query={query}>
      {(report) => <SilosReport report={report} selection={selection} />}
    </ReportView>
  );
}

function SilosReport({ report, selection }: { report: Silos; selection: AnalyticsSelection }) {
  const t = useT();
  const f = useFormats(report.min_group_size);
  const names = report.departments.map((department) => department.name);
  const isolated = report.departments.filter((department) => department.isolated);
  const csv = (table: 'matrix' | 'departments', name: string) => (
    <CsvLink dashboard="silos" selection={selection} table={table} name={name} />
  );

  return (
    <div className="analytics-report">
      <ReportSection title={t('analytics.silos.headline')} intro={t('analytics.silos.intro')}>
        <Figures>
          <Figure
            label={t('analytics.figure.interactions')}
            value={f.count(report.total_interactions)}
          />
          <Figure
            label={t('analytics.figure.crossShare')}
            value={f.shareOf(report.cross_department_share)}
            withheld={isSuppressed(report.cross_department_share)}
            note={t('analytics.figure.crossShareNote')}
          />
          <Figure
            label={t('analytics.figure.reciprocity')}
            value={f.shareOf(report.reciprocity)}
            withheld={isSuppressed(report.reciprocity)}
            note={t('analytics.figure.reciprocityNote')}
          />
          <Figure
            label={t('analytics.figure.isolated')}
            value={f.count(isolated.length)}
            tone={isolated.length > 0 ? 'warning' : undefined}
          />
        </Figures>
        {isolated.length > 0 && (
          <div className="analytics-callout analytics-callout-warning" role="note">
            <p className="analytics-callout-title">{t('analytics.silos.isolatedTitle')}</p>
            <ul>
              {isolated.map((department) => (
                <li key={department.name}>
                  {t('analytics.silos.isolatedLine', {
                    name: department.name,
                    share: f.shareOf(department.cross_share),
                    threshold: f.share(report.isolated_threshold),
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </ReportSection>

      <ReportSection
        title={t('analytics.silos.matrix')}
        intro={t('analytics.silos.matrixIntro')}
        download={csv('matrix', t('analytics.silos.matrix'))}
      >
        {names.length === 0 ? (
          <EmptyState title={t('analytics.silos.empty')}>
            {t('analytics.silos.emptyBody')}
          </EmptyState>
        ) : (
          <Heatmap
            title={t('analytics.silos.matrix')}
            hideTitle
            labels={names}
            matrix={report.matrix}
            rowTitle={t('analytics.silos.from')}
            columnTitle={t('analytics.silos.to')}
            highlightRows={report.departments.flatMap((department, index) =>
              department.isolated ? [index] : [],
            )}
            minGroupSize={report.min_group_size}
          />
        )}
      </ReportSection>

      <ReportSection
        title={t('analytics.silos.cross')}
        intro={t('analytics.silos.crossIntro', { threshold: f.share(report.isolated_threshold) })}
        download={csv('departments', t('analytics.silos.cross'))}
      >
        <BarChart
          title={t('analytics.silos.cross')}
          hideTitle
          labelTitle={t('analytics.table.department')}
          valueTitle={t('analytics.table.crossShare')}
          max={1}
          format={f.share}
          marker={{ value: report.isolated_threshold, label: t('analytics.silos.thresholdMark') }}
          minGroupSize={report.min_group_size}
          bars={report.departments.map((department) => ({
            key: department.name,
            label: t('analytics.silos.departmentLabel', {
              name: department.name,
              count: department.members,
            }),
            value: department.cross_share,
            highlight: department.isolated,
          }))}
        />
      </ReportSection>

      <Definitions
        title={t('analytics.definitions')}
        items={[
          { term: t('analytics.term.interaction'), text: t('analytics.define.interaction') },
          { term: t('analytics.term.crossShare'), text: t('analytics.define.crossShare') },
          { term: t('analytics.term.reciprocity'), text: t('analytics.define.reciprocity') },
          {
            term: t('analytics.term.isolated'),
            text: t('analytics.define.isolated', { threshold: f.share(report.isolated_threshold) }),
          },
          {
            term: t('analytics.term.other'),
            text: t('analytics.define.other', { count: report.min_group_size }),
          },
        ]}
      />
    </div>
  );
}
