import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { deletePage } from '../../api/pages';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorState, SuccessMessage } from '../../components/FormMessage';
import { NotFoundPage } from '../../components/NotFoundPage';
import { RelativeTime } from '../../components/RelativeTime';
import { RichText } from '../../components/RichText';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { InviteButton } from '../network/InviteButton';
import { CoAuthors } from './CoAuthors';
import { PageSkeleton } from './PageSkeletons';
import { displayName, pagePaths } from './page-paths';
import { usePage } from './use-page';

export function PageViewPage() {
  const { id = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const coAuthorsId = useId();
  const page = usePage(id);
  const [confirming, setConfirming] = useState(false);
  const [inviteNotice, setInviteNotice] = useState('');
  usePageTitle(page.data?.title);
  const remove = useMutation({
    mutationFn: () => deletePage(id),
    onSuccess: async () => {
      setConfirming(false);
      queryClient.removeQueries({ queryKey: queryKeys.page(id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.pagesAll });
      navigate(pagePaths.list(), { state: { notice: t('pages.view.deleted') } });
    },
  });

  if (page.isPending) return <PageSkeleton />;
  if (page.isError) {
    if (isApiError(page.error, 'not_found')) return <NotFoundPage />;
    return (
      <div className="page page-medium">
        <ErrorState error={page.error} onRetry={() => page.refetch()} />
      </div>
    );
  }
  const data = page.data;
  const editor = data.updated_by ? displayName(data.updated_by) : t('pages.someone');

  return (
    <div className="page page-wide-article">
      <nav className="page-breadcrumb" aria-label={t('pages.title')}>
        <Link to={pagePaths.list()}>{t('pages.view.back')}</Link>
        <span aria-hidden="true"> / </span>
        <span>{data.community ? data.community.name : t('pages.organisationWide')}</span>
      </nav>
      <div className="page-layout">
        <article className="page-article" aria-labelledby="page-title">
          <header className="page-article-header">
            <h1 id="page-title">{data.title}</h1>
            <p className="muted page-article-meta">
              {t('pages.view.lastEdited', { name: editor })} ·{' '}
              <RelativeTime iso={data.updated_at} /> ·{' '}
              <Link to={pagePaths.history(data.id)}>
                {t('pages.view.revision', { n: data.revision })}
              </Link>
            </p>
            <div className="button-row page-actions">
              {data.permissions.edit && (
                <Link to={pagePaths.edit(data.id)} className="button button-primary">
                  {t('pages.view.edit')}
                </Link>
              )}
              <Link to={pagePaths.history(data.id)} className="button button-secondary">
                {t('pages.view.history')}
              </Link>
              <InviteButton
                subject={{ kind: 'page', id: data.id, title: data.title }}
                onNotice={setInviteNotice}
              />
              {data.permissions.delete && (
                <Button variant="danger-soft" onClick={() => setConfirming(true)}>
                  {t('pages.view.delete')}
                </Button>
              )}
            </div>
          </header>
          <SuccessMessage>{inviteNotice}</SuccessMessage>
          <RichText html={data.html} className="page-body" />
        </article>
        <aside className="page-side">
          {data.co_authors.length > 0 && (
            <CoAuthors coAuthors={data.co_authors} headingId={coAuthorsId} />
          )}
          {data.created_by && (
            <p className="muted page-created">
              {t('pages.view.createdBy', { name: displayName(data.created_by) })} ·{' '}
              <RelativeTime iso={data.created_at} />
            </p>
          )}
        </aside>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('pages.view.deleteTitle')}
        confirmLabel={t('pages.view.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('pages.view.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
