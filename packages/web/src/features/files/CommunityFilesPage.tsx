import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, SuccessMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { usePageTitle } from '../../components/use-page-title';
import { useI18n } from '../../i18n/I18nProvider';
import { FileIcon } from './FileIcon';
import { FileRow } from './FileRow';
import { formatSize } from './file-format';
import { fileKeys, getLibrary, listFiles, uploadFile } from './files-api';
import { UploadControl } from './UploadControl';

function FilesSkeleton() {
  const { t } = useI18n();
  return (
    <ul className="file-list" aria-busy="true">
      <li className="visually-hidden" role="status">
        {t('app.loading')}
      </li>
      {[0, 1, 2].map((index) => (
        <li className="file-row" key={index} aria-hidden="true">
          <span className="skeleton file-skeleton-icon" />
          <span className="skeleton-lines">
            <span className="skeleton skeleton-line" />
            <span className="skeleton skeleton-line short" />
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A community's file library: what is stored and how much room is left, uploads, the list.
 * `embedded`: shown as a section of the community's own page (which has the heading and
 * the way back), so it drops its own.
 */
export function CommunityFilesPage({ embedded = false }: { embedded?: boolean }) {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string>(
    (location.state as { notice?: string } | null)?.notice ?? '',
  );
  const library = useQuery({ queryKey: fileKeys.library(id), queryFn: () => getLibrary(id) });
  const files = useInfiniteQuery({
    queryKey: fileKeys.list(id),
    queryFn: ({ pageParam }) => listFiles(id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  const community = library.data?.community.name;
  usePageTitle(community ? t('files.pageTitle', { community }) : t('files.title'));

  if (library.isError && isApiError(library.error, 'not_found')) {
    return (
      <div className="page page-medium">
        <h1 className="visually-hidden">{t('files.title')}</h1>
        <EmptyState title={t('files.communityNotFound')}>
          <p>{t('files.detail.notFoundHint')}</p>
        </EmptyState>
      </div>
    );
  }

  const items = files.data?.pages.flatMap((page) => page.items) ?? [];
  const data = library.data;
  return (
    <div className={embedded ? 'files-page' : 'page page-medium files-page'}>
      {embedded ? (
        <h2 className="visually-hidden">{t('files.title')}</h2>
      ) : (
        <header className="page-header">
          {community && (
            <p className="files-crumb">
              <Link to={`/communities/${id}`}>{t('files.backToCommunity', { community })}</Link>
            </p>
          )}
          <h1>{t('files.title')}</h1>
          {community && <p className="muted">{t('files.inCommunity', { community })}</p>}
        </header>
      )}
      {data && (
        <div className="files-usage">
          <progress
            className="progress"
            max={data.quota_bytes}
            value={data.used_bytes}
            aria-label={t('files.usageLabel')}
          />
          <p className="field-hint">
            {t('files.usage', {
              used: formatSize(data.used_bytes, locale),
              quota: formatSize(data.quota_bytes, locale),
            })}
          </p>
        </div>
      )}
      {data?.can_upload && (
        <UploadControl
          title={t('files.upload.title')}
          submitLabel={t('files.upload.submit')}
          withDescription
          limits={{
            accepted: data.accepted_extensions,
            maxBytes: data.max_file_bytes,
            leftBytes: Math.max(0, data.quota_bytes - data.used_bytes),
          }}
          onUpload={(file, description, progress, signal) => {
            setNotice('');
            return uploadFile(id, file, description, progress, signal);
          }}
          onDone={(file) => {
            setNotice(t('files.upload.done', { name: file.name }));
            void queryClient.invalidateQueries({ queryKey: fileKeys.library(id) });
            void queryClient.invalidateQueries({ queryKey: fileKeys.list(id) });
          }}
        />
      )}
      {data && !data.can_upload && (
        <p className="message message-info">{t('files.joinToUpload')}</p>
      )}
      <SuccessMessage>{notice}</SuccessMessage>
      <section className="files-section" aria-label={t('files.list')}>
        {files.isPending ? (
          <FilesSkeleton />
        ) : !files.data ? (
          <ErrorState error={files.error} onRetry={() => files.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon={<FileIcon kind="document" size={32} />} title={t('files.empty')}>
            <p>{data?.can_upload ? t('files.emptyHint') : t('files.emptyReadOnly')}</p>
          </EmptyState>
        ) : (
          <>
            <ul className="file-list">
              {items.map((file) => (
                <FileRow key={file.id} file={file} />
              ))}
            </ul>
            <LoadMore list={files} />
          </>
        )}
      </section>
    </div>
  );
}

/** The Files section of a community's page (see communities/community-tabs.ts). */
export function CommunityFilesTab() {
  return <CommunityFilesPage embedded />;
}
