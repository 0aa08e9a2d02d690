import type { CommunityFile } from '@rapport/schema';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { Avatar } from '../../components/Avatar';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, SuccessMessage } from '../../components/FormMessage';
import { RelativeTime } from '../../components/RelativeTime';
import { usePageTitle } from '../../components/use-page-title';
import { useI18n } from '../../i18n/I18nProvider';
import { FileIcon } from './FileIcon';
import { KIND_LABELS } from './FileRow';
import { formatSize, kindOf } from './file-format';
import {
  deleteFile,
  fileKeys,
  getFile,
  getLibrary,
  listVersions,
  localPath,
  uploadVersion,
} from './files-api';
import { UploadControl } from './UploadControl';

/** A file's page: what it is, its versions (each downloadable), a new version, deleting it. */
export function FileDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const file = useQuery({ queryKey: fileKeys.file(id), queryFn: () => getFile(id) });
  usePageTitle(file.data?.name ?? t('files.title'));

  if (file.isPending) {
    return (
      <div className="page page-medium" aria-busy="true">
        <span className="visually-hidden" role="status">
          {t('app.loading')}
        </span>
        <span className="skeleton skeleton-line" />
      </div>
    );
  }
  if (!file.data) {
    return (
      <div className="page page-medium">
        {isApiError(file.error, 'not_found') ? (
          <>
            <h1 className="visually-hidden">{t('files.detail.notFound')}</h1>
            <EmptyState title={t('files.detail.notFound')}>
              <p>{t('files.detail.notFoundHint')}</p>
            </EmptyState>
          </>
        ) : (
          <ErrorState error={file.error} onRetry={() => file.refetch()} />
        )}
      </div>
    );
  }
  return <FileDetail file={file.data} />;
}

function FileDetail({ file }: { file: CommunityFile }) {
  const { t, locale, formatDateTime } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState(false);
  const communityId = file.community.id;
  const library = useQuery({
    queryKey: fileKeys.library(communityId),
    queryFn: () => getLibrary(communityId),
    enabled: file.can_add_version,
  });
  const versions = useInfiniteQuery({
    queryKey: fileKeys.versions(file.id),
    queryFn: ({ pageParam }) => listVersions(file.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  const remove = useMutation({
    mutationFn: () => deleteFile(file.id),
    onSuccess: () => {
      setConfirming(false);
      queryClient.removeQueries({ queryKey: fileKeys.file(file.id) });
      void queryClient.invalidateQueries({ queryKey: fileKeys.list(communityId) });
      void queryClient.invalidateQueries({ queryKey: fileKeys.library(communityId) });
      navigate(`/communities/${communityId}/files`, {
        state: { notice: t('files.detail.deleted', { name: file.name }) },
      });
    },
  });

  const kind = kindOf(file.mime);
  const owner = file.uploaded_by;
  const items = versions.data?.pages.flatMap((page) => page.items) ?? [];
  const extension = file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase();
  const limits = library.data && {
    // A new version keeps the file's name, so it must be the same type: same extension, or
    // any text type for a text file (the server decides from the bytes).
    accepted:
      kind === 'text' || file.mime === 'text/csv'
        ? ['txt', 'csv', 'md']
        : library.data.accepted_extensions.filter(
            (candidate) =>
              candidate === extension ||
              (['jpg', 'jpeg'].includes(candidate) && ['jpg', 'jpeg'].includes(extension)),
          ),
    maxBytes: library.data.max_file_bytes,
    leftBytes: Math.max(0, library.data.quota_bytes - library.data.used_bytes),
  };

  return (
    <div className="page page-medium file-detail">
      <header className="page-header">
        <p className="files-crumb">
          <Link to={`/communities/${communityId}/files`}>
            {t('files.backToFiles', { community: file.community.name })}
          </Link>
        </p>
        <div className="file-detail-title">
          <FileIcon kind={kind} size={48} />
          <h1>{file.name}</h1>
        </div>
        <div className="file-detail-actions">
          <a
            className="button button-primary"
            href={localPath(file.download_url)}
            download={file.name}
          >
            {t('files.detail.download')}
          </a>
          {file.can_delete && (
            <Button variant="danger-soft" onClick={() => setConfirming(true)}>
              {t('files.detail.delete')}
            </Button>
          )}
        </div>
      </header>
      <SuccessMessage>{notice}</SuccessMessage>

      <section className="card file-about" aria-labelledby="file-about-title">
        <h2 id="file-about-title" className="card-title">
          {t('files.detail.about')}
        </h2>
        <p className={file.description ? 'file-description' : 'file-description muted'}>
          {file.description || t('files.detail.noDescription')}
        </p>
        <dl className="file-facts">
          <div>
            <dt>{t('files.detail.type')}</dt>
            <dd>{t(KIND_LABELS[kind] as 'files.kind.pdf')}</dd>
          </div>
          <div>
            <dt>{t('files.detail.size')}</dt>
            <dd>{formatSize(file.size, locale)}</dd>
          </div>
          <div>
            <dt>{t('files.detail.owner')}</dt>
            <dd className="file-owner">
              <Avatar person={owner} size="xs" />
              <Link to={`/@${owner.username}`}>{owner.display_name || owner.username}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('files.detail.updated')}</dt>
            <dd>{formatDateTime(file.updated_at)}</dd>
          </div>
        </dl>
      </section>

      <section className="section" aria-labelledby="file-versions-title">
        <h2 id="file-versions-title" className="section-title">
          {t('files.detail.versions')}
        </h2>
        {versions.isPending ? (
          <p className="muted" aria-busy="true">
            {t('app.loading')}
          </p>
        ) : !versions.data ? (
          <ErrorState error={versions.error} onRetry={() => versions.refetch()} />
        ) : (
          <ol className="file-versions">
            {items.map((version) => (
              <li key={version.id} className="file-version">
                <div className="file-version-text">
                  <p className="file-version-title">
                    {t('files.versionShort', { n: version.n })}
                    {version.current && (
                      <span className="badge badge-success">{t('files.detail.current')}</span>
                    )}
                  </p>
                  <p className="file-row-meta">
                    <span>
                      {t('files.uploadedBy', {
                        name: version.uploaded_by.display_name || version.uploaded_by.username,
                      })}
                    </span>
                    <RelativeTime iso={version.created_at} />
                    <span>{formatSize(version.size, locale)}</span>
                    <span>{t('files.detail.uploadedAs', { filename: version.filename })}</span>
                  </p>
                </div>
                <a
                  className="button button-ghost button-sm"
                  href={localPath(version.download_url)}
                  download
                >
                  {t('files.detail.downloadVersion', { n: version.n })}
                </a>
              </li>
            ))}
          </ol>
        )}
        {versions.hasNextPage && (
          <div className="load-more">
            <Button pending={versions.isFetchingNextPage} onClick={() => versions.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </div>
        )}
      </section>

      {file.can_add_version && limits && (
        <section className="section">
          <UploadControl
            title={t('files.upload.versionTitle')}
            submitLabel={t('files.upload.submitVersion')}
            hint={t('files.upload.versionHint', { type: t(KIND_LABELS[kind] as 'files.kind.pdf') })}
            withDescription={false}
            limits={limits}
            onUpload={(chosen, _description, progress, signal) =>
              uploadVersion(file.id, chosen, progress, signal).then((updated) => {
                queryClient.setQueryData(fileKeys.file(file.id), updated);
                setNotice(
                  t('files.upload.versionDone', { n: updated.current_version, name: updated.name }),
                );
              })
            }
            onDone={() => {
              void queryClient.invalidateQueries({ queryKey: fileKeys.versions(file.id) });
              void queryClient.invalidateQueries({ queryKey: fileKeys.list(communityId) });
              void queryClient.invalidateQueries({ queryKey: fileKeys.library(communityId) });
            }}
          />
        </section>
      )}

      <ConfirmDialog
        open={confirming}
        title={t('files.detail.deleteTitle', { name: file.name })}
        confirmLabel={t('files.detail.deleteConfirm')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate()}
      >
        <p>{t('files.detail.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
