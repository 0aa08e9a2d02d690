import type { CommunityFile } from '@rapport/schema';
import { Link } from 'react-router';
import { RelativeTime } from '../../components/RelativeTime';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { FileIcon } from './FileIcon';
import { type FileKind, formatSize, kindOf } from './file-format';
import { localPath } from './files-api';

export const KIND_LABELS: Record<FileKind, MessageKey> = {
  pdf: 'files.kind.pdf',
  image: 'files.kind.image',
  document: 'files.kind.document',
  spreadsheet: 'files.kind.spreadsheet',
  presentation: 'files.kind.presentation',
  text: 'files.kind.text',
};

/** One file of a library: its type, name (to its page), size, uploader, date and versions. */
export function FileRow({ file }: { file: CommunityFile }) {
  const { t, locale } = useI18n();
  const kind = kindOf(file.mime);
  const uploader = file.uploaded_by.display_name || file.uploaded_by.username;
  return (
    <li className="file-row" data-file-id={file.id}>
      <FileIcon kind={kind} />
      <div className="file-row-text">
        <Link to={`/files/${file.id}`} className="file-row-name">
          {file.name}
        </Link>
        <p className="file-row-meta">
          <span>{t(KIND_LABELS[kind] as 'files.kind.pdf')}</span>
          <span>{formatSize(file.size, locale)}</span>
          <span>{uploader}</span>
          <RelativeTime iso={file.updated_at} />
          <span>{t('files.versions', { count: file.versions_count })}</span>
        </p>
      </div>
      <a
        className="button button-ghost button-sm file-row-download"
        href={localPath(file.download_url)}
        download={file.name}
        aria-label={`${t('files.detail.download')} ${file.name}`}
      >
        {t('files.detail.download')}
      </a>
    </li>
  );
}
