import type { ModerationNotice } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { getNotice } from '../../api/moderation';
import { queryKeys } from '../../api/query-keys';
import { ErrorState } from '../../components/FormMessage';
import { ShieldIcon } from '../../components/icons';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { ReportedStatuses } from './ReportedStatuses';

/** What the author reads: what happened to their content, why, and whom to ask. */
function NoticeView({ notice }: { notice: ModerationNotice }) {
  const { t, formatDate } = useI18n();
  const me = useCurrentAccount();
  const whyId = useId();
  const contentId = useId();
  const questionsId = useId();
  const title = t(`moderation.notice.title.${notice.action}`);
  usePageTitle(title);
  return (
    <div className="page page-medium">
      <article className="card notice-card">
        <header className="notice-header">
          <span className="notice-icon">
            <ShieldIcon size={24} />
          </span>
          <div>
            <h1>{title}</h1>
            <p className="notice-summary">
              {t(`moderation.notice.body.${notice.action}`, {
                date: formatDate(notice.created_at),
              })}
            </p>
          </div>
        </header>
        {notice.reason && (
          <section className="notice-section" aria-labelledby={whyId}>
            <h2 id={whyId}>{t('moderation.notice.why')}</h2>
            <blockquote className="report-comment">{notice.reason}</blockquote>
          </section>
        )}
        <section className="notice-section" aria-labelledby={contentId}>
          <h2 id={contentId}>{t('moderation.notice.content')}</h2>
          {notice.statuses.length > 0 ? (
            <ReportedStatuses
              statuses={notice.statuses}
              author={me}
              viewerIsAuthor
              headingId={contentId}
            />
          ) : (
            <p className="muted">{t('moderation.notice.noContent')}</p>
          )}
        </section>
        <section className="notice-section message message-info" aria-labelledby={questionsId}>
          <h2 id={questionsId}>{t('moderation.notice.questionsTitle')}</h2>
          <p>{t('moderation.notice.questions')}</p>
        </section>
      </article>
    </div>
  );
}

export function ModerationNoticePage() {
  const t = useT();
  const { id = '' } = useParams();
  const notice = useQuery({
    queryKey: queryKeys.moderationNotice(id),
    queryFn: () => getNotice(id),
  });
  if (notice.isPending) return <LoadingBlock />;
  if (isApiError(notice.error, 'not_found')) return <NoticeNotFound />;
  if (!notice.data) {
    return (
      <div className="page page-medium">
        <h1 className="visually-hidden">{t('moderation.notice.notFoundTitle')}</h1>
        <ErrorState error={notice.error} onRetry={() => notice.refetch()} />
      </div>
    );
  }
  return <NoticeView notice={notice.data} />;
}

function NoticeNotFound() {
  const t = useT();
  usePageTitle(t('moderation.notice.notFoundTitle'));
  return (
    <div className="page page-narrow">
      <div className="card moderation-explainer">
        <h1>{t('moderation.notice.notFoundTitle')}</h1>
        <p className="muted">{t('moderation.notice.notFoundBody')}</p>
        <Link className="button button-secondary" to="/notifications">
          {t('nav.notifications')}
        </Link>
      </div>
    </div>
  );
}
