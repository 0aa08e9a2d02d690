import type { PageDiff } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { getPageDiff } from '../../api/pages';
import { queryKeys } from '../../api/query-keys';
import { Avatar } from '../../components/Avatar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { NotFoundPage } from '../../components/NotFoundPage';
import { RelativeTime } from '../../components/RelativeTime';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { DiffView } from './DiffView';
import { PageSkeleton } from './PageSkeletons';
import { displayName, pagePaths } from './page-paths';
import { usePage } from './use-page';

const revisionParam = (value: string | null) =>
  value && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : undefined;

/** /pages/:id/diff?from=&to= */
export function PageDiffPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const t = useT();
  const from = revisionParam(params.get('from'));
  const to = revisionParam(params.get('to'));
  const page = usePage(id);
  const diff = useQuery({
    queryKey: queryKeys.pageDiff(id, from, to),
    queryFn: () => getPageDiff(id, from, to),
    retry: (count, error) => !isApiError(error, 'not_found') && count < 2,
  });
  const title = page.data?.title ?? '';
  usePageTitle(page.data ? t('pages.diff.title', { title }) : undefined);

  if (diff.isPending || page.isPending) return <PageSkeleton />;
  if (diff.isError || page.isError) {
    const error = diff.error ?? page.error;
    if (isApiError(error, 'not_found')) return <NotFoundPage />;
    return (
      <div className="page page-medium">
        <ErrorState error={error} onRetry={() => diff.refetch()} />
      </div>
    );
  }
  const data = diff.data;
  const current = page.data.revision;
  const step = data.to.revision - data.from.revision === 1;

  return (
    <div className="page page-medium">
      <nav className="page-breadcrumb" aria-label={t('pages.title')}>
        <Link to={pagePaths.list()}>{t('pages.view.back')}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={pagePaths.view(id)}>{title}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={pagePaths.history(id)}>{t('pages.view.history')}</Link>
      </nav>
      <header className="page-header">
        <h1>{t('pages.diff.title', { title })}</h1>
        <p className="muted">
          {t('pages.diff.between', { from: data.from.revision, to: data.to.revision })}
        </p>
      </header>
      <div className="diff-sides">
        <Side label={t('pages.history.fromShort')} side={data.from} kind="removed" />
        <Side label={t('pages.history.toShort')} side={data.to} kind="added" />
      </div>
      {data.title.changed && (
        <p className="message message-info">
          {t('pages.diff.titleChanged', { from: data.title.from, to: data.title.to })}
        </p>
      )}
      <p className="diff-stats">
        <span className="diff-count-added">+{data.lines_added}</span>{' '}
        <span className="diff-count-removed">−{data.lines_removed}</span>{' '}
        <span className="muted">
          ({t('pages.diff.stats', { added: data.lines_added, removed: data.lines_removed })})
        </span>
      </p>
      <p className="field-hint">{t('pages.diff.legend')}</p>
      {data.hunks.length === 0 ? (
        <EmptyState title={t('pages.diff.none')} />
      ) : (
        <DiffView hunks={data.hunks} />
      )}
      <div className="button-row diff-nav">
        {step && data.from.revision > 1 && (
          <Link
            className="button button-secondary"
            to={pagePaths.diff(id, data.from.revision - 1, data.from.revision)}
          >
            {t('pages.diff.previous')}
          </Link>
        )}
        {step && data.to.revision < current && (
          <Link
            className="button button-secondary"
            to={pagePaths.diff(id, data.to.revision, data.to.revision + 1)}
          >
            {t('pages.diff.next')}
          </Link>
        )}
        <Link className="button button-ghost" to={pagePaths.history(id)}>
          {t('pages.diff.backToHistory')}
        </Link>
      </div>
    </div>
  );
}

function Side({
  label,
  side,
  kind,
}: {
  label: string;
  side: PageDiff['from'];
  kind: 'added' | 'removed';
}) {
  const t = useT();
  return (
    <div className={`card diff-side diff-side-${kind}`}>
      <p className="diff-side-label">
        <span aria-hidden="true">{kind === 'added' ? '+ ' : '− '}</span>
        {label}: {t('pages.view.revision', { n: side.revision })}
      </p>
      <p className="diff-side-who">
        {side.author && <Avatar person={side.author} size="xs" />}
        <span>
          {side.author ? displayName(side.author) : t('pages.someone')} ·{' '}
          <RelativeTime iso={side.created_at} />
        </span>
      </p>
      {side.summary && <p className="diff-side-summary">{side.summary}</p>}
    </div>
  );
}
