import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { RelativeTime } from '../../components/RelativeTime';
import { useT } from '../../i18n/I18nProvider';
import { analyticsKeys, listUnanswered } from './analytics-api';
import type { AnalyticsSelection } from './analytics-query';
import { CsvLink, ReportSection, useFormats } from './parts';

/**
 * Questions of the period still waiting for an answer from someone other than the asker,
 * oldest first, only those the viewer may see; each links to the question.
 */
export function UnansweredQueue({
  selection,
  total,
}: {
  selection: AnalyticsSelection;
  total: number;
}) {
  const t = useT();
  const f = useFormats(0);
  const list = useInfiniteQuery({
    queryKey: analyticsKeys.unanswered(selection),
    queryFn: ({ pageParam }) => listUnanswered(selection, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <ReportSection
      title={t('analytics.unanswered.title')}
      intro={t('analytics.unanswered.intro', { count: total })}
      download={
        total > 0 && (
          <CsvLink
            dashboard="unanswered"
            selection={selection}
            table="queue"
            name={t('analytics.unanswered.title')}
          />
        )
      }
    >
      {list.isPending ? (
        <div className="analytics-queue-skeleton" aria-busy="true">
          <span className="visually-hidden" role="status">
            {t('app.loading')}
          </span>
          {[0, 1, 2].map((index) => (
            <span key={index} className="skeleton skeleton-line" aria-hidden="true" />
          ))}
        </div>
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('analytics.unanswered.empty')}>
          {t('analytics.unanswered.emptyBody')}
        </EmptyState>
      ) : (
        <>
          <ol className="analytics-queue">
            {items.map((question) => (
              <li key={question.id} className="analytics-queue-item">
                <Link to={`/statuses/${question.id}`} className="analytics-queue-link">
                  {question.excerpt || t('analytics.unanswered.untitled')}
                </Link>
                <p className="analytics-queue-meta">
                  {question.community && <span>{question.community.name}</span>}
                  <span>
                    {t('analytics.unanswered.asked')} <RelativeTime iso={question.created_at} />
                  </span>
                  <span className="analytics-queue-wait">
                    {t('analytics.unanswered.waiting', { time: f.hours(question.waiting_hours) })}
                  </span>
                </p>
              </li>
            ))}
          </ol>
          <LoadMore list={list} />
        </>
      )}
    </ReportSection>
  );
}
