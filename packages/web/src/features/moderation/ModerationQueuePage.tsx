import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { listReports, type ReportQueueState } from '../../api/moderation';
import { queryKeys } from '../../api/query-keys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { ShieldIcon } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { FlagIcon } from './icons';
import { ReportCard } from './ReportCard';

const STATES: readonly ReportQueueState[] = ['open', 'resolved'];

/** Grey cards in the shape of reports, while the queue loads. */
function QueueSkeleton() {
  const t = useT();
  return (
    <div className="stack" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('app.loading')}
      </span>
      {[0, 1, 2].map((index) => (
        <div className="card report-card skeleton-card" key={index} aria-hidden="true">
          <div className="report-card-head">
            <span className="skeleton skeleton-avatar" />
            <span className="skeleton-lines">
              <span className="skeleton skeleton-line" />
              <span className="skeleton skeleton-line short" />
            </span>
          </div>
          <span className="skeleton skeleton-line" />
        </div>
      ))}
    </div>
  );
}

/** For someone who moderates nothing (the API's 403): what the page is for, not an error. */
function NothingToModerate() {
  const t = useT();
  return (
    <div className="page page-narrow">
      <div className="card moderation-explainer">
        <span className="moderation-explainer-icon">
          <ShieldIcon size={28} />
        </span>
        <h1>{t('moderation.queue.nothingTitle')}</h1>
        <p>{t('moderation.queue.nothingBody')}</p>
        <p className="muted">{t('moderation.queue.nothingHint')}</p>
        <Link className="button button-secondary" to="/">
          {t('moderation.queue.home')}
        </Link>
      </div>
    </div>
  );
}

/** The moderation queue: open reports to work on, and resolved ones for the record. */
export function ModerationQueuePage() {
  const t = useT();
  const me = useCurrentAccount();
  const [params] = useSearchParams();
  const state: ReportQueueState = params.get('state') === 'resolved' ? 'resolved' : 'open';
  usePageTitle(t('moderation.queue.title'));
  const reports = useInfiniteQuery({
    queryKey: queryKeys.reports(state),
    queryFn: ({ pageParam }) => listReports(state, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });

  if (isApiError(reports.error, 'forbidden')) return <NothingToModerate />;
  const items = reports.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page page-medium">
      <header className="page-header">
        <h1>{t('moderation.queue.title')}</h1>
        <p className="muted">
          {me.rapport_role === 'admin'
            ? t('moderation.queue.introAdmin')
            : t('moderation.queue.introModerator')}
        </p>
      </header>
      <nav className="tabs" aria-label={t('moderation.queue.tabs')}>
        {STATES.map((each) => (
          <Link
            key={each}
            to={each === 'open' ? '/moderation' : '/moderation?state=resolved'}
            className={each === state ? 'tab tab-active' : 'tab'}
            aria-current={each === state ? 'page' : undefined}
          >
            {each === 'open' ? t('moderation.queue.open') : t('moderation.queue.resolved')}
          </Link>
        ))}
      </nav>
      {reports.isPending ? (
        <QueueSkeleton />
      ) : !reports.data ? (
        <ErrorState error={reports.error} onRetry={() => reports.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<FlagIcon size={28} />}
          title={
            state === 'open' ? t('moderation.queue.emptyOpen') : t('moderation.queue.emptyResolved')
          }
        >
          <p>
            {state === 'open'
              ? t('moderation.queue.emptyOpenHint')
              : t('moderation.queue.emptyResolvedHint')}
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className="report-list" aria-label={t('moderation.queue.list')}>
            {items.map((report) => (
              <ReportCard key={report.id} report={report} />
            ))}
          </ul>
          <LoadMore list={reports} />
        </>
      )}
    </div>
  );
}
