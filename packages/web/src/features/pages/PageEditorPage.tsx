import type { Page } from '@rapport/schema';
import { PAGE_LIMITS } from '@rapport/schema/limits';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { createPage, getPage, getPagePlaces, updatePage } from '../../api/pages';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { ErrorMessage, ErrorState } from '../../components/FormMessage';
import { NotFoundPage } from '../../components/NotFoundPage';
import { useFieldErrors } from '../../components/use-field-errors';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { ConflictPanel } from './ConflictPanel';
import { MarkdownEditor } from './MarkdownEditor';
import { PageSkeleton } from './PageSkeletons';
import { pagePaths } from './page-paths';
import { usePage } from './use-page';

/** /pages/new */
export function NewPageRoute() {
  const [params] = useSearchParams();
  return <PageEditor page={null} initialCommunityId={params.get('community_id') ?? ''} />;
}

/** /pages/:id/edit: the form starts from the page as loaded, and saves against that revision. */
export function EditPageRoute() {
  const { id = '' } = useParams();
  const page = usePage(id);
  if (page.isPending) return <PageSkeleton />;
  if (page.isError) {
    if (isApiError(page.error, 'not_found')) return <NotFoundPage />;
    return (
      <div className="page page-medium">
        <ErrorState error={page.error} onRetry={() => page.refetch()} />
      </div>
    );
  }
  return <PageEditor key={page.data.id} page={page.data} initialCommunityId="" />;
}

function PageEditor({
  page,
  initialCommunityId,
}: {
  page: Page | null;
  initialCommunityId: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState(page?.title ?? '');
  const [body, setBody] = useState(page?.body ?? '');
  const [summary, setSummary] = useState('');
  const [place, setPlace] = useState(initialCommunityId);
  const [baseRevision, setBaseRevision] = useState(page?.revision ?? 1);
  const [theirs, setTheirs] = useState<Page | null>(null);
  const places = useQuery({
    queryKey: queryKeys.pagePlaces,
    queryFn: getPagePlaces,
    enabled: page === null,
  });
  usePageTitle(
    page ? t('pages.editor.editTitle', { title: page.title }) : t('pages.editor.newTitle'),
  );

  const save = useMutation({
    mutationFn: (base: number) => {
      const fields = { title, body, ...(summary.trim() ? { summary } : {}) };
      if (page) return updatePage(page.id, { ...fields, base_revision: base });
      const communityId =
        place || (places.data?.organisation ? '' : places.data?.communities[0]?.id);
      return createPage({ ...fields, ...(communityId ? { community_id: communityId } : {}) });
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKeys.page(saved.id), saved);
      await queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === 'pages' && query.queryKey[1] !== 'one',
      });
      navigate(pagePaths.view(saved.id));
    },
    onError: async (error) => {
      if (!page || !isApiError(error, 'conflict')) return;
      // A colleague saved first: show their version; the editor keeps this person's text.
      const current = await getPage(page.id).catch(() => null);
      if (current) {
        setTheirs(current);
        queryClient.setQueryData(queryKeys.page(page.id), current);
      }
    },
  });
  const fieldError = useFieldErrors(save.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(baseRevision);
  };
  const keepMine = () => {
    if (!theirs) return;
    setBaseRevision(theirs.revision);
    save.mutate(theirs.revision);
  };

  if (page === null && places.isPending) return <PageSkeleton />;
  const noPlace =
    page === null &&
    places.data &&
    !places.data.organisation &&
    places.data.communities.length === 0;
  const placeOptions = [
    ...(places.data?.organisation ? [{ value: '', label: t('pages.place.organisation') }] : []),
    ...(places.data?.communities ?? []).map((community) => ({
      value: community.id,
      label: community.name,
    })),
  ];
  const conflict = isApiError(save.error, 'conflict') && theirs !== null;

  return (
    <div className="page page-medium">
      <header className="page-header">
        <h1>
          {page ? t('pages.editor.editTitle', { title: page.title }) : t('pages.editor.newTitle')}
        </h1>
        {page && <p className="muted">{t('pages.editor.basedOn', { n: baseRevision })}</p>}
      </header>
      {conflict && theirs && (
        <ConflictPanel theirs={theirs} saving={save.isPending} onKeepMine={keepMine} />
      )}
      {noPlace ? (
        <p className="message message-info">{t('pages.editor.noPlace')}</p>
      ) : (
        <form ref={formRef} className="form page-form" onSubmit={onSubmit} noValidate>
          {!conflict && (
            <ErrorMessage error={save.error} shownFields={['title', 'body', 'summary']} />
          )}
          <TextField
            label={t('pages.editor.title')}
            value={title}
            onValueChange={setTitle}
            maxLength={PAGE_LIMITS.title}
            required
            error={fieldError('title', t('pages.editor.title'))}
          />
          {page === null && placeOptions.length > 0 && (
            <SelectField
              label={t('pages.editor.place')}
              hint={t('pages.editor.placeHint')}
              value={place}
              onValueChange={setPlace}
              options={placeOptions}
              error={fieldError('community_id', t('pages.editor.place'))}
            />
          )}
          <MarkdownEditor
            label={t('pages.editor.body')}
            hint={t('pages.editor.bodyHint')}
            value={body}
            onChange={setBody}
            maxLength={PAGE_LIMITS.body}
            error={fieldError('body', t('pages.editor.body'))}
          />
          <TextField
            label={t('pages.editor.summary')}
            hint={t('pages.editor.summaryHint')}
            optional
            value={summary}
            onValueChange={setSummary}
            maxLength={PAGE_LIMITS.summary}
            error={fieldError('summary', t('pages.editor.summary'))}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" pending={save.isPending && !conflict}>
              {page ? t('pages.editor.save') : t('pages.editor.create')}
            </Button>
            <Link
              to={page ? pagePaths.view(page.id) : pagePaths.list()}
              className="button button-ghost"
            >
              {t('pages.editor.cancel')}
            </Link>
          </div>
        </form>
      )}
    </div>
  );
}
