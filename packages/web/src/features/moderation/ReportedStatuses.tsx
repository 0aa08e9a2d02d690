import type { Account, ModerationReport } from '@rapport/schema';
import { Link } from 'react-router';
import { RichText } from '../../components/RichText';
import { useI18n } from '../../i18n/I18nProvider';
import { threadPath } from '../statuses/status-paths';

type ReportedStatus = ModerationReport['statuses'][number];

/**
 * Reported statuses as they were when reported (a later edit or removal does not change
 * them), each with what became of it and, while someone can still open it, a link.
 */
export function ReportedStatuses({
  statuses,
  author,
  viewerIsAuthor = false,
  headingId,
}: {
  statuses: readonly ReportedStatus[];
  author: Account;
  /** The author still opens a hidden status; nobody else can. */
  viewerIsAuthor?: boolean;
  /** The heading that names the list. */
  headingId?: string;
}) {
  const { t, formatDateTime } = useI18n();
  return (
    <ul className="reported-statuses" aria-labelledby={headingId}>
      {statuses.map((status) => {
        const state = !status.exists ? 'removed' : status.hidden ? 'hidden' : 'visible';
        const openable = status.exists && (viewerIsAuthor || !status.hidden);
        return (
          <li key={status.id} className="reported-status">
            <div className="reported-status-meta">
              <span className="muted small">
                {t('moderation.status.postedAt', { date: formatDateTime(status.created_at) })}
              </span>
              <span className={`badge badge-status-${state}`}>
                {t(`moderation.status.${state}`)}
              </span>
              {openable && (
                <Link className="small" to={threadPath({ id: status.id, account: author })}>
                  {t('moderation.status.open')}
                </Link>
              )}
            </div>
            {status.spoiler_text && (
              <p className="reported-status-warning">
                {t('moderation.status.warning', { text: status.spoiler_text })}
              </p>
            )}
            <RichText className="rich-text reported-status-content" html={status.content} />
          </li>
        );
      })}
    </ul>
  );
}
