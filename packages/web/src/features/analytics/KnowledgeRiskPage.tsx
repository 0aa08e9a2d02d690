import type { KnowledgeRisk, KnowledgeTopic } from '@rapport/schema';
import { Link } from 'react-router';
import { BarChart } from '../../components/charts';
import { EmptyState } from '../../components/EmptyState';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { getKnowledgeRisk } from './analytics-api';
import type { AnalyticsSelection } from './analytics-query';
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

/** `/analytics/knowledge-risk`: topics whose answers and pages depend on one or two people. */
export function KnowledgeRiskPage() {
  const t = useT();
  usePageTitle(t('analytics.tab.knowledgeRisk'));
  const { selection } = useAnalyticsContext();
  const query = useReport('knowledge_risk', selection, getKnowledgeRisk);
  return (
    <ReportView query={query}>
      {(report) => <KnowledgeRiskReport report={report} selection={selection} />}
    </ReportView>
  );
}

function KnowledgeRiskReport({
  report,
  selection,
}: {
  report: KnowledgeRisk;
  selection: AnalyticsSelection;
}) {
  const t = useT();
  const f = useFormats(report.min_group_size);
  const atRisk = report.topics.filter((topic) => topic.at_risk);
  return (
    <div className="analytics-report">
      <ReportSection
        title={t('analytics.knowledge.headline')}
        intro={t('analytics.knowledge.intro')}
      >
        <Figures>
          <Figure label={t('analytics.figure.topics')} value={f.count(report.topics.length)} />
          <Figure
            label={t('analytics.figure.atRisk')}
            value={f.count(atRisk.length)}
            tone={atRisk.length > 0 ? 'warning' : undefined}
          />
          <Figure
            label={t('analytics.figure.hiddenTopics')}
            value={f.count(report.hidden_topics)}
            note={t('analytics.figure.hiddenTopicsNote', { count: report.min_group_size })}
          />
        </Figures>
      </ReportSection>

      {atRisk.length > 0 && (
        <ReportSection
          title={t('analytics.knowledge.demand')}
          intro={t('analytics.knowledge.demandIntro')}
        >
          <BarChart
            title={t('analytics.knowledge.demand')}
            hideTitle
            labelTitle={t('analytics.table.topic')}
            valueTitle={t('analytics.table.questionsAsked')}
            minGroupSize={report.min_group_size}
            bars={atRisk.slice(0, 8).map((topic) => ({
              key: `${topic.kind}:${topic.key}`,
              label: t('analytics.knowledge.barLabel', {
                name: topic.name,
                count: topic.bus_factor,
              }),
              value: topic.questions_asked,
              highlight: topic.bus_factor === 1,
            }))}
          />
        </ReportSection>
      )}

      <ReportSection
        title={t('analytics.knowledge.topics')}
        download={
          <CsvLink
            dashboard="knowledge_risk"
            selection={selection}
            table="topics"
            name={t('analytics.knowledge.topics')}
          />
        }
      >
        {report.topics.length === 0 ? (
          <EmptyState title={t('analytics.knowledge.empty')}>
            {t('analytics.knowledge.emptyBody')}
          </EmptyState>
        ) : (
          <TopicsTable topics={report.topics} />
        )}
      </ReportSection>

      <Definitions
        title={t('analytics.definitions')}
        items={[
          { term: t('analytics.term.topic'), text: t('analytics.define.topic') },
          { term: t('analytics.term.busFactor'), text: t('analytics.define.busFactor') },
          { term: t('analytics.term.demand'), text: t('analytics.define.demand') },
          { term: t('analytics.term.atRisk'), text: t('analytics.define.atRisk') },
          {
            term: t('analytics.term.hiddenTopics'),
            text: t('analytics.define.hiddenTopics', { count: report.min_group_size }),
          },
        ]}
      />
    </div>
  );
}

/** Every topic with its figures; on a phone each row becomes a card. */
function TopicsTable({ topics }: { topics: readonly KnowledgeTopic[] }) {
  const t = useT();
  const columns = {
    bus: t('analytics.table.busFactor'),
    contributors: t('analytics.table.contributors'),
    answers: t('analytics.table.answers'),
    pages: t('analytics.table.pages'),
    asked: t('analytics.table.questionsAsked'),
    unanswered: t('analytics.table.unanswered'),
    listed: t('analytics.table.listedBy'),
    remedy: t('analytics.table.remedy'),
  };
  return (
    <div className="table-wrap analytics-table-wrap">
      <table className="table responsive-table analytics-table">
        <thead>
          <tr>
            <th scope="col">{t('analytics.table.topic')}</th>
            {Object.entries(columns).map(([key, label]) => (
              <th
                key={key}
                scope="col"
                className={key === 'remedy' ? undefined : 'analytics-number'}
              >
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => (
            <tr
              key={`${topic.kind}:${topic.key}`}
              className={topic.at_risk ? 'analytics-at-risk' : undefined}
            >
              <td>
                <div className="cell-stack">
                  <TopicLink topic={topic} />
                  <span className="analytics-topic-tags">
                    <span className="badge">{t(`analytics.topicKind.${topic.kind}`)}</span>
                    {topic.at_risk && (
                      <span className="badge badge-danger">{t('analytics.knowledge.atRisk')}</span>
                    )}
                  </span>
                </div>
              </td>
              <td data-label={columns.bus} className="analytics-number">
                <strong>{topic.bus_factor}</strong>
              </td>
              <td data-label={columns.contributors} className="analytics-number">
                {topic.contributors}
              </td>
              <td data-label={columns.answers} className="analytics-number">
                {topic.answers}
              </td>
              <td data-label={columns.pages} className="analytics-number">
                {topic.pages}
              </td>
              <td data-label={columns.asked} className="analytics-number">
                {topic.questions_asked}
              </td>
              <td data-label={columns.unanswered} className="analytics-number">
                {topic.unanswered}
              </td>
              <td data-label={columns.listed} className="analytics-number">
                {topic.listed_by}
              </td>
              <td data-label={columns.remedy}>
                {topic.remedies.length === 0 ? (
                  <span className="muted">{t('analytics.remedy.none')}</span>
                ) : (
                  <ul className="analytics-remedies">
                    {topic.remedies.map((remedy) => (
                      <li key={remedy}>{t(`analytics.remedy.${remedy}`)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The topic's page in the app. The server writes absolute addresses with its public URL,
 * which may differ from the one in the address bar: only the path is followed.
 */
function TopicLink({ topic }: { topic: KnowledgeTopic }) {
  const name = topic.kind === 'hashtag' ? `#${topic.name.replace(/^#/, '')}` : topic.name;
  let to = topic.url;
  try {
    const url = new URL(topic.url, 'http://localhost');
    to = `${url.pathname}${url.search}`;
  } catch {
    // Not an address: shown as a link to nowhere better than none.
  }
  return (
    <Link to={to} className="analytics-topic-name">
      {name}
    </Link>
  );
}
