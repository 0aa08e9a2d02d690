import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { getStatusHistory } from '../../api/statuses';
import { ErrorState } from '../../components/FormMessage';
import { Modal } from '../../components/Modal';
import { RichText } from '../../components/RichText';
import { LoadingBlock } from '../../components/Spinner';
import { useI18n } from '../../i18n/I18nProvider';

/** Every version of an edited status, newest first; the last one is the original. */
export function EditHistoryDialog({
  statusId,
  onClose,
}: {
  statusId: string;
  onClose: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const history = useQuery({
    queryKey: queryKeys.statusHistory(statusId),
    queryFn: () => getStatusHistory(statusId),
  });
  // Mastodon lists versions oldest first.
  const versions = [...(history.data ?? [])].reverse();
  return (
    <Modal open title={t('status.history')} onClose={onClose} wide>
      {history.isPending ? (
        <LoadingBlock />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => history.refetch()} />
      ) : (
        <ol className="edit-history">
          {versions.map((version, index) => {
            const original = index === versions.length - 1;
            return (
              <li key={version.created_at} className="edit-history-item">
                <p className="edit-history-when">
                  <span className="strong">
                    {original ? t('status.historyOriginal') : t('status.historyEdited')}
                  </span>{' '}
                  <time dateTime={version.created_at} className="muted">
                    {formatDateTime(version.created_at)}
                  </time>
                </p>
                {version.spoiler_text && (
                  <p className="edit-history-spoiler">
                    {t('status.historySpoiler', { text: version.spoiler_text })}
                  </p>
                )}
                <RichText className="status-content rich-text" html={version.content} />
                {version.poll && (
                  <ul className="edit-history-poll">
                    {version.poll.options.map((option, optionIndex) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by position
                      <li key={optionIndex}>{option.title}</li>
                    ))}
                  </ul>
                )}
                {version.media_attachments.length > 0 && (
                  <p className="muted small">
                    {t('status.historyMedia', { count: version.media_attachments.length })}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Modal>
  );
}
