import type { PageRevisionSummary } from '@rapport/schema';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { listPageRevisions } from '../../api/pages';
import { queryKeys } from '../../api/query-keys';
import { Avatar } from '../../components/Avatar';
import { Button } from '../../components/Button';
import { ErrorState } from '../../components/FormMessage';
import { NotFoundPage } from '../../components/NotFoundPage';
import { RelativeTime } from '../../components/RelativeTime';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { PageListSkeleton, PageSkeleton } from './PageSkeletons';
import { displayName, pagePaths } from './page-paths';
import { usePage } from './use-page';

/** A page's revisions, newest first; two radio columns pick what to compare. */
export function PageHistoryPage() {
  const { id = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const page = usePage(id);
  const revisions = useInfiniteQuery({
    queryKey: queryKeys.pageRevisions(id),
    queryFn: ({ pageParam }) => listPageRevisions(id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    enabled: page.isSuccess,
  });
  const items = revisions.data?.pages.flatMap((p) => p.items) ?? [];
  const current = page.data?.revision ?? 1;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const chosenTo = to ?? current;
  const chosenFrom = from ?? Math.max(1, chosenTo - 1);
  usePageTitle(page.data ? t('pages.history.title', { title: page.data.title }) : undefined);

  if (page.isPending) return <PageSkeleton />;
  if (page.isError) {
    if (isApiError(page.error, 'not_found')) return <NotFoundPage />;
    return (
      <div className="page page-medium">
        <ErrorState error={page.error} onRetry={() => page.refetch()} />
      </div>
    );
  }
  const invalid = chosenFrom >= chosenTo;
  const onCompare = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) navigate(pagePaths.diff(id, chosenFrom, chosenTo));
  };

  return (
    <div className="page page-medium">
      <nav className="page-breadcrumb" aria-label={t('pages.title')}>
        <Link to={pagePaths.list()}>{t('pages.view.back')}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={pagePaths.view(id)}>{page.data.title}</Link>
      </nav>
      <header className="page-header">
        <h1>{t('pages.history.title', { title: page.data.title })}</h1>
        <p className="muted">{t('pages.history.intro')}</p>
      </header>
      {revisions.isPending ? (
        <PageListSkeleton count={3} />
      ) : revisions.isError ? (
        <ErrorState error={revisions.error} onRetry={() => revisions.refetch()} />
      ) : (
        <form onSubmit={onCompare}>
          <ol className="revision-list">
            {items.map((revision) => (
              <RevisionRow
                key={revision.revision}
                pageId={id}
                revision={revision}
                current={revision.revision === current}
                from={chosenFrom}
                to={chosenTo}
                onFrom={setFrom}
                onTo={setTo}
              />
            ))}
          </ol>
          {revisions.hasNextPage && (
            <div className="load-more">
              <Button
                pending={revisions.isFetchingNextPage}
                onClick={() => revisions.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            </div>
          )}
          {items.length > 1 && (
            <div className="form-actions revision-compare">
              <Button type="submit" variant="primary" disabled={invalid}>
                {t('pages.history.compare')}
              </Button>
              {invalid && <p className="field-hint">{t('pages.history.pickTwo')}</p>}
            </div>
          )}
        </form>
      )}
    </div>
  );
}

function RevisionRow({
  pageId,
  revision,
  current,
  from,
  to,
  onFrom,
  onTo,
}: {
  pageId: string;
  revision: PageRevisionSummary;
  current: boolean;
  from: number;
  to: number;
  onFrom: (n: number) => void;
  onTo: (n: number) => void;
}) {
  const t = useT();
  const n = revision.revision;
  const author = revision.author ? displayName(revision.author) : t('pages.someone');
  return (
    <li className="card revision">
      <div className="revision-pick">
        <label className="revision-radio" title={t('pages.history.from', { n })}>
          <input
            type="radio"
            name="from"
            value={n}
            checked={from === n}
            onChange={() => onFrom(n)}
            aria-label={t('pages.history.from', { n })}
          />
          <span aria-hidden="true">{t('pages.history.fromShort')}</span>
        </label>
        <label className="revision-radio" title={t('pages.history.to', { n })}>
          <input
            type="radio"
            name="to"
            value={n}
            checked={to === n}
            onChange={() => onTo(n)}
            aria-label={t('pages.history.to', { n })}
          />
          <span aria-hidden="true">{t('pages.history.toShort')}</span>
        </label>
      </div>
      {revision.author ? (
        <Avatar person={revision.author} size="sm" />
      ) : (
        <span className="avatar-gap" />
      )}
      <div className="revision-text">
        <p className="revision-head">
          <strong>{t('pages.view.revision', { n })}</strong>
          {current && <span className="badge badge-success">{t('pages.history.current')}</span>}
          <span className="muted">
            {' '}
            {t('pages.history.by', { name: author })} · <RelativeTime iso={revision.created_at} />
          </span>
        </p>
        <p className={revision.summary ? 'revision-summary' : 'revision-summary muted'}>
          {revision.summary || t('pages.history.noSummary')}
        </p>
        <p className="revision-stats">
          <span aria-hidden="true">
            <span className="diff-count-added">+{revision.lines_added}</span>{' '}
            <span className="diff-count-removed">−{revision.lines_removed}</span>
          </span>
          <span className="visually-hidden">
            {t('pages.history.changesLong', {
              added: revision.lines_added,
              removed: revision.lines_removed,
            })}
          </span>
          {n > 1 && (
            <>
              {' · '}
              <Link
                to={pagePaths.diff(pageId, n - 1, n)}
                aria-label={t('pages.history.showChangesLong', { n })}
              >
                {t('pages.history.showChanges')}
              </Link>
            </>
          )}
        </p>
      </div>
    </li>
  );
}
